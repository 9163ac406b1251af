using DxCollab.MultiTenancy.EntityFrameworkCore;

namespace DxCollab.Standardization.Tracking;

/// <summary>One 業務 system of one 団体 (団体 × 業務): whether the 団体 runs it, and the facts per system that the
/// step grid does not show (特定移行支援システム, 経過措置, vendor, target go-live).</summary>
public sealed class BusinessSystem : ITenantOwned
{
    public long Id { get; private set; }
    public string TenantId { get; set; } = "";
    public required string OrganizationCode { get; init; }
    public int BusinessNumber { get; init; }
    /// <summary>False when the 団体 does not run this 業務 (the tenant switched it off); it then counts in no rate.</summary>
    public bool IsEnabled { get; set; } = true;
    /// <summary>特定移行支援システム: mainframe, vendor withdrawal, vendor shortage …</summary>
    public bool IsSpecificMigrationSupport { get; set; }
    public string? SpecificSupportReason { get; set; }
    public DateOnly? SpecificSupportPlannedCompletion { get; set; }
    /// <summary>経過措置: functions implemented after migration (by FY2028 at the latest).</summary>
    public string? TransitionalMeasures { get; set; }
    public string? VendorName { get; set; }
    public DateOnly? TargetGoLive { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}

/// <summary>The status of one step (団体 × 業務 × step). Absent rows are 未着手: most of the grid starts untouched.</summary>
public sealed class StepProgress : ITenantOwned
{
    public long Id { get; private set; }
    public string TenantId { get; set; } = "";
    public required string OrganizationCode { get; init; }
    public int BusinessNumber { get; init; }
    public int StepNumber { get; init; }
    public StepStatus Status { get; set; }
    public DateOnly? PlannedDate { get; set; }
    public DateOnly? ActualDate { get; set; }
    public string? Note { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}

/// <summary>Every change of a step, so "what changed since last month" and who did it can be answered. Append-only and
/// itself the step's trail (who, when, from, to), so not audited again: the step row's own audit entry records the
/// change (an import of 北海道 wrote two audit entries per changed step before).</summary>
public sealed class StepProgressChange : ITenantOwned, DxCollab.Platform.Audit.IAuditExempt
{
    public long Id { get; private set; }
    public string TenantId { get; set; } = "";
    public required string OrganizationCode { get; init; }
    public int BusinessNumber { get; init; }
    public int StepNumber { get; init; }
    public StepStatus? FromStatus { get; init; }
    public StepStatus ToStatus { get; init; }
    public DateOnly? PlannedDate { get; init; }
    public DateOnly? ActualDate { get; init; }
    public string? Note { get; init; }
    public DateTime ChangedAt { get; init; }
    public string? ChangedBy { get; init; }
    /// <summary>screen, api, bulk, import</summary>
    public required string Source { get; init; }
}
