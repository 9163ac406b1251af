using System.Globalization;
using DxCollab.Surveys.Answering;
using DxCollab.Surveys.Forms;

namespace DxCollab.Surveys.FollowUp;

/// <summary>A respondent as one export row: its answers when submitted (null otherwise: the row keeps its columns empty).</summary>
public sealed record ExportRespondent(string Code, string Name, string State, DateTime? SubmittedAt, AnswerSet? Answers);

/// <summary>The columns of a survey's export, derived from its form so they never depend on the answers: a hidden
/// (conditional) question keeps its columns, 「その他」 text has its own, a multiple choice has one 0/1 column per
/// option, a table one per cell. Across rounds a copied survey keeps the earlier round's questions first, in the earlier
/// order, then adds its new questions, so last year's spreadsheet formulas still find their columns.</summary>
public sealed class ExportLayout
{
    public static readonly string[] FixedHeaders = ["団体コード", "団体名", "状況", "提出日時（日本時間）"];
    private const int MaxTextInHeader = 40;

    private readonly SurveyForm _form;
    private readonly List<(Question Question, int Offset, int Width)> _questions = [];

    public IReadOnlyList<string> Headers { get; }

    /// <summary>Which question and which of its parts each column holds, by header (for error messages).</summary>
    public IReadOnlyList<(string Header, Question? Question)> Columns { get; }

    private ExportLayout(SurveyForm form, IReadOnlyList<Question> ordered)
    {
        _form = form;
        var headers = new List<string>(FixedHeaders);
        var columns = FixedHeaders.Select(h => (h, (Question?)null)).ToList();
        foreach (var question in ordered)
        {
            var own = HeadersOf(question);
            _questions.Add((question, headers.Count, own.Count));
            headers.AddRange(own);
            columns.AddRange(own.Select(h => (h, (Question?)question)));
        }
        Headers = headers;
        Columns = columns;
    }

    /// <param name="earlierRounds">Forms of the rounds this survey was copied from, oldest first.</param>
    public static ExportLayout Create(SurveyForm form, IReadOnlyList<SurveyForm>? earlierRounds = null) =>
        new(form, Order(form, earlierRounds ?? []));

    /// <summary>Keys of round n = the keys of round n−1 still asked, in that order, then round n's new keys in form order.</summary>
    public static IReadOnlyList<Question> Order(SurveyForm form, IReadOnlyList<SurveyForm> earlierRounds)
    {
        var keys = new List<string>();
        foreach (var round in earlierRounds.Append(form))
        {
            var present = round.Questions.Select(q => q.Key).ToHashSet(StringComparer.Ordinal);
            keys = [.. keys.Where(present.Contains), .. round.Questions.Select(q => q.Key).Where(k => !keys.Contains(k))];
        }
        return keys.Select(k => form.Find(k)!).ToList();
    }

    private static List<string> HeadersOf(Question q)
    {
        var name = $"{q.Key} {Shorten(q.Text)}".Trim();
        var unit = string.IsNullOrWhiteSpace(q.Unit) ? "" : $"（{q.Unit}）";
        switch (q.Type)
        {
            case QuestionType.SingleChoice:
                return q.AllowOther ? [name, $"{name}［その他の内容］"] : [name];
            case QuestionType.MultipleChoice:
                List<string> options = [.. q.Options.Select(o => $"{name}［{o.Label}］")];
                if (q.AllowOther) options.AddRange([$"{name}［その他］", $"{name}［その他の内容］"]);
                return options;
            case QuestionType.Table:
                return [.. q.Rows.SelectMany(r => q.Columns.Select(c =>
                    $"{name}［{r.Label}／{c.Label}{(string.IsNullOrWhiteSpace(c.Unit) ? "" : $"（{c.Unit}）")}］"))];
            default:
                return [name + unit];
        }
    }

    private static string Shorten(string text)
    {
        var oneLine = text.ReplaceLineEndings(" ").Trim();
        return oneLine.Length <= MaxTextInHeader ? oneLine : oneLine[..(MaxTextInHeader - 1)] + "…";
    }

