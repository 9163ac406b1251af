using DxCollab.MultiTenancy.EntityFrameworkCore;
using DxCollab.Platform.Organizations;

namespace DxCollab.Standardization.Snapshots;

public enum SnapshotKind
{
    /// <summary>月末時点: taken by the monthly job just after the month ended; never replaced.</summary>
    MonthEnd,
    /// <summary>途中経過: taken by a PrefectureAdmin during the month; replaced by the next manual one and by the month-end one.</summary>
    Manual,
}

/// <summary>The tenant's 標準化 figures frozen for one month, so any past month's tables read exactly as they did.</summary>
public sealed class MigrationSnapshot : ITenantOwned
{
    public long Id { get; private set; }
    public string TenantId { get; set; } = "";
    /// <summary>The first day of the month the figures belong to (2026-10-01 for 「令和8年10月末時点」).</summary>
    public DateOnly Month { get; init; }
    public SnapshotKind Kind { get; set; }
    public DateTime TakenAt { get; set; }
    public string? TakenBy { get; set; }
    public List<MigrationSnapshotRow> Rows { get; init; } = [];
}

/// <summary>One 団体 × 業務 row of a snapshot: the counts of each status (switched-off 業務 are not stored), with the
/// 団体's name and type as they were that month. Not audited row by row: the snapshot itself is.</summary>
public sealed class MigrationSnapshotRow : ITenantOwned, Platform.Audit.IAuditExempt
{
    public long Id { get; private set; }
    public string TenantId { get; set; } = "";
    public long SnapshotId { get; init; }
    public required string OrganizationCode { get; init; }
    public required string OrganizationName { get; init; }
    public OrganizationType OrganizationType { get; init; }
    public int BusinessNumber { get; init; }
    public int Completed { get; init; }
    public int InProgress { get; init; }
    public int NotStarted { get; init; }
    public int NotApplicable { get; init; }
}
