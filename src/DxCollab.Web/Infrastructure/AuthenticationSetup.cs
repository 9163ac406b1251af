using DxCollab.MultiTenancy;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Tenancy;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace DxCollab.Web.Infrastructure;

public static class AuthenticationSetup
{
    public const string CookieOrBearer = "CookieOrBearer";

    /// <summary>Pages use Identity's cookie (with anti-forgery); API clients send the bearer token from
    /// <c>POST /api/v1/{tenant}/auth/login</c>. One policy scheme picks by the Authorization header.</summary>
    public static IServiceCollection AddDxCollabAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieOrBearer;
                o.DefaultAuthenticateScheme = CookieOrBearer;
                o.DefaultChallengeScheme = CookieOrBearer;
                o.DefaultForbidScheme = CookieOrBearer;
            })
            .AddPolicyScheme(CookieOrBearer, "Cookie or bearer token", o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = SignInFigures.AccessToken);

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "DxCollab.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = SignInFigures.Session; // 「ログイン状態を保持する」: DxSignInManager sets 14 days
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = ctx => Redirect(ctx, StatusCodes.Status401Unauthorized, LoginPath(ctx.HttpContext, ctx.RedirectUri));
            o.Events.OnRedirectToAccessDenied = ctx => Redirect(ctx, StatusCodes.Status403Forbidden, "/error/403");
            o.Events.OnValidatePrincipal = ValidateInUsersTenant;
        });

        return services;
    }

    /// <summary>The cookie's security stamp is checked against the user's own tenant (from the claim), in a scope of
    /// its own, so the request's DbContext stays bound to the URL's tenant and a wrong URL gives 403, not a sign-out.</summary>
    private static async Task ValidateInUsersTenant(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var claimed = context.Principal?.TenantId();
        var tenant = claimed is null ? null : await services.GetRequiredService<IMultiTenantStore<PrefectureTenant>>().GetAsync(claimed);
        if (tenant is null)
        {
            context.RejectPrincipal();
            return;
        }
        using var _ = services.GetRequiredService<TenantScope<PrefectureTenant>>().Begin(tenant, "claim");
        await using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ISecurityStampValidator>().ValidateAsync(context);
    }

    private static string LoginPath(HttpContext http, string redirectUri)
    {
        var returnUrl = new Uri(redirectUri, UriKind.RelativeOrAbsolute) is { IsAbsoluteUri: true } abs ? abs.PathAndQuery : redirectUri;
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://x" + returnUrl).Query);
        var back = query.TryGetValue("ReturnUrl", out var r) ? r.ToString() : "/";
        var tenant = http.GetRouteValue(MultiTenancy.Constants.TenantToken) as string;
        var login = tenant is null ? "/login" : $"/{tenant}/login";
        return $"{login}?returnUrl={Uri.EscapeDataString(back)}";
    }

    private static Task Redirect(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> ctx, int apiStatus, string location)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
            ctx.Response.StatusCode = apiStatus;
        else
            ctx.Response.Redirect(location);
        return Task.CompletedTask;
    }
}
