using DxCollab.Platform.Identity;
using DxCollab.Web.Pages.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace DxCollab.Web.Pages.Ops.Account;

/// <summary>Every host user (NationalViewer or SystemAdmin) manages their own sign-in security here.</summary>
public sealed class SecurityModel(UserManager<AppUser> users, SignInManager<AppUser> signIn) : SecurityModelBase(users, signIn);
