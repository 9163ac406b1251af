using DxCollab.Platform.Identity;
using DxCollab.Web.Pages.Account;
using Microsoft.AspNetCore.Identity;

namespace DxCollab.Web.Pages.Tenant.Account;

public sealed class SecurityModel(UserManager<AppUser> users, SignInManager<AppUser> signIn) : SecurityModelBase(users, signIn);
