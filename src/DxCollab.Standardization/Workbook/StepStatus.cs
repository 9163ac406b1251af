using System.Text;

namespace DxCollab.Standardization;

/// <summary>Status of one of the 40 steps for one 団体 × 業務, as 総務省 defines it. The numeric values are stable
/// (safe to store). 完了済み and 対象外 both count as done in the 完了率 (see <see cref="ProgressMath"/>).</summary>
public enum StepStatus
{
    /// <summary>未着手 (the 総務省 workbook writes 「未」).</summary>
    NotStarted = 0,
    /// <summary>作業中</summary>
    InProgress = 1,
    /// <summary>完了済み</summary>
    Completed = 2,
    /// <summary>対象外 (counts as done)</summary>
    NotApplicable = 3,
}

/// <summary>Japanese names of <see cref="StepStatus"/> and parsing of the texts found in the 総務省 workbook.</summary>
public static class StepStatusText
{
    /// <summary>All statuses in display order: 完了済み, 作業中, 未着手, 対象外.</summary>
    public static IReadOnlyList<StepStatus> DisplayOrder { get; } =
        [StepStatus.Completed, StepStatus.InProgress, StepStatus.NotStarted, StepStatus.NotApplicable];

    /// <summary>The Japanese name: 未着手, 作業中, 完了済み, 対象外.</summary>
    public static string JapaneseName(this StepStatus status) => status switch
    {
        StepStatus.NotStarted => "未着手",
        StepStatus.InProgress => "作業中",
        StepStatus.Completed => "完了済み",
        StepStatus.NotApplicable => "対象外",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>The text the 総務省 workbook uses in a cell: as <see cref="JapaneseName"/>, except 「未」 for 未着手.</summary>
    public static string WorkbookText(this StepStatus status) =>
        status == StepStatus.NotStarted ? "未" : status.JapaneseName();

    /// <summary>True for 完了済み and 対象外 (what the 完了率 counts).</summary>
    public static bool CountsAsDone(this StepStatus status) => status is StepStatus.Completed or StepStatus.NotApplicable;

    /// <summary>Parses 未 / 未着手 / 作業中 / 完了済み / 対象外 (NFKC, white space anywhere ignored). Anything else,
    /// including an empty cell, is not a status.</summary>
    public static bool TryParse(string? text, out StepStatus status)
    {
        // The texts as written (almost every cell of a workbook) need no normalisation, which is slow per cell.
        switch (text is "未" or "未着手" or "作業中" or "完了済み" or "対象外" ? text : Key(text))
        {
            case "未" or "未着手": status = StepStatus.NotStarted; return true;
            case "作業中": status = StepStatus.InProgress; return true;
            case "完了済み": status = StepStatus.Completed; return true;
            case "対象外": status = StepStatus.NotApplicable; return true;
            default: status = default; return false;
        }
    }

    /// <summary>As <see cref="TryParse"/>, or null when the text is not a status.</summary>
    public static StepStatus? Parse(string? text) => TryParse(text, out var status) ? status : null;

    private static string Key(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var normalized = text.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
            if (!char.IsWhiteSpace(c)) builder.Append(c);
        return builder.ToString();
    }
}
