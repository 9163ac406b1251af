using DxCollab.MultiTenancy;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Tenancy;
using DxCollab.Web.Pages.Account;
using Microsoft.AspNetCore.Identity;

namespace DxCollab.Web.Pages.Tenant;

[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Infrastructure.SignInRateLimit.Policy)] // POSTs only: sign-in attempts
public sealed class LoginTwoFactorModel(SignInManager<AppUser> signIn) : LoginTwoFactorModelBase(signIn)
{
    protected override string HomeUrl => "/" + HttpContext.GetTenantInfo<PrefectureTenant>()!.Identifier;
    protected override string LoginUrl => HomeUrl + "/login";
}
