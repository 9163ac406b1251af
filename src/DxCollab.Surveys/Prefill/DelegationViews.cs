using DxCollab.Surveys.Domain;

namespace DxCollab.Surveys.Prefill;

/// <summary>A colleague a section may be given to: an active officer of the same 団体 (for a prefecture department,
/// a member of the prefecture's staff).</summary>
public sealed record Colleague(string UserId, string Name, string Email);

/// <summary>One section of a response and who has it (no assignee = the officer answers it).</summary>
public sealed record SectionAssignmentView(string SectionKey, string SectionTitle, string? AssigneeUserId, string? AssigneeName,
    DateOnly? InternalDeadline, string? Note, DateTime? AssignedAt, string? AssignedBy, DateTime? CompletedAt)
{
    public bool IsAssigned => AssigneeUserId is not null;
    public bool IsDone => CompletedAt is not null;
}

/// <summary>分担 of one response: its sections, who has what and what is done, and who may be given a section.</summary>
public sealed record DelegationBoard(long SurveyId, string SurveyTitle, string RespondentCode, string RespondentName, DateOnly Deadline,
    ResponseState State, bool CanAssign, IReadOnlyList<SectionAssignmentView> Sections, IReadOnlyList<Colleague> Colleagues);

/// <summary>What the officer sets for one section: an assignee (empty = take it back), an internal deadline and a note.</summary>
public sealed record AssignmentInput(string? SectionKey, string? AssigneeUserId, DateOnly? InternalDeadline, string? Note);

/// <summary>A section given to the signed-in user, with the link to its place in the answer form.</summary>
public sealed record MyAssignment(long SurveyId, string SurveyTitle, string RespondentCode, string SectionKey, string SectionTitle,
    DateOnly InternalDeadline, string? Note, string AssignedBy, DateTime AssignedAt, DateTime? CompletedAt, string AnswerLink)
{
    public bool IsDone => CompletedAt is not null;
}