    /// <summary>One row: 団体コード and every text as text (leading zeros stay), numbers as numbers; only questions
    /// visible to the respondent are filled. <paramref name="fileNames"/> names the uploaded files by id.</summary>
    public object?[] Row(ExportRespondent respondent, IReadOnlyDictionary<long, string>? fileNames = null)
    {
        var row = new object?[Headers.Count];
        row[0] = respondent.Code;
        row[1] = respondent.Name;
        row[2] = respondent.State;
        row[3] = respondent.SubmittedAt is { } at ? Platform.Text.JapaneseCalendar.FormatTokyo(at) : null;
        if (respondent.Answers is not { } answers) return row;
        foreach (var (question, offset, _) in _questions)
        {
            if (answers[question.Key] is not { } answer || !_form.IsVisible(question, answers)) continue;
            Fill(question, answer, row, offset, fileNames);
        }
        return row;
    }

    private static void Fill(Question q, Answer a, object?[] row, int offset, IReadOnlyDictionary<long, string>? fileNames)
    {
        switch (q.Type)
        {
            case QuestionType.SingleChoice:
                row[offset] = a.Value is { Length: > 0 } v ? q.Label(v.Trim()) : null;
                if (q.AllowOther) row[offset + 1] = Text(a.Other);
                break;
            case QuestionType.MultipleChoice:
                var chosen = a.Choices ?? [];
                for (var i = 0; i < q.Options.Count; i++) row[offset + i] = chosen.Contains(q.Options[i].Value) ? One : Zero;
                if (q.AllowOther)
                {
                    row[offset + q.Options.Count] = chosen.Contains(Answer.OtherValue) || !string.IsNullOrWhiteSpace(a.Other) ? One : Zero;
                    row[offset + q.Options.Count + 1] = Text(a.Other);
                }
                break;
            case QuestionType.Integer:
            case QuestionType.Decimal:
                row[offset] = Number(a.Value);
                break;
            case QuestionType.YesNo:
                row[offset] = (Text(a.Value) is { } yn ? AnswerText.YesNo(yn) : null);
                break;
            case QuestionType.File:
                row[offset] = a.FileIds is { Count: > 0 } ids
                    ? string.Join("; ", ids.Select(id => fileNames?.GetValueOrDefault(id) ?? $"ファイル{id}")) : null;
                break;
            case QuestionType.Table:
                var i2 = offset;
                foreach (var r in q.Rows)
                {
                    foreach (var c in q.Columns)
                    {
                        var typed = a.Cells?.GetValueOrDefault(r.Key)?.GetValueOrDefault(c.Key);
                        row[i2++] = c.Type.IsNumeric() ? Number(typed)
                            : c.Type == QuestionType.YesNo ? (Text(typed) is { } cell ? AnswerText.YesNo(cell) : null)
                            : c.Options is { Count: > 0 } options && typed is not null ? options.FirstOrDefault(o => o.Value == typed)?.Label ?? typed
                            : Text(typed);
                    }
                }
                break;
            default:
                row[offset] = Text(a.Value);
                break;
        }
    }

    // The 0/1 of a multiple choice, boxed once rather than per cell.
    private static readonly object One = 1, Zero = 0;

    private static string? Text(string? value) => string.IsNullOrEmpty(value) ? null : value;

    // A number stays a number in Excel; anything else typed (it passed validation, so rare) is kept as text.
    private static object? Number(string? typed) =>
        string.IsNullOrWhiteSpace(typed) ? null
        : IsPlain(typed) ? (decimal.TryParse(typed, PlainNumber, CultureInfo.InvariantCulture, out var plain) ? plain : typed)
        : AnswerValues.TryParseDecimal(typed, out var n) ? n : typed;

    private const NumberStyles PlainNumber = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    // Most stored numbers are plain ASCII ("1500", "-3.25"): normalising them (NFKC, separators) changes nothing, so they
    // are parsed as they are, without the copies normalising makes; anything else takes the shared reading.
    private static bool IsPlain(string typed) => !typed.AsSpan().ContainsAnyExcept(PlainCharacters);

    private static readonly System.Buffers.SearchValues<char> PlainCharacters = System.Buffers.SearchValues.Create("0123456789.-+");
}
