using System.Globalization;
using DxCollab.Surveys.Forms;

namespace DxCollab.Surveys.Pages.Surveys;

/// <summary>One question as the builder's form posts it, without JavaScript: lists are typed one per line
/// (「値=表示名」; the value may be left out and is then kept or made up), the condition as a question and values.</summary>
public sealed class BuilderQuestionForm
{
    public string? Key { get; set; }
    public string? SectionKey { get; set; }
    public QuestionType Type { get; set; } = QuestionType.ShortText;
    public string? Text { get; set; }
    public string? Help { get; set; }
    public bool Required { get; set; }
    public string? Options { get; set; }
    public bool AllowOther { get; set; }
    public string? Unit { get; set; }
    public decimal? Min { get; set; }
    public decimal? Max { get; set; }
    public int? MaxLength { get; set; }
    public string? Rows { get; set; }
    public string? Columns { get; set; }
    public string? ShowIfKey { get; set; }
    public string? ShowIfValues { get; set; }

    public static BuilderQuestionForm From(Question q, string sectionKey) => new()
    {
        Key = q.Key, SectionKey = sectionKey, Type = q.Type, Text = q.Text, Help = q.Help, Required = q.Required,
        Options = string.Join("\n", q.Options.Select(o => $"{o.Value}={o.Label}")), AllowOther = q.AllowOther, Unit = q.Unit, Min = q.Min, Max = q.Max,
        MaxLength = q.MaxLength, Rows = string.Join("\n", q.Rows.Select(r => $"{r.Key}={r.Label}")),
        Columns = string.Join("\n", q.Columns.Select(c => $"{c.Key}={c.Label}|{c.Type.ToJapanese()}|{c.Unit}".TrimEnd('|'))),
        ShowIfKey = q.ShowIf?.QuestionKey, ShowIfValues = q.ShowIf is null ? null : string.Join(",", q.ShowIf.AnyOf),
    };

    /// <summary>The question this form describes; <paramref name="existing"/> keeps option, row and column values
    /// whose label did not change. Fields that do not apply to the type are dropped, so switching a draft question's
    /// type never leaves stray options behind.</summary>
    public Question ToQuestion(Question? existing)
    {
        var isChoice = Type is QuestionType.SingleChoice or QuestionType.MultipleChoice;
        var isNumber = Type is QuestionType.Integer or QuestionType.Decimal;
        var isText = Type is QuestionType.ShortText or QuestionType.LongText;
        var isTable = Type == QuestionType.Table;
        var values = Split(ShowIfValues, ',', '、').ToList();
        return new Question
        {
            Key = existing?.Key ?? "", Type = Type, Text = Text?.Trim() ?? "", Help = string.IsNullOrWhiteSpace(Help) ? null : Help.Trim(), Required = Required,
            Options = isChoice ? Pairs(Options, existing?.Options.Select(o => (o.Value, o.Label)), "o").Select(p => new ChoiceOption(p.Key, p.Label)).ToList() : [],
            AllowOther = isChoice && AllowOther,
            Unit = isNumber && !string.IsNullOrWhiteSpace(Unit) ? Unit.Trim() : null,
            Min = isNumber ? Min : null, Max = isNumber ? Max : null, MaxLength = isText ? MaxLength : null,
            Rows = isTable ? Pairs(Rows, existing?.Rows.Select(r => (r.Key, r.Label)), "r").Select(p => new TableRow(p.Key, p.Label)).ToList() : [],
            Columns = isTable ? ParseColumns(existing) : [],
            ShowIf = string.IsNullOrWhiteSpace(ShowIfKey) ? null : new DisplayCondition(ShowIfKey.Trim(), values),
            PrefillSource = existing?.PrefillSource,
        };
    }

    private List<TableColumn> ParseColumns(Question? existing)
    {
        var labels = Lines(Columns).Select(line =>
        {
            var parts = line.Split('|');
            return (Line: parts[0], Type: parts.Length > 1 ? ParseType(parts[1]) : QuestionType.Integer,
                Unit: parts.Length > 2 && parts[2].Trim().Length > 0 ? parts[2].Trim() : null);
        }).ToList();
        var keyed = Pairs(string.Join("\n", labels.Select(l => l.Line)), existing?.Columns.Select(c => (c.Key, c.Label)), "c");
        return keyed.Select((k, i) =>
        {
            var old = existing?.Columns.FirstOrDefault(c => c.Key == k.Key);
            var (_, type, unit) = labels[i];
            // The plain form cannot show a column's options, range or required flag: an existing column of the same type keeps them.
            return old is not null && old.Type == type ? old with { Label = k.Label, Unit = unit } : new TableColumn(k.Key, k.Label, type, unit);
        }).ToList();
    }

    private static QuestionType ParseType(string text)
    {
        var value = text.Trim();
        foreach (var type in Enum.GetValues<QuestionType>())
            if (type.ToJapanese() == value || string.Equals(type.ToString(), value, StringComparison.OrdinalIgnoreCase)) return type;
        return (QuestionType)0; // refused by the form rules, naming the column
    }

    /// <summary>「値=表示名」 or 「表示名」 per line: a line without a value keeps the value of an existing entry with the
    /// same label, or gets the next free one (o1, o2 …).</summary>
    private static List<(string Key, string Label)> Pairs(string? text, IEnumerable<(string Key, string Label)>? existing, string prefix)
    {
        var old = existing?.ToList() ?? [];
        var result = new List<(string Key, string Label)>();
        foreach (var line in Lines(text))
        {
            var at = line.IndexOfAny(['=', '＝']);
            if (at > 0) result.Add((line[..at].Trim(), line[(at + 1)..].Trim()));
            else result.Add((old.FirstOrDefault(o => o.Label == line).Key ?? "", line));
        }
        var used = result.Select(r => r.Key).Concat(old.Select(o => o.Key)).ToHashSet();
        var next = 1;
        for (var i = 0; i < result.Count; i++)
        {
            if (result[i].Key.Length > 0) continue;
            while (used.Contains(prefix + next.ToString(CultureInfo.InvariantCulture))) next++;
            var key = prefix + next.ToString(CultureInfo.InvariantCulture);
            used.Add(key);
            result[i] = (key, result[i].Label);
        }
        return result;
    }

    private static IEnumerable<string> Lines(string? text) =>
        (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);

    private static IEnumerable<string> Split(string? text, params char[] separators) =>
        (text ?? "").Split(separators).Select(v => v.Trim()).Where(v => v.Length > 0);
}
