using DxCollab.Platform.Identity;
using DxCollab.Platform.Web;
using DxCollab.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.Web.Api;

public sealed record LoginRequest(string? Email, string? Password, string? TwoFactorCode);

public static class AuthApi
{
    public static RouteGroupBuilder MapAuthApi(this RouteGroupBuilder group, bool host)
    {
        group.MapPost("/login", Login).AllowAnonymous().DisableAntiforgery().RequireRateLimiting(SignInRateLimit.Policy)
            .WithSummary(host ? "国・運用の利用者のログイン（アクセストークン発行）" : "ログイン（アクセストークン発行）")
            .WithDescription("メールアドレスとパスワード（2 要素認証を有効にした利用者は twoFactorCode も）を受け取り、" +
                             "Authorization: Bearer に使う accessToken を返します。5 回続けて失敗すると 15 分間ロックされます。" +
                             "同じ接続元からの試行が多すぎると 429（Retry-After 付き）を返します。")
            .Produces<Microsoft.AspNetCore.Authentication.BearerToken.AccessTokenResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return group;
    }

    public static async Task<Results<EmptyHttpResult, ProblemHttpResult>> Login(
        [FromBody] LoginRequest? request, SignInManager<AppUser> signIn)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request?.Email)) errors["email"] = ["メールアドレスを入力してください。"];
        if (string.IsNullOrEmpty(request?.Password)) errors["password"] = ["パスワードを入力してください。"];
        if (errors.Count > 0) return Problems.Invalid(errors);

        // The user store is tenant-filtered: only this tenant's (or the host's) accounts can match.
        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        var result = await signIn.PasswordSignInAsync(request!.Email!.Trim(), request.Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            if (string.IsNullOrWhiteSpace(request.TwoFactorCode))
                return Unauthorized("2 要素認証のコードが必要です。認証アプリの 6 桁のコードを twoFactorCode に入れてください。");
            result = await signIn.TwoFactorAuthenticatorSignInAsync(request.TwoFactorCode.Replace(" ", ""), false, false);
        }
        if (result.Succeeded) return TypedResults.Empty; // the bearer handler has written the token response
        return Unauthorized(result.IsLockedOut
            ? SignInFigures.LockedOutMessage
            : result.IsNotAllowed
                ? "このアカウントは現在ログインできません。管理者にお問い合わせください。"
                : "メールアドレスまたはパスワード（または認証コード）が正しくありません。");
    }

    private static ProblemHttpResult Unauthorized(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status401Unauthorized, title: "ログインできませんでした。");
}
