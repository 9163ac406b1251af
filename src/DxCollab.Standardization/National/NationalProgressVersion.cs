using DxCollab.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Standardization.National;

/// <summary>How many times the national read model changed (host level, one row): the key under which every web
/// instance keeps the national figures (<see cref="Tracking.ProgressFigures"/>). Bumped after every save of
/// <see cref="NationalProgressRow"/>s (<see cref="Tracking.ProgressVersionInterceptor"/>) and by bulk loads.</summary>
public sealed class NationalProgressVersion : DxCollab.Platform.Audit.IAuditExempt
{
    public const int SingleRow = 1;

    public int Id { get; set; } = SingleRow;
    public long Version { get; set; }

    public static Task BumpAsync(DxCollabDbContext db, CancellationToken ct) =>
        Tracking.VersionRows.BumpAsync<NationalProgressVersion>(db, Key,
            (rows, c) => rows.ExecuteUpdateAsync(s => s.SetProperty(v => v.Version, v => v.Version + 1), c), ct);

    /// <summary>The version, the row made first if it is missing.</summary>
    public static Task<long?> ReadAsync(DxCollabDbContext db, CancellationToken ct) =>
        Tracking.VersionRows.ReadAsync<NationalProgressVersion>(db, Key, v => (long?)v.Version, ct);

    private static readonly Dictionary<string, object> Key = new() { [nameof(Id)] = SingleRow };
}
