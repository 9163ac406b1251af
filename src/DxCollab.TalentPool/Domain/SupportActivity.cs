using DxCollab.MultiTenancy.EntityFrameworkCore;

namespace DxCollab.TalentPool.Domain;

/// <summary>One entry of an assignment's activity log: what was done, when, how long, on site or online.</summary>
public sealed class SupportActivity : ITenantOwned
{
    public long Id { get; private set; }
    public string TenantId { get; set; } = "";
    public long AssignmentId { get; set; }
    public DateOnly Date { get; set; }
    public decimal Hours { get; set; }
    /// <summary>OnSite or Online (never Either).</summary>
    public SupportMode Mode { get; set; }
    public required string Summary { get; set; }
    public required string LoggedBy { get; set; }
    public DateTime LoggedAt { get; set; }
}

/// <summary>A support report (支援報告): due 5 開庁日 after each on-site visit (<see cref="ActivityId"/>) and at the end of
/// the assignment.</summary>
public sealed class SupportReport : ITenantOwned
{
    public long Id { get; private set; }
    public string TenantId { get; set; } = "";
    public long AssignmentId { get; set; }
    public ReportKind Kind { get; set; }
    /// <summary>The on-site visit this report is about (AfterVisit only).</summary>
    public long? ActivityId { get; set; }
    public DateOnly DueDate { get; set; }
    public string? Body { get; set; }
    public string FileIdsJson { get; set; } = "[]";
    public DateTime? SubmittedAt { get; set; }
    public string? SubmittedBy { get; set; }
}

/// <summary>The municipality's answer to the short satisfaction form after a request is completed.</summary>
public sealed class SatisfactionAnswer : ITenantOwned
{
    public long Id { get; private set; }
    public string TenantId { get; set; } = "";
    public long RequestId { get; set; }
    public required string OrganizationCode { get; set; }
    /// <summary>1 (不満) – 5 (満足).</summary>
    public int Rating { get; set; }
    public bool WouldAskAgain { get; set; }
    public string? Comment { get; set; }
    public DateTime AnsweredAt { get; set; }
    public required string AnsweredBy { get; set; }
}

/// <summary>How many people a 団体's DX / IT section has (情報担当職員数), as the prefecture records it: the dashboard lists
/// the 0–1 person sections (1人情シス) that have never asked for support.</summary>
public sealed class OrganizationItStaff : ITenantOwned
{
    public long Id { get; private set; }
    public string TenantId { get; set; } = "";
    public required string OrganizationCode { get; set; }
    public int Staff { get; set; }
    public DateOnly AsOf { get; set; }
    public DateTime UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }
}
