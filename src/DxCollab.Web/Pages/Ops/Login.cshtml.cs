using DxCollab.Platform.Identity;
using DxCollab.Web.Pages.Account;
using Microsoft.AspNetCore.Identity;

namespace DxCollab.Web.Pages.Ops;

[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Infrastructure.SignInRateLimit.Policy)] // POSTs only: sign-in attempts
public sealed class LoginModel(SignInManager<AppUser> signIn) : LoginModelBase(signIn)
{
    public override string Heading => "国・システム運用 ログイン";
    protected override string HomeUrl => "/ops";
    protected override string TwoFactorUrl => "/ops/login/two-factor";

    public void OnGet() { }
}
