using DxCollab.Platform.Users;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.Web.Pages.Tenant;

/// <summary>The invitation link's landing page: the invited person sets a password, then signs in.</summary>
public sealed class InvitationModel(UserAdministration admin) : TenantPageModel
{
    [BindProperty(SupportsGet = true)] public string UserId { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string Token { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    [BindProperty] public string Confirm { get; set; } = "";

    public IActionResult OnGet() => string.IsNullOrEmpty(UserId) || string.IsNullOrEmpty(Token) ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrEmpty(Password)) ModelState.AddModelError(nameof(Password), "パスワードを入力してください。");
        else if (Password != Confirm) ModelState.AddModelError(nameof(Confirm), "確認用のパスワードが一致しません。");
        if (ModelState.ErrorCount > 0) return Page();

        var result = await admin.AcceptInvitationAsync(UserId, Token, Password);
        if (!result.Succeeded)
        {
            foreach (var (field, messages) in result.Errors)
                foreach (var message in messages)
                    ModelState.AddModelError(field == "password" ? nameof(Password) : string.Empty, message);
            return Page();
        }
        TempData["Notice"] = "パスワードを設定しました。メールアドレスと新しいパスワードでログインしてください。";
        return Redirect(TenantUrl("login"));
    }
}
