using DxCollab.MultiTenancy.EntityFrameworkCore;

namespace DxCollab.Surveys.Domain;

/// <summary>One roster entry and its answer: the unit that answers is an organisation (団体, by 団体コード) or one of
/// the prefecture's departments, not a person. Any officer of the 団体 edits the draft; one submits.</summary>
public sealed class SurveyResponse : ITenantOwned
{
    public long Id { get; private set; }
    public string TenantId { get; set; } = "";
    public long SurveyId { get; init; }
    /// <summary>団体コード (6 digits) of the responding 団体, or <c>D{id}</c> for a prefecture department
    /// (<see cref="SurveyDepartment"/>).</summary>
    public required string RespondentCode { get; init; }
    public ResponseState State { get; set; } = ResponseState.NotStarted;
    /// <summary>The answers (<see cref="Forms.AnswerSet"/> as JSON), values kept as typed so nothing is lost on a
    /// validation error.</summary>
    public string AnswersJson { get; set; } = "{}";
    /// <summary>Concurrency token of the draft: every save raises it; a save made from an older version is refused
    /// (the second of two officers is told the draft changed).</summary>
    public int Version { get; set; }
    /// <summary>期限延長: the deadline granted to this respondent, later than the survey's.</summary>
    public DateOnly? ExtendedDeadline { get; set; }
    public DateTime? LastSavedAt { get; set; }
    public string? LastSavedBy { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public string? SubmittedBy { get; set; }
    public DateTime? ReturnedAt { get; set; }
    public string? ReturnedBy { get; set; }
    /// <summary>差戻し comment of the prefecture.</summary>
    public string? ReturnComment { get; set; }
    /// <summary>Latest activity of any kind (save, submit, return, extension), for the status board.</summary>
    public DateTime? LastActivityAt { get; set; }

    public bool IsDepartment => IsDepartmentCode(RespondentCode);

    /// <summary>A prefecture department's code (<c>D{id}</c>), as opposed to a 団体コード.</summary>
    public static bool IsDepartmentCode(string code) => code.StartsWith('D');

    /// <summary>The deadline this respondent answers by: the later of the survey's (which the prefecture may extend for
    /// everyone) and its own granted extension.</summary>
    public static DateOnly EffectiveDeadline(DateOnly? extended, DateOnly surveyDeadline) =>
        extended is { } own && own > surveyDeadline ? own : surveyDeadline;

    public static string DepartmentCode(long departmentId) => $"D{departmentId}";
}

public enum ResponseState
{
    NotStarted = 1,  // 未着手
    Drafting = 2,    // 回答中
    Submitted = 3,   // 提出済
    Returned = 4,    // 差戻し
}

public static class ResponseStateNames
{
    public static string ToJapanese(this ResponseState state) => state switch
    {
        ResponseState.NotStarted => "未着手",
        ResponseState.Drafting => "回答中",
        ResponseState.Submitted => "提出済",
        ResponseState.Returned => "差戻し",
        _ => state.ToString(),
    };
}
