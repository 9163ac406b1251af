using Microsoft.AspNetCore.Antiforgery;

namespace DxCollab.Web.Infrastructure;

/// <summary>The API answers bearer tokens and, for the pages' own scripts (a survey's autosave), the sign-in cookie. A
/// cookie travels with any request the browser makes, so a changing API call that a cookie authenticates must also
/// carry the page's anti-forgery token (header <c>RequestVerificationToken</c>), as a form post does: SameSite=Lax
/// alone left a same-site page (another app on a sibling host) able to send it. Bearer calls need no token: another
/// site cannot read or send the header.</summary>
public static class CookieApiAntiforgery
{
    public static IApplicationBuilder UseCookieApiAntiforgery(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (NeedsToken(http) && !await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http))
        {
            await Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "画面から送られた操作として確認できませんでした。",
                detail: "ログイン中の画面からの操作には確認用のトークン（RequestVerificationToken ヘッダー）が必要です。画面を読み込み直してからもう一度お試しください。API を直接呼ぶときは Authorization: Bearer のアクセストークンを使ってください。")
                .ExecuteAsync(http);
            return;
        }
        await next(http);
    });

    private static bool NeedsToken(HttpContext http) =>
        http.Request.Path.StartsWithSegments("/api")
        && !(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || HttpMethods.IsOptions(http.Request.Method))
        && !http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
        && http.User.Identity?.IsAuthenticated == true;
}
