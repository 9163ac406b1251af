using DxCollab.MultiTenancy.EntityFrameworkCore;
using DxCollab.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Standardization.Tracking;

/// <summary>A prefecture's own thresholds for the 標準化 dashboard and reminders (one row per tenant, defaults until
/// the PrefectureAdmin changes them).</summary>
public sealed class MigrationSettings : ITenantOwned
{
    public const int DefaultStalledAfterWeeks = 8;
    public const int DefaultEscalationAfterBusinessDays = 5;
    public const int DefaultMonthlyRequestBusinessDay = 10;

    public long Id { get; private set; }
    public string TenantId { get; set; } = "";
    /// <summary>A system with no step change for this many weeks is shown as 停滞.</summary>
    public int StalledAfterWeeks { get; set; } = DefaultStalledAfterWeeks;
    /// <summary>A step still not done this many business days after its planned date is also reported to the prefecture.</summary>
    public int EscalationAfterBusinessDays { get; set; } = DefaultEscalationAfterBusinessDays;
    /// <summary>On this business day of each month, municipalities that have not updated this month are asked to.</summary>
    public int MonthlyRequestBusinessDay { get; set; } = DefaultMonthlyRequestBusinessDay;
    public DateTime UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }

    /// <summary>The tenant's settings, or the defaults (not tracked) when it never changed them.</summary>
    public static async Task<MigrationSettings> LoadAsync(DxCollabDbContext db, CancellationToken ct = default) =>
        await db.Set<MigrationSettings>().AsNoTracking().FirstOrDefaultAsync(ct) ?? new MigrationSettings();
}
