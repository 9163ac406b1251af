using DxCollab.Platform.Identity;
using DxCollab.Web.Pages.Account;
using Microsoft.AspNetCore.Identity;

namespace DxCollab.Web.Pages.Ops;

[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Infrastructure.SignInRateLimit.Policy)] // POSTs only: sign-in attempts
public sealed class LoginTwoFactorModel(SignInManager<AppUser> signIn) : LoginTwoFactorModelBase(signIn)
{
    protected override string HomeUrl => "/ops";
    protected override string LoginUrl => "/ops/login";
}
