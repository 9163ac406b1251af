using DxCollab.MultiTenancy;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Tenancy;
using DxCollab.Web.Pages.Account;
using Microsoft.AspNetCore.Identity;

namespace DxCollab.Web.Pages.Tenant;

[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Infrastructure.SignInRateLimit.Policy)] // POSTs only: sign-in attempts
public sealed class LoginModel(SignInManager<AppUser> signIn) : LoginModelBase(signIn)
{
    private PrefectureTenant Current => HttpContext.GetTenantInfo<PrefectureTenant>()!;
    public string TenantName => Current.Name!;
    public override string Heading => $"{TenantName} ログイン";
    protected override string HomeUrl => "/" + Current.Identifier;
    protected override string TwoFactorUrl => $"/{Current.Identifier}/login/two-factor";

    public void OnGet() { }
}
