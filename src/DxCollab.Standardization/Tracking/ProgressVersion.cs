using DxCollab.MultiTenancy.EntityFrameworkCore;
using DxCollab.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Standardization.Tracking;

/// <summary>How many times the tenant's 標準化 figures may have changed (statuses and their history, systems switched
/// off or flagged 特定移行支援, the settings, the 団体 list): the key under which every web instance keeps the dashboard's
/// figures (<see cref="ProgressFigures"/>). One row per tenant, made by the first reader; every such save adds one
/// after it is stored (<see cref="ProgressVersionInterceptor"/>).</summary>
public sealed class ProgressVersion : ITenantOwned, DxCollab.Platform.Audit.IAuditExempt
{
    public string TenantId { get; set; } = "";
    public long Version { get; set; }

    /// <summary>After a change is stored: readers from now on compute afresh (the row is made if there is none).</summary>
    public static Task BumpAsync(DxCollabDbContext db, CancellationToken ct) =>
        db.CurrentTenantId is not { } tenant ? Task.CompletedTask
            : VersionRows.BumpAsync<ProgressVersion>(db, Key(tenant),
                (rows, c) => rows.ExecuteUpdateAsync(s => s.SetProperty(v => v.Version, v => v.Version + 1), c), ct);

    /// <summary>The tenant's version, the row made first if it is missing.</summary>
    public static async Task<long?> ReadAsync(DxCollabDbContext db, CancellationToken ct) =>
        db.CurrentTenantId is not { } tenant ? null : await VersionRows.ReadAsync<ProgressVersion>(db, Key(tenant), v => (long?)v.Version, ct);

    private static Dictionary<string, object> Key(string tenant) => new() { [nameof(TenantId)] = tenant };
}
