using DxCollab.MultiTenancy.EntityFrameworkCore;

namespace DxCollab.TalentPool.Domain;

/// <summary>An expert assigned to a request for whole months (<see cref="StartMonth"/>..<see cref="EndMonth"/>, first days
/// of months), <see cref="HoursPerMonth"/> booked in each against the expert's capacity (<see cref="ExpertMonthLoad"/>).</summary>
public sealed class Assignment : ITenantOwned
{
    public long Id { get; private set; }
    public string TenantId { get; set; } = "";
    public long RequestId { get; set; }
    public long ExpertId { get; set; }
    /// <summary>団体コード of the supported 団体 (copied from the request: the expert's view and the dashboards need it).</summary>
    public required string OrganizationCode { get; set; }
    public DateOnly StartMonth { get; set; }
    public DateOnly EndMonth { get; set; }
    public int HoursPerMonth { get; set; }
    public SupportMode Mode { get; set; }
    public AssignmentState State { get; set; } = AssignmentState.Planned;
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime? CompletedAt { get; set; }
}

/// <summary>The capacity ledger: one row per expert and month, the hours booked by assignments and the capacity they may
/// not exceed. The database refuses an over-booking (a check constraint), and a booking is one conditional update per
/// month, so two staff assigning the same expert at the same moment can never over-book.</summary>
public sealed class ExpertMonthLoad : ITenantOwned
{
    public long Id { get; private set; }
    public string TenantId { get; set; } = "";
    public long ExpertId { get; set; }
    /// <summary>yyyyMM (e.g. 202612).</summary>
    public int Month { get; set; }
    public int CapacityHours { get; set; }
    public int BookedHours { get; set; }

    public static int MonthKey(DateOnly date) => date.Year * 100 + date.Month;
}
