using DxCollab.MultiTenancy.EntityFrameworkCore;
using DxCollab.Surveys.Forms;

namespace DxCollab.Surveys.Domain;

/// <summary>照会: one request of the prefecture to the 団体 on its roster, answered by a deadline. Its questions live
/// in <see cref="FormJson"/> (a <see cref="SurveyForm"/>): question keys never change once published, so answers,
/// exports and the next round's prefill stay aligned.</summary>
public sealed class Survey : ITenantOwned
{
    public long Id { get; private set; }
    public string TenantId { get; set; } = "";
    public SurveyKind Kind { get; set; } = SurveyKind.Standard;
    public SurveyState State { get; set; } = SurveyState.Draft;
    public required string Title { get; set; }
    /// <summary>趣旨: why the prefecture asks.</summary>
    public string Purpose { get; set; } = "";
    /// <summary>根拠: the legal or administrative basis of the request, shown to respondents.</summary>
    public string LegalBasis { get; set; } = "";
    /// <summary>問い合わせ先 (課・担当・電話・メール).</summary>
    public string Contact { get; set; } = "";
    /// <summary>回答期限, a date in Asia/Tokyo: answers are accepted until the end of that day.</summary>
    public DateOnly Deadline { get; set; }
    /// <summary>年度 the survey belongs to (April–March, from the deadline): "asked twice this 年度" is counted in it.</summary>
    public int FiscalYear { get; set; }
    /// <summary>Confidential surveys send no aggregate back (還元) to respondents.</summary>
    public bool IsConfidential { get; set; }
    /// <summary>The survey this round was copied from (前回の照会), the source of "previous answer" prefill.</summary>
    public long? CopiedFromSurveyId { get; set; }
    /// <summary>Set when the survey relays a national survey (the host-level id of that survey).</summary>
    public Guid? NationalSurveyId { get; set; }
    /// <summary>How the roster was chosen (all / by 団体区分 / by hand), kept so the builder shows it again.</summary>
    public string RosterRuleJson { get; set; } = "{}";
    /// <summary>The questions (<see cref="SurveyForm"/> as JSON).</summary>
    public string FormJson { get; set; } = "{}";
    /// <summary>Raised by every change of the form; after publishing only additive changes are allowed.</summary>
    public int FormRevision { get; set; }
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
    public DateTime? PublishedAt { get; set; }
    /// <summary>When the survey was (last) closed; kept when it is reopened for corrections (<see cref="IsReopened"/>).</summary>
    public DateTime? ClosedAt { get; set; }

    /// <summary>再開中: open again for corrections after it was closed.</summary>
    public bool IsReopened => State == SurveyState.Published && ClosedAt is not null;

    /// <summary>The questions, parsed once per text of <see cref="FormJson"/>: the parse is kept until the JSON changes
    /// (set here, by EF when it reads the row, or by assigning <see cref="FormJson"/>), so a request that reads the form
    /// several times parses it once. Treat it as read-only: change the form by assigning a new one.</summary>
    public SurveyForm Form
    {
        get
        {
            var json = FormJson;
            if (_parsedForm is null || !ReferenceEquals(_parsedFrom, json))
            {
                _parsedForm = SurveyForm.FromJson(json);
                _parsedFrom = json;
            }
            return _parsedForm;
        }
        // Stored as text and parsed again on the next read, so the caller's instance is never the cached one.
        set => FormJson = value.ToJson();
    }

    // Compared by reference: whatever sets FormJson (the setter, EF materialising the row into the backing field) gives a
    // new string, so a stale parse is never returned.
    private string? _parsedFrom;
    private SurveyForm? _parsedForm;
}

public enum SurveyKind
{
    Standard = 1,     // 照会
    WrittenVote = 2,  // 書面会議の表決書
    KpiProgress = 3,  // KPI 進捗表 (改革工程表 style)
}

public enum SurveyState
{
    Draft = 1,      // 作成中
    Published = 2,  // 回答受付中
    Closed = 3,     // 締切済
}
