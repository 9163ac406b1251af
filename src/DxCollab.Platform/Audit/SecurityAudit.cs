using DxCollab.Platform.Data;
using Microsoft.AspNetCore.Http;

namespace DxCollab.Platform.Audit;

/// <summary>Events that change no row but belong in the audit trail: sign-in, failed sign-in and sign-out (from
/// DxSignInManager), and exports (ExportAudit). Saved at once, in the current tenant (the tenant of the URL); the
/// actor is named here because at sign-in the request has no signed-in user yet. Never a password.</summary>
public sealed class SecurityAudit(DxCollabDbContext db, TimeProvider clock, IHttpContextAccessor http, ICurrentActor actor)
{
    public const string SignIn = "サインイン";
    public const string Export = "エクスポート";

    /// <summary>The client's address as the audit records it (behind a proxy: as the forwarded-headers middleware set it).</summary>
    public static string AddressOf(HttpContext? context) =>
        context?.Connection.RemoteIpAddress is { } ip ? (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip).ToString() : "不明";

    /// <summary>A sign-in event: the e-mail tried (whether or not an account has it), the outcome and the address.</summary>
    public Task SignInAsync(AuditAction action, string email, string? userId, string? organizationCode, string outcome, CancellationToken ct = default) =>
        AddAsync(action, SignIn, Truncate(email, 200), userId, Truncate(email, 256), organizationCode,
            new() { ["結果"] = outcome, ["接続元"] = AddressOf(http.HttpContext) }, ct);

    /// <summary>An export or download by the signed-in user: what (path and query) and which file.</summary>
    public Task ExportAsync(string what, string? fileName, CancellationToken ct = default) =>
        AddAsync(AuditAction.Exported, Export, Truncate(what, 200), actor.UserId, actor.Email, actor.OrganizationCode,
            new() { ["ファイル"] = fileName, ["接続元"] = AddressOf(http.HttpContext) }, ct);

    private async Task AddAsync(AuditAction action, string entityType, string key, string? userId, string? email, string? organizationCode,
        Dictionary<string, string?> details, CancellationToken ct)
    {
        // No tenant (a URL outside every tenant): nothing to attach the entry to.
        if (db.CurrentTenantId is not { } tenant) return;
        db.AuditEntries.Add(new AuditEntry
        {
            TenantId = tenant,
            OccurredAt = clock.GetUtcNow().UtcDateTime,
            UserId = userId,
            UserEmail = email,
            OrganizationCode = organizationCode,
            RequestId = actor.RequestId,
            Action = action,
            EntityType = entityType,
            EntityKey = key,
            After = AuditJson.Serialize(details),
        });
        await db.SaveChangesAsync(ct);
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
