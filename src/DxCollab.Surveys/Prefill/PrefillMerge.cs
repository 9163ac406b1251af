using System.Globalization;
using DxCollab.Platform.Prefill;
using DxCollab.Surveys.Forms;

namespace DxCollab.Surveys.Prefill;

/// <summary>The pure part of prefill: which answer each empty question gets. The previous round's answer wins over a
/// source value; an answer already there is never touched; what the question no longer offers (a removed option, row
/// or column) is dropped rather than carried into a value the respondent cannot see or change.</summary>
public static class PrefillMerge
{
    public const string PreviousRound = "previous-round";

    /// <summary>Returns a new answer set: <paramref name="current"/> plus prefilled answers for its empty questions.</summary>
    /// <param name="previous">The respondent's submitted answers in the previous round, or null.</param>
    /// <param name="sourceValues">Values of the prefill sources named by the form's questions, by source key.</param>
    public static AnswerSet Merge(SurveyForm form, AnswerSet current, AnswerSet? previous,
        IReadOnlyDictionary<string, (string Value, PrefillValueType Type)> sourceValues)
    {
        var result = AnswerSet.FromJson(current.ToJson());
        foreach (var question in form.Questions)
        {
            if (result[question.Key] is { IsEmpty: false }) continue;
            var prefilled = previous?[question.Key] is { } earlier ? FromPreviousRound(question, earlier) : null;
            if (prefilled is not null) prefilled.PrefilledFrom = PreviousRound;
            else if (question.PrefillSource is { } key && sourceValues.TryGetValue(key, out var source)
                     && FromSource(question, source.Value) is { } value)
            {
                prefilled = value;
                prefilled.PrefilledFrom = key;
            }
            if (prefilled is not null) result.Answers[question.Key] = prefilled;
        }
        return result;
    }

    /// <summary>The earlier answer as far as the question still accepts it; null when nothing of it remains.</summary>
    public static Answer? FromPreviousRound(Question question, Answer earlier)
    {
        var answer = question.Type switch
        {
            QuestionType.SingleChoice => SingleChoice(question, earlier),
            QuestionType.MultipleChoice => MultipleChoice(question, earlier),
            QuestionType.YesNo => earlier.Value is "yes" or "no" ? new Answer { Value = earlier.Value } : null,
            QuestionType.Integer or QuestionType.Decimal => IsNumber(earlier.Value) ? new Answer { Value = earlier.Value!.Trim() } : null,
            // A date typed in 和暦 or with slashes comes back in the form's own yyyy-MM-dd.
            QuestionType.Date => AnswerValues.TryParseDate(earlier.Value, out var date)
                ? new Answer { Value = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) } : null,
            QuestionType.ShortText or QuestionType.LongText => string.IsNullOrWhiteSpace(earlier.Value) ? null : new Answer { Value = earlier.Value },
            QuestionType.Table => Table(question, earlier),
            // Files belong to the earlier survey's answer; the respondent uploads this round's own.
            _ => null,
        };
        return answer is { IsEmpty: false } ? answer : null;
    }

    /// <summary>A source value in the question's terms: a rounded integer for an Integer question, the value of an
    /// offered option for a choice; null when the question cannot hold it.</summary>
    public static Answer? FromSource(Question question, string value)
    {
        value = value.Trim();
        if (value.Length == 0) return null;
        return question.Type switch
        {
            QuestionType.Decimal when IsNumber(value) => new Answer { Value = value },
            QuestionType.Integer when decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) =>
                new Answer { Value = Math.Round(number, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture) },
            QuestionType.ShortText or QuestionType.LongText => new Answer { Value = value },
            QuestionType.SingleChoice when question.Options.Any(o => o.Value == value) => new Answer { Value = value },
            _ => null,
        };
    }

    private static Answer? SingleChoice(Question question, Answer earlier)
    {
        if (earlier.Value is not { } chosen) return null;
        if (question.Options.Any(o => o.Value == chosen)) return new Answer { Value = chosen };
        return chosen == Answer.OtherValue && question.AllowOther ? new Answer { Value = chosen, Other = earlier.Other } : null;
    }

    private static Answer? MultipleChoice(Question question, Answer earlier)
    {
        var kept = (earlier.Choices ?? []).Where(c => question.Options.Any(o => o.Value == c) || (c == Answer.OtherValue && question.AllowOther))
            .Distinct().ToList();
        if (kept.Count == 0) return null;
        return new Answer { Choices = kept, Other = kept.Contains(Answer.OtherValue) ? earlier.Other : null };
    }

    private static Answer? Table(Question question, Answer earlier)
    {
        if (earlier.Cells is null) return null;
        var cells = new Dictionary<string, Dictionary<string, string?>>();
        foreach (var row in question.Rows)
        {
            if (!earlier.Cells.TryGetValue(row.Key, out var earlierRow)) continue;
            var kept = new Dictionary<string, string?>();
            foreach (var column in question.Columns)
                if (earlierRow.TryGetValue(column.Key, out var cell) && !string.IsNullOrWhiteSpace(cell) && StillAccepted(column, cell))
                    kept[column.Key] = cell;
            if (kept.Count > 0) cells[row.Key] = kept;
        }
        return cells.Count == 0 ? null : new Answer { Cells = cells };
    }

    private static bool StillAccepted(TableColumn column, string cell) => column.Type switch
    {
        QuestionType.SingleChoice => column.Options?.Any(o => o.Value == cell) == true,
        QuestionType.YesNo => cell is "yes" or "no",
        QuestionType.Integer or QuestionType.Decimal => IsNumber(cell),
        _ => true,
    };

    private static bool IsNumber(string? value) => AnswerValues.TryParseDecimal(value, out _);
}
