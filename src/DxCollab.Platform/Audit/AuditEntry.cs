using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using DxCollab.MultiTenancy.EntityFrameworkCore;

namespace DxCollab.Platform.Audit;

/// <summary>Stored as its number: a new member needs no migration.</summary>
public enum AuditAction { Created = 1, Updated = 2, Deleted = 3, SignedIn = 4, SignInFailed = 5, SignedOut = 6, Exported = 7,
    /// <summary>A file applied as a whole (the 総務省 workbook): one entry for the file; its rows keep their own history.</summary>
    Imported = 8 }

/// <summary>One create, change or delete of tenant data, or a security event (sign-in, export; see SecurityAudit): who (user, organisation), when (UTC), what (entity,
/// key, before/after as JSON). Append-only: the DbContext refuses to change or delete it, and on PostgreSQL
/// the application's role holds only SELECT and INSERT on its table.</summary>
public sealed class AuditEntry : ITenantOwned
{
    public long Id { get; private set; }
    public string TenantId { get; set; } = "";
    public DateTime OccurredAt { get; init; }
    public string? UserId { get; init; }
    public string? UserEmail { get; init; }
    public string? OrganizationCode { get; init; }
    public AuditAction Action { get; init; }
    public required string EntityType { get; init; }
    public required string EntityKey { get; init; }
    public string? Before { get; init; }
    public string? After { get; init; }
    public string? RequestId { get; init; }
}

/// <summary>An entity whose audit key is better than its primary key (e.g. a 団体コード instead of a generated id).</summary>
public interface IHasAuditKey
{
    string AuditKey { get; }
}

/// <summary>Who is acting now: the signed-in user, or a named system actor for jobs and seeding.</summary>
public interface ICurrentActor
{
    string? UserId { get; }
    string? Email { get; }
    string? OrganizationCode { get; }
    string? RequestId { get; }
}

public sealed class SystemActor(string name = "system") : ICurrentActor
{
    public string? UserId => null;
    public string? Email => name;
    public string? OrganizationCode => null;
    public string? RequestId => System.Diagnostics.Activity.Current?.TraceId.ToString();
}

/// <summary>Tenant-owned delivery bookkeeping (inbox rows, the e-mail outbox) that is not itself a change worth an
/// audit entry: the change that caused it is audited, and auditing every notice and e-mail would swamp the log.</summary>
public interface IAuditExempt;

/// <summary>Before/After as the audit stores them: JSON with Japanese text as written (not \u escapes), so the log and its
/// CSV read as they were entered.</summary>
public static class AuditJson
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static string Serialize<T>(T details) => JsonSerializer.Serialize(details, Options);
}
