using System.ComponentModel.DataAnnotations;
using DxCollab.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DxCollab.Web.Pages.Account;

/// <summary>Sign-in shared by tenant (/{tenant}/login) and host (/ops/login) pages. The page runs under the URL's
/// tenant, so only that tenant's accounts can match the e-mail address.</summary>
public abstract class LoginModelBase(SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty, Required(ErrorMessage = "メールアドレスを入力してください。"), EmailAddress(ErrorMessage = "メールアドレスの形式が正しくありません。")]
    [Display(Name = "メールアドレス")]
    public string Email { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "パスワードを入力してください。"), DataType(DataType.Password)]
    [Display(Name = "パスワード")]
    public string Password { get; set; } = "";

    [BindProperty] public bool RememberMe { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public abstract string Heading { get; }
    protected abstract string HomeUrl { get; }
    protected abstract string TwoFactorUrl { get; }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var result = await signIn.PasswordSignInAsync(Email.Trim(), Password, RememberMe, lockoutOnFailure: true);
        if (result.Succeeded) return LocalRedirect(SafeReturnUrl());
        if (result.RequiresTwoFactor) return Redirect($"{TwoFactorUrl}?returnUrl={Uri.EscapeDataString(SafeReturnUrl())}&rememberMe={RememberMe}");
        ModelState.AddModelError(string.Empty, result.IsLockedOut
            ? SignInFigures.LockedOutMessage
            : result.IsNotAllowed
                ? "このアカウントは現在ログインできません。管理者にお問い合わせください。"
                : "メールアドレスまたはパスワードが正しくありません。");
        return Page();
    }

    protected string SafeReturnUrl() => !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) && ReturnUrl != "/" ? ReturnUrl : HomeUrl;
}

/// <summary>Second step of sign-in: a code from the authenticator app, or a recovery code.</summary>
public abstract class LoginTwoFactorModelBase(SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty, Required(ErrorMessage = "コードを入力してください。"), Display(Name = "認証コード（6 桁）または回復用コード")]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)] public bool RememberMe { get; set; }
    [BindProperty] public bool RememberMachine { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    protected abstract string HomeUrl { get; }
    protected abstract string LoginUrl { get; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? Redirect(LoginUrl) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return Redirect(LoginUrl);
        var code = Code.Replace(" ", "").Replace("-", "");
        var result = code.Length == 6 && code.All(char.IsAsciiDigit)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, RememberMe, RememberMachine)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(Code.Replace(" ", ""));
        if (result.Succeeded)
            return LocalRedirect(!string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) && ReturnUrl != "/" ? ReturnUrl : HomeUrl);
        ModelState.AddModelError(string.Empty, result.IsLockedOut
            ? "続けて失敗したため、アカウントを一時的にロックしました。15 分後にもう一度お試しください。"
            : "コードが正しくありません。認証アプリに表示されている最新のコードを入力してください。");
        return Page();
    }
}
