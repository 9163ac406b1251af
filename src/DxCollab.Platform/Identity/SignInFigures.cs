namespace DxCollab.Platform.Identity;

/// <summary>The sign-in and session figures in one place (docs/security.md repeats them): lockout per account,
/// lifetimes of the bearer token and of the browser's cookie. The per-address attempt limit is configurable
/// (Security:SignInRateLimit, see SignInRateLimitOptions in the web host).</summary>
public static class SignInFigures
{
    /// <summary>Failed passwords or codes in a row before the account is locked.</summary>
    public const int MaxFailedAttempts = 5;

    public static readonly TimeSpan Lockout = TimeSpan.FromMinutes(15);

    /// <summary>An API client signs in again after an hour (no refresh endpoint is offered).</summary>
    public static readonly TimeSpan AccessToken = TimeSpan.FromHours(1);

    /// <summary>A browser session ends after 8 hours without a request (sliding: each request in the second half renews it).</summary>
    public static readonly TimeSpan Session = TimeSpan.FromHours(8);

    /// <summary>「ログイン状態を保持する」: a persistent cookie, also sliding, for 14 days.</summary>
    public static readonly TimeSpan RememberMe = TimeSpan.FromDays(14);

    /// <summary>The lockout as the sign-in pages and the API say it.</summary>
    public static string LockedOutMessage =>
        $"ログインに続けて失敗したため、アカウントを一時的にロックしました。{(int)Lockout.TotalMinutes} 分後にもう一度お試しください。";
}
