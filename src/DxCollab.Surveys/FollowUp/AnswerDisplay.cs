using DxCollab.Platform.Text;
using DxCollab.Surveys.Forms;

namespace DxCollab.Surveys.FollowUp;

/// <summary>An answer as one line of text for the results and 還元 pages.</summary>
public static class AnswerDisplay
{
    public static string Format(Question q, Answer? a)
    {
        if (a is null || a.IsEmpty) return "（未回答）";
        var other = string.IsNullOrWhiteSpace(a.Other) ? "" : $"（その他: {a.Other.Trim()}）";
        return q.Type switch
        {
            QuestionType.SingleChoice => (a.Value is { Length: > 0 } v ? q.Label(v.Trim()) : "") + other,
            QuestionType.MultipleChoice => string.Join("、", (a.Choices ?? []).Select(q.Label)) + other,
            QuestionType.YesNo => AnswerValues.YesNoLabel(a.Value) ?? "",
            QuestionType.Integer or QuestionType.Decimal => $"{a.Value}{q.Unit}",
            QuestionType.Date => DateOnly.TryParse(a.Value, System.Globalization.CultureInfo.InvariantCulture, out var d)
                ? JapaneseCalendar.FormatWithWestern(d) : a.Value ?? "",
            QuestionType.File => $"{a.FileIds?.Count ?? 0} 件のファイル",
            QuestionType.Table => string.Join("／", q.Rows.SelectMany(r => q.Columns.Select(c =>
                (r, c, v: a.Cells?.GetValueOrDefault(r.Key)?.GetValueOrDefault(c.Key)))).Where(x => !string.IsNullOrWhiteSpace(x.v))
                .Select(x => $"{x.r.Label}・{x.c.Label}: {x.v}{x.c.Unit}")),
            _ => a.Value ?? "",
        };
    }
}
