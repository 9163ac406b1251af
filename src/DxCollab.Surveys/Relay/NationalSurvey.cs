using DxCollab.Surveys.Forms;

namespace DxCollab.Surveys.Relay;

/// <summary>全国照会 (host level, not tenant-owned): issued by a NationalViewer to every prefecture, which relays it to
/// its municipalities. Its form holds only national sections (<see cref="SectionOrigin.National"/>).</summary>
public sealed class NationalSurvey
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public required string Title { get; set; }
    public string Purpose { get; set; } = "";
    /// <summary>調査基準日 (e.g. 4月1日): the day the figures describe.</summary>
    public DateOnly ReferenceDate { get; set; }
    /// <summary>The prefectures' deadline to the national side (Asia/Tokyo).</summary>
    public DateOnly Deadline { get; set; }
    public string FormJson { get; set; } = "{}";
    public DateTime IssuedAt { get; init; }
    public string IssuedBy { get; init; } = "";

    public SurveyForm Form
    {
        get => SurveyForm.FromJson(FormJson);
        set { FormJson = value.ToJson(); }
    }
}

/// <summary>速報 (preliminary) then 確報 (final) figures of a prefecture.</summary>
public enum FigureStage { Preliminary = 1, Final = 2 }

public static class FigureStageNames
{
    public static string ToJapanese(this FigureStage stage) => stage == FigureStage.Final ? "確報" : "速報";
}

/// <summary>The national answers of one 団体 as its prefecture relayed them (host level): only the questions of the
/// national sections, never the prefecture's own. Kept by prefecture + 団体コード.</summary>
public sealed class NationalSurveyResult
{
    public long Id { get; private set; }
    public Guid NationalSurveyId { get; init; }
    /// <summary>The prefecture tenant's id (osaka); a plain column, not a tenant key.</summary>
    public required string PrefectureId { get; init; }
    public required string RespondentCode { get; init; }
    public string RespondentName { get; set; } = "";
    /// <summary>National answers only (<see cref="AnswerSet"/> as JSON).</summary>
    public string AnswersJson { get; set; } = "{}";
    public FigureStage Stage { get; set; } = FigureStage.Preliminary;
    /// <summary>When the 団体 submitted (orders the reports: an older one never overwrites a newer one).</summary>
    public DateTime SubmittedAt { get; set; }
    public DateTime ReceivedAt { get; set; }
    /// <summary>How many times the answers arrived (1 = the first 速報).</summary>
    public int Revision { get; set; }
}

/// <summary>A figure that changed in a resubmission after the 速報 (修正): what the national side saw before and after.</summary>
public sealed class NationalSurveyChange
{
    public long Id { get; private set; }
    public Guid NationalSurveyId { get; init; }
    public required string PrefectureId { get; init; }
    public required string RespondentCode { get; init; }
    public string RespondentName { get; init; } = "";
    public required string QuestionKey { get; init; }
    public string? Before { get; init; }
    public string? After { get; init; }
    public DateTime ChangedAt { get; init; }
    public int Revision { get; init; }
}
