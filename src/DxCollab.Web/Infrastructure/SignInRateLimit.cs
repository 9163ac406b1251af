using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace DxCollab.Web.Infrastructure;

/// <summary>Sign-in attempts one address may make (all sign-in surfaces together) before it gets 429. The per-account
/// lockout (SignInFigures) stops guessing one account's password; this stops one address trying many accounts. The
/// default allows 60 a minute: a town hall or an LGWAN connection sends every officer's sign-in from one address, and
/// the whole office signing in at 8:30 must not be turned away.</summary>
public sealed class SignInRateLimitOptions
{
    public const string Section = "Security:SignInRateLimit";
    public int PermitLimit { get; set; } = 60;
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

public static class SignInRateLimit
{
    /// <summary>The policy of the API login (tenant and host level) and of the login and two-factor pages.</summary>
    public const string Policy = "sign-in";

    public static IServiceCollection AddSignInRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SignInRateLimitOptions>(configuration.GetSection(SignInRateLimitOptions.Section));
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Only attempts count: showing the login page (GET) is free.
            o.AddPolicy(Policy, http =>
            {
                if (!HttpMethods.IsPost(http.Request.Method)) return RateLimitPartition.GetNoLimiter("");
                var limit = http.RequestServices.GetRequiredService<IOptions<SignInRateLimitOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(AddressOf(http), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limit.PermitLimit, Window = limit.Window, QueueLimit = 0, AutoReplenishment = true,
                });
            });
            o.OnRejected = RejectAsync;
        });
        return services;
    }

    /// <summary>The client's address (behind a proxy: as the forwarded-headers middleware set it).</summary>
    public static string AddressOf(HttpContext http) =>
        http.Connection.RemoteIpAddress is { } ip ? (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip).ToString() : "unknown";

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        var window = http.RequestServices.GetRequiredService<IOptions<SignInRateLimitOptions>>().Value.Window;
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : window;
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var minutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
        const string title = "ログインの試行が多すぎます。";
        var detail = $"この接続元からのログインの試行が多すぎます。{minutes} 分ほど待ってからもう一度お試しください。";
        if (http.Request.Path.StartsWithSegments("/api"))
        {
            await TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(http);
            return;
        }
        http.Response.ContentType = "text/html; charset=utf-8";
        var back = WebUtility.HtmlEncode(http.Request.PathBase + http.Request.Path);
        await http.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="ja"><head><meta charset="utf-8"><title>{title}</title></head>
            <body><main><h1>{title}</h1><p>{detail}</p><p><a href="{back}">ログイン画面に戻る</a></p></main></body></html>
            """, ct);
    }
}
