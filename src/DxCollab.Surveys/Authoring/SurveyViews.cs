using System.Text.Json.Serialization;
using DxCollab.Surveys.Domain;
using DxCollab.Surveys.Forms;

namespace DxCollab.Surveys.Authoring;

/// <summary>The basics of a survey as the author types them. The deadline is a Tokyo date (yyyy-MM-dd).</summary>
public sealed record SurveyInput(string? Title, string? Purpose, string? LegalBasis, string? Contact, string? Deadline, bool IsConfidential = false);

/// <summary>A new round from an earlier survey: a new deadline is required, the title may change.</summary>
public sealed record CopyRequest(string? Deadline, string? Title = null);

/// <summary>A deadline on a 閉庁日 is accepted but flagged, with the next 開庁日 suggested.</summary>
public sealed record DeadlineWarning(string Reason, DateOnly SuggestedDeadline, string Message);

/// <summary>A survey in a list: for the staff with its progress (提出 x/y), for an officer with its own 団体's status
/// and the business days left.</summary>
public sealed record SurveySummary(long Id, string Title, [property: JsonConverter(typeof(JsonStringEnumConverter<SurveyKind>))] SurveyKind Kind,
    [property: JsonConverter(typeof(JsonStringEnumConverter<SurveyState>))] SurveyState State, string StateName, DateOnly Deadline,
    string DeadlineWareki, int FiscalYear, int Respondents, int Submitted, string? OwnRespondentCode, ResponseState? OwnState,
    string? OwnStateName, DateOnly? OwnDeadline, int? BusinessDaysLeft);

/// <summary>One survey in full. <see cref="Roster"/> and the counts are the staff's; an officer gets its own status.</summary>
public sealed record SurveyDetail(long Id, string Title, [property: JsonConverter(typeof(JsonStringEnumConverter<SurveyKind>))] SurveyKind Kind,
    [property: JsonConverter(typeof(JsonStringEnumConverter<SurveyState>))] SurveyState State, string StateName, string Purpose, string LegalBasis,
    string Contact, DateOnly Deadline, string DeadlineWareki, int FiscalYear, bool IsConfidential, long? CopiedFromSurveyId,
    Guid? NationalSurveyId, int FormRevision, SurveyForm Form, RosterRule? Roster, DeadlineWarning? DeadlineWarning, int BusinessDaysLeft,
    int Respondents, int Submitted, string? OwnRespondentCode, ResponseState? OwnState, string? OwnStateName, DateOnly? OwnDeadline,
    DateTime CreatedAt, string CreatedBy, DateTime UpdatedAt, string UpdatedBy, DateTime? PublishedAt, DateTime? ClosedAt);

/// <summary>The roster: the rule and who it names today (at publish, one response per entry).</summary>
public sealed record RosterView(RosterRule Rule, IReadOnlyList<RosterEntry> Entries);

/// <summary>A question asked again this 年度: the same text (NFKC, width and kana folded) in another survey of the tenant.</summary>
public sealed record RepeatWarning(string QuestionKey, string QuestionText, long OtherSurveyId, string OtherSurveyTitle, string OtherQuestionKey);

public sealed record DepartmentView(long Id, string Name, bool IsActive, string Code);

public sealed record DepartmentInput(string? Name);

/// <summary>Names of a survey's state and kind on the authoring pages (named so no other slice's extension clashes).</summary>
public static class SurveyAuthoringNames
{
    public static string AuthoringLabel(this SurveyState state) => state switch
    {
        SurveyState.Draft => "作成中",
        SurveyState.Published => "回答受付中",
        SurveyState.Closed => "締切済",
        _ => state.ToString(),
    };

    public static string AuthoringLabel(this SurveyKind kind) => kind switch
    {
        SurveyKind.Standard => "照会",
        SurveyKind.WrittenVote => "表決書",
        SurveyKind.KpiProgress => "KPI進捗表",
        _ => kind.ToString(),
    };
}
