using DxCollab.Platform.Text;
using DxCollab.Surveys.Forms;

namespace DxCollab.Surveys.Answering;

/// <summary>An answer as people read it (view page, downloads): choice labels instead of values, 「その他（…）」,
/// はい／いいえ, a date with its 和暦, a number with its unit, file names.</summary>
public static class AnswerText
{
    public static string Of(Question q, Answer? a, IReadOnlyList<FileItem>? files = null)
    {
        if (a is null || a.IsEmpty) return "";
        return q.Type switch
        {
            QuestionType.SingleChoice => Choice(q, a.Value, a.Other),
            QuestionType.MultipleChoice => string.Join("、", (a.Choices ?? []).Select(c => Choice(q, c, a.Other))),
            QuestionType.YesNo => YesNo(a.Value),
            QuestionType.Date => Date(a.Value),
            QuestionType.Integer or QuestionType.Decimal => Number(a.Value, q.Unit),
            QuestionType.File => string.Join("、", (files ?? []).Where(f => f.QuestionKey == q.Key).Select(f => f.FileName)),
            QuestionType.Table => string.Join("／", q.Rows.Select(r => $"{r.Label}: " + string.Join("、", q.Columns.Select(c =>
                $"{c.Label} {Cell(c, a.Cells?.GetValueOrDefault(r.Key)?.GetValueOrDefault(c.Key))}")))),
            _ => a.Value ?? "",
        };
    }

    public static string Cell(TableColumn column, string? value) => string.IsNullOrWhiteSpace(value) ? "" : column.Type switch
    {
        QuestionType.Integer or QuestionType.Decimal => Number(value, column.Unit),
        QuestionType.Date => Date(value),
        QuestionType.YesNo => YesNo(value),
        QuestionType.SingleChoice => column.Options?.FirstOrDefault(o => o.Value == value)?.Label ?? value,
        _ => value,
    };

    public static string YesNo(string? value) => value switch { "yes" => "はい", "no" => "いいえ", _ => value ?? "" };

    /// <summary>「2026-04-01（令和8年4月1日）」, or the text as typed when it is not a date.</summary>
    public static string Date(string? value) => AnswerValues.TryParseDate(value, out var date)
        ? $"{date:yyyy-MM-dd}（{JapaneseCalendar.Format(date)}）"
        : value ?? "";

    public static string Number(string? value, string? unit) =>
        AnswerValues.TryParseDecimal(value, out var number) ? AnswerValues.Format(number) + (unit ?? "") : value ?? "";

    private static string Choice(Question q, string? value, string? other) => value switch
    {
        null => "",
        Answer.OtherValue => $"その他（{other}）",
        _ => q.Options.FirstOrDefault(o => o.Value == value)?.Label ?? value,
    };
}
