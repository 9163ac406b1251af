namespace DxCollab.Procurement.Polls;

/// <summary>A 意向調査 to open: the question, the deadline (a Tokyo day, yyyy-MM-dd, today or later) and the candidates
/// (団体コード; omitted = every active municipality of the tenant not yet a member).</summary>
public sealed record PollInput(string? Question, string? Deadline, IReadOnlyList<string>? CandidateCodes);

/// <summary>A candidate's answer; <c>conditions</c> is required for 条件付き参加 (Conditional).</summary>
public sealed record AnswerInput(IntentChoice? Choice, string? Conditions);

public sealed record AnswerView(string OrganizationCode, string OrganizationName, IntentChoice? Choice, string ChoiceName, string? Conditions,
    DateTime? AnsweredAt)
{
    public static AnswerView Of(IntentAnswer a) =>
        new(a.OrganizationCode, a.OrganizationName, a.Choice, a.Choice?.ToJapanese() ?? "未回答", a.Conditions, a.AnsweredAt);
}

/// <summary>Counts, who answered what, and who has not answered yet.</summary>
public sealed record PollResults(int Join, int Conditional, int Decline, int Unanswered, IReadOnlyList<AnswerView> Answers,
    IReadOnlyList<AnswerView> NotAnswered);

/// <summary>A poll as its reader sees it. A candidate that is not a member sees the workspace's title, subject and lead and
/// its own answer only (<see cref="Results"/> null); members and the prefecture's staff see the results.</summary>
public sealed record PollView(long Id, long WorkspaceId, string WorkspaceTitle, string Subject, string LeadOrganizationName, string Question,
    DateOnly Deadline, string DeadlineJapanese, bool IsOpen, bool DeadlinePassed, DateTime OpenedAt, string OpenedBy, DateTime? ClosedAt,
    bool MayAnswer, bool MayClose, AnswerView? MyAnswer, PollResults? Results);

public static class IntentVocabulary
{
    public static string ToJapanese(this IntentChoice choice) => choice switch
    {
        IntentChoice.Join => "参加",
        IntentChoice.Decline => "不参加",
        IntentChoice.Conditional => "条件付き参加",
        _ => choice.ToString(),
    };
}
