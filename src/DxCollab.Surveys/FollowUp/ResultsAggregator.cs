using DxCollab.Surveys.Domain;
using DxCollab.Surveys.Forms;

namespace DxCollab.Surveys.FollowUp;

/// <summary>A submitted answer with the 団体 it belongs to.</summary>
public sealed record SubmittedAnswer(string Code, string Name, AnswerSet Answers);

/// <summary>Aggregates submitted answers question by question (pure: no database). A question hidden for a respondent
/// (conditional display) is not counted for it; % are of the respondents who answered the question.</summary>
public static class ResultsAggregator
{
    public const int MaxBins = 5;

    public static SurveyResults Aggregate(long surveyId, string title, int rosterCount, SurveyForm form, IReadOnlyList<SubmittedAnswer> submitted)
    {
        var questions = new List<QuestionResult>();
        foreach (var section in form.Sections)
        {
            foreach (var question in section.Questions)
            {
                var answers = submitted
                    .Where(s => form.IsVisible(question, s.Answers) && s.Answers[question.Key] is { IsEmpty: false })
                    .Select(s => (s.Code, s.Name, Answer: s.Answers[question.Key]!)).ToList();
                questions.Add(Aggregate(section.Title, question, answers));
            }
        }
        return new SurveyResults(surveyId, title, rosterCount, submitted.Count, questions)
        {
            Submitted = [.. submitted.Select(s => new RosterEntry(s.Code, s.Name))],
        };
    }

    private static QuestionResult Aggregate(string section, Question question, List<(string Code, string Name, Answer Answer)> answers)
    {
        var result = new QuestionResult(question.Key, section, question.Text, question.Type.ToJapanese(), answers.Count) { Unit = question.Unit };
        switch (question.Type)
        {
            case QuestionType.SingleChoice:
            case QuestionType.MultipleChoice:
                var options = question.Options.Select(o => (o.Value, o.Label)).ToList();
                if (question.AllowOther) options.Add((Answer.OtherValue, "その他"));
                var chosen = answers.Select(a => Chosen(a.Answer)).ToList();
                return result with
                {
                    Choices = Count(options, chosen, answers.Count),
                    OtherTexts = answers.Where(a => !string.IsNullOrWhiteSpace(a.Answer.Other))
                        .Select(a => new RespondentText(a.Code, a.Name, a.Answer.Other!.Trim())).ToList(),
                };
            case QuestionType.YesNo:
                return result with
                {
                    Choices = Count([("yes", "はい"), ("no", "いいえ")], answers.Select(a => Chosen(a.Answer)).ToList(), answers.Count),
                };
            case QuestionType.Integer:
            case QuestionType.Decimal:
                var numbers = answers.Select(a => AnswerValues.TryParseDecimal(a.Answer.Value, out var n) ? n : (decimal?)null).OfType<decimal>().ToList();
                return result with { Numbers = Summarize(numbers) };
            case QuestionType.Table:
                return SumTable(result, question, answers.Select(a => a.Answer).ToList());
            case QuestionType.File:
                return result with
                {
                    Texts = answers.Select(a => new RespondentText(a.Code, a.Name, $"{a.Answer.FileIds?.Count ?? 0} 件のファイル")).ToList(),
                };
            default:
                return result with
                {
                    Texts = answers.Where(a => !string.IsNullOrWhiteSpace(a.Answer.Value))
                        .Select(a => new RespondentText(a.Code, a.Name, a.Answer.Value!.Trim())).ToList(),
                };
        }
    }

    private static IReadOnlyCollection<string> Chosen(Answer answer)
    {
        var values = answer.Choices is { Count: > 0 } choices ? choices : answer.Value is { } v ? [v.Trim()] : [];
        // 「その他」 text typed without ticking その他 still counts as その他.
        return !string.IsNullOrWhiteSpace(answer.Other) && !values.Contains(Answer.OtherValue) ? [.. values, Answer.OtherValue] : values;
    }

    private static List<ChoiceCount> Count(List<(string Value, string Label)> options, List<IReadOnlyCollection<string>> chosen, int answered) =>
        options.Select(o =>
        {
            var count = chosen.Count(c => c.Contains(o.Value));
            return new ChoiceCount(o.Value, o.Label, count, Percent(count, answered));
        }).ToList();

    public static double Percent(int count, int of) => of == 0 ? 0 : Math.Round(100.0 * count / of, 1, MidpointRounding.AwayFromZero);

    /// <summary>n, sum, mean, median, min, max and up to <see cref="MaxBins"/> equal-width bins; null with no numbers.</summary>
    public static NumberSummary? Summarize(IReadOnlyList<decimal> numbers)
    {
        if (numbers.Count == 0) return null;
        var sorted = numbers.Order().ToList();
        var sum = sorted.Sum();
        var middle = sorted.Count / 2;
        var median = sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        var (min, max) = (sorted[0], sorted[^1]);
        return new NumberSummary(sorted.Count, sum, Math.Round(sum / sorted.Count, 2, MidpointRounding.AwayFromZero), median, min, max, Bins(sorted, min, max));
    }

    /// <summary>Bins of a round width (1, 2, 2.5 or 5 × 10ⁿ) starting at a multiple of it, about <see cref="MaxBins"/> of
    /// them: people read 「0〜500未満」 at a glance, and the edges do not give away the smallest or largest 団体's own
    /// figure (equal-width bins from min to max would, and 還元 sends the distribution to every respondent).</summary>
    private static List<NumberBin> Bins(List<decimal> sorted, decimal min, decimal max)
    {
        if (min == max) return [new NumberBin(Format(min), min, max, sorted.Count)];
        var step = RoundStep((max - min) / MaxBins);
        var from = Math.Floor(min / step) * step;
        var count = (int)Math.Floor((max - from) / step) + 1;
        var bins = new List<NumberBin>(count);
        for (var i = 0; i < count; i++)
        {
            var low = from + step * i;
            var high = low + step;
            bins.Add(new NumberBin($"{Format(low)}〜{Format(high)}未満", low, high, sorted.Count(n => n >= low && n < high)));
        }
        return bins;
    }

    private static decimal RoundStep(decimal raw)
    {
        var magnitude = 1m;
        while (magnitude * 10 <= raw) magnitude *= 10;
        while (magnitude > raw && magnitude > 0.0001m) magnitude /= 10;
        foreach (var factor in new[] { 1m, 2m, 2.5m, 5m, 10m })
            if (magnitude * factor >= raw) return magnitude * factor;
        return magnitude * 10;
    }

    public static string Format(decimal value) => Math.Round(value, 2).ToString("#,0.##", System.Globalization.CultureInfo.InvariantCulture);

    private static QuestionResult SumTable(QuestionResult result, Question question, List<Answer> answers)
    {
        var numeric = question.Columns.Where(c => c.Type.IsNumeric()).ToList();
        var rows = question.Rows.Select(row =>
        {
            var columns = numeric.ToDictionary(c => c.Key, c => answers.Sum(a => Cell(a, row.Key, c.Key)));
            return new TableRowTotal(row.Key, row.Label, columns, columns.Values.Sum());
        }).ToList();
        var totals = numeric.Select(c => new TableColumnTotal(c.Key, c.Label, rows.Sum(r => r.Columns[c.Key]))).ToList();
        return result with { Table = rows, TableColumns = totals };
    }

    private static decimal Cell(Answer answer, string row, string column) =>
        answer.Cells?.GetValueOrDefault(row)?.GetValueOrDefault(column) is { } typed && AnswerValues.TryParseDecimal(typed, out var n) ? n : 0;
}
