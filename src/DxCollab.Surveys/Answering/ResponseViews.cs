using DxCollab.Surveys.Domain;
using DxCollab.Surveys.Forms;

namespace DxCollab.Surveys.Answering;

/// <summary>One respondent's answer as the form, the view page and the API show it: the survey's header, the state,
/// who saved last and when, the deadline that applies (with an extension), the answers as typed with what is wrong
/// with them, and what the reader may do next.</summary>
public sealed record ResponseView
{
    public required long SurveyId { get; init; }
    public required string SurveyTitle { get; init; }
    public string Purpose { get; init; } = "";
    public string LegalBasis { get; init; } = "";
    public string Contact { get; init; } = "";
    public SurveyState SurveyState { get; init; }
    public required string RespondentCode { get; init; }
    public required string RespondentName { get; init; }
    public ResponseState State { get; init; }
    public string StateName => State.ToJapanese();
    /// <summary>The concurrency token to send back with the next save.</summary>
    public int Version { get; init; }
    public DateOnly Deadline { get; init; }
    public DateOnly? ExtendedDeadline { get; init; }
    public DateOnly EffectiveDeadline => SurveyResponse.EffectiveDeadline(ExtendedDeadline, Deadline);
    public DateTime? LastSavedAt { get; init; }
    public string? LastSavedBy { get; init; }
    public DateTime? SubmittedAt { get; init; }
    public string? SubmittedBy { get; init; }
    public DateTime? ReturnedAt { get; init; }
    public string? ReturnedBy { get; init; }
    public string? ReturnComment { get; init; }
    public required SurveyForm Form { get; init; }
    public required AnswerSet Answers { get; init; }
    /// <summary>What is wrong with the answers (as a submission would be checked).</summary>
    public IReadOnlyList<AnswerError> Errors { get; init; } = [];
    public IReadOnlyList<FileItem> Files { get; init; } = [];
    public IReadOnlyList<ExtensionView> Extensions { get; init; } = [];
    public ExtensionView? PendingExtension => Extensions.FirstOrDefault(e => e.Decision == ExtensionDecision.Pending);
    /// <summary>Why the answer cannot be saved now (closed, submitted, past the deadline), or null.</summary>
    public string? LockedReason { get; init; }
    public bool MayEdit { get; init; }
    public bool MayReturn { get; init; }
    public bool MayDecideExtension { get; init; }
    public bool MayRequestExtension { get; init; }
    public int UnconfirmedCount => Answers.Answers.Count(a => a.Value.AwaitsConfirmation && Form.Find(a.Key) is not null);
}

public sealed record FileItem(long Id, string QuestionKey, string FileName, string ContentType, long Length, DateTime UploadedAt, string? UploadedBy);

public sealed record ExtensionView(long Id, DateOnly RequestedDeadline, string Reason, ExtensionDecision Decision, DateTime RequestedAt,
    string RequestedBy, DateTime? DecidedAt, string? DecidedBy, string? DecisionComment)
{
    public string DecisionName => Decision switch
    {
        ExtensionDecision.Pending => "回答待ち",
        ExtensionDecision.Granted => "承認",
        ExtensionDecision.Refused => "不承認",
        _ => Decision.ToString(),
    };
}

/// <summary>A save of the draft: the answers given replace those of the same keys (others stay), made from the
/// version the respondent last read.</summary>
public sealed record DraftInput(int Version, IReadOnlyDictionary<string, Answer> Answers);

public sealed record ExtensionInput(DateOnly? RequestedDeadline, string? Reason);

public sealed record ExtensionDecisionInput(bool Grant, string? Comment);
