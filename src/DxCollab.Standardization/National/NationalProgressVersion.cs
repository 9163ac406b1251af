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
        db.Set<NationalProgressVersion>().ExecuteUpdateAsync(s => s.SetProperty(v => v.Version, v => v.Version + 1), ct);

    /// <summary>The version, the row made first if it is missing.</summary>
    public static Task<long?> ReadAsync(DxCollabDbContext db, CancellationToken ct) =>
        Tracking.VersionRows.ReadAsync(db, start => new NationalProgressVersion { Version = start }, v => (long?)v.Version, ct);
}
