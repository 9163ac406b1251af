using DxCollab.MultiTenancy.EntityFrameworkCore;
using DxCollab.Platform.Audit;

namespace DxCollab.Standardization.Tracking;

/// <summary>The recorded statuses of one 団体 × 業務 row, counted (a few thousand rows per tenant instead of tens of
/// thousands of statuses). With <see cref="StepTally"/> it answers every figure of the dashboard, the progress API, the
/// heat maps and the insights summary: 団体区分 / 団体 / 業務 groupings and the 団体 × 業務 heat map add these rows;
/// 完了率 per system and the last change (停滞) read one row. It counts every recorded row whatever the 団体's type or
/// the 業務's switch-off, so it is a pure count of <see cref="StepProgress"/> (and the time of <see
/// cref="StepProgressChange"/>): switching a 業務 off or changing the 団体 list changes no tally; readers leave those
/// rows out as they always did. 未着手 = 40 − the others (absent steps are 未着手).</summary>
public sealed class BusinessTally : ITenantOwned, IAuditExempt, IStatusCounts
{
    public long Id { get; private set; }
    public string TenantId { get; set; } = "";
    public required string OrganizationCode { get; init; }
    public int BusinessNumber { get; init; }
    public int Completed { get; set; }
    public int InProgress { get; set; }
    /// <summary>Rows recorded as 未着手 (kept so a recount compares every recorded row).</summary>
    public int NotStarted { get; set; }
    public int NotApplicable { get; set; }
    /// <summary>The latest of the rows' UpdatedAt and the history's ChangedAt (UTC): when the system last moved.</summary>
    public DateTime? LastChangedAt { get; set; }

    public StepCounts Counts => new(Completed, InProgress, MigrationCatalog.StepCount - Completed - InProgress - NotApplicable, NotApplicable);
}

/// <summary>The recorded statuses of one step of one 団体, counted over all its 業務: the step grouping and the 団体 ×
/// step heat map. A 業務 switched off (or not reported) is subtracted by the reader from its own rows, which are few.</summary>
public sealed class StepTally : ITenantOwned, IAuditExempt, IStatusCounts
{
    public long Id { get; private set; }
    public string TenantId { get; set; } = "";
    public required string OrganizationCode { get; init; }
    public int StepNumber { get; init; }
    public int Completed { get; set; }
    public int InProgress { get; set; }
    public int NotStarted { get; set; }
    public int NotApplicable { get; set; }
}

/// <summary>Counts of recorded statuses (a tally row, or a save's change to one): one way to add a status or another count.</summary>
public interface IStatusCounts
{
    int Completed { get; set; }
    int InProgress { get; set; }
    int NotStarted { get; set; }
    int NotApplicable { get; set; }
}

public static class StatusCounts
{
    public static void Add(this IStatusCounts counts, StepStatus status, int count)
    {
        switch (status)
        {
            case StepStatus.Completed: counts.Completed += count; break;
            case StepStatus.InProgress: counts.InProgress += count; break;
            case StepStatus.NotStarted: counts.NotStarted += count; break;
            case StepStatus.NotApplicable: counts.NotApplicable += count; break;
        }
    }

    public static void Add(this IStatusCounts counts, IStatusCounts more)
    {
        counts.Completed += more.Completed;
        counts.InProgress += more.InProgress;
        counts.NotStarted += more.NotStarted;
        counts.NotApplicable += more.NotApplicable;
    }
}
