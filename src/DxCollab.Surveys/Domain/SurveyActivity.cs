using DxCollab.MultiTenancy.EntityFrameworkCore;

namespace DxCollab.Surveys.Domain;

/// <summary>What happened to one response and who did it (保存, 提出, 差戻し, 期限延長, 督促 …): the answer's history
/// and the "last activity" of the status board.</summary>
public sealed class SurveyResponseEvent : ITenantOwned
{
    public long Id { get; private set; }
    public string TenantId { get; set; } = "";
    public long SurveyId { get; init; }
    public long ResponseId { get; init; }
    public ResponseEventKind Kind { get; init; }
    public DateTime At { get; init; }
    public string By { get; init; } = "";
    public string? Detail { get; init; }
}

public enum ResponseEventKind
{
    Saved = 1, Submitted = 2, Returned = 3, ExtensionRequested = 4, ExtensionGranted = 5, ExtensionRefused = 6,
    Reminded = 7, SectionAssigned = 8, SectionCompleted = 9, FormChanged = 10,
    /// <summary>The closed survey was reopened for corrections (再開), and closed again after it (再締切).</summary>
    Reopened = 11, Reclosed = 12,
}

/// <summary>期限延長の申出: the respondent asks for a later deadline with a reason; the prefecture grants or refuses.</summary>
public sealed class SurveyExtensionRequest : ITenantOwned
{
    public long Id { get; private set; }
    public string TenantId { get; set; } = "";
    public long SurveyId { get; init; }
    public long ResponseId { get; init; }
    public DateOnly RequestedDeadline { get; init; }
    public required string Reason { get; init; }
    public ExtensionDecision Decision { get; set; } = ExtensionDecision.Pending;
    public DateTime RequestedAt { get; init; }
    public string RequestedBy { get; init; } = "";
    public DateTime? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }
    public string? DecisionComment { get; set; }
}

public enum ExtensionDecision { Pending = 1, Granted = 2, Refused = 3 }

/// <summary>分担: a section of a response given to a colleague of the same 団体 (another 課) with an internal deadline;
/// the officer reviews and submits the whole.</summary>
public sealed class SurveySectionAssignment : ITenantOwned
{
    public long Id { get; private set; }
    public string TenantId { get; set; } = "";
    public long SurveyId { get; init; }
    public long ResponseId { get; init; }
    public required string SectionKey { get; init; }
    public required string AssigneeUserId { get; set; }
    public string AssigneeName { get; set; } = "";
    public DateOnly InternalDeadline { get; set; }
    public string? Note { get; set; }
    public DateTime AssignedAt { get; init; }
    public string AssignedBy { get; init; } = "";
    public DateTime? CompletedAt { get; set; }
}

/// <summary>A department of the prefecture (部局・課) that can be on a roster: the prefecture's own staff answer for it.</summary>
public sealed class SurveyDepartment : ITenantOwned
{
    public long Id { get; private set; }
    public string TenantId { get; set; } = "";
    public required string Name { get; set; }
    public bool IsActive { get; set; } = true;
}
