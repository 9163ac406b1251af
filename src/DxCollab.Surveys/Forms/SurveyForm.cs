using System.Text.Json;
using System.Text.Json.Serialization;

namespace DxCollab.Surveys.Forms;

/// <summary>The questions of a survey, in sections. Stored as JSON on the survey; every question and section has a
/// <see cref="Question.Key"/> that never changes after publishing (exports and prefill follow keys, not positions).</summary>
public sealed class SurveyForm
{
    public List<FormSection> Sections { get; set; } = [];

    /// <summary>The highest q{n} / s{n} ever issued to this form (kept when a question is removed), so a key is never
    /// reused: a copied round's prefill matches answers by key.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public int LastQuestionNumber { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public int LastSectionNumber { get; set; }

    public IEnumerable<Question> Questions => Sections.SelectMany(s => s.Questions);

    public Question? Find(string key) => Questions.FirstOrDefault(q => q.Key == key);

    public FormSection? SectionOf(string questionKey) => Sections.FirstOrDefault(s => s.Questions.Any(q => q.Key == questionKey));

    public string ToJson() => JsonSerializer.Serialize(this, FormJson.Options);

    /// <summary>A form sent by a client may hold nulls where sections, questions, options, rows or columns belong; they
    /// carry nothing, so they are dropped before any rule reads the form (a rule never meets a null).</summary>
    public SurveyForm Tidy()
    {
        Sections = [.. (Sections ?? []).OfType<FormSection>()];
        foreach (var section in Sections)
        {
            section.Questions = [.. (section.Questions ?? []).OfType<Question>()];
            foreach (var q in section.Questions)
            {
                q.Options = [.. (q.Options ?? []).OfType<ChoiceOption>()];
                q.Rows = [.. (q.Rows ?? []).OfType<TableRow>()];
                q.Columns = [.. (q.Columns ?? []).OfType<TableColumn>()];
            }
        }
        return this;
    }

    public static SurveyForm FromJson(string? json) =>
        string.IsNullOrWhiteSpace(json) ? new() : JsonSerializer.Deserialize<SurveyForm>(json, FormJson.Options) ?? new();
}

/// <summary>A section (大問); the unit of 分担 (delegation) inside a 団体.</summary>
public sealed class FormSection
{
    public required string Key { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    /// <summary>Who asks the section: <see cref="SectionOrigin.Prefecture"/>, or <see cref="SectionOrigin.National"/>
    /// for the questions of a relayed national survey (only those flow back to the national result).</summary>
    public SectionOrigin Origin { get; set; } = SectionOrigin.Prefecture;
    public List<Question> Questions { get; set; } = [];
}

[JsonConverter(typeof(JsonStringEnumConverter<SectionOrigin>))]
public enum SectionOrigin { Prefecture = 1, National = 2 }

public sealed class Question
{
    public required string Key { get; set; }
    public QuestionType Type { get; set; }
    public required string Text { get; set; }
    public string? Help { get; set; }
    public bool Required { get; set; }
    /// <summary>Choices of SingleChoice / MultipleChoice (value stays stable, label may be reworded).</summary>
    public List<ChoiceOption> Options { get; set; } = [];
    /// <summary>Offer 「その他」 with free text (its text is exported in its own column).</summary>
    public bool AllowOther { get; set; }
    /// <summary>Unit of Integer / Decimal answers (人, 千円, %).</summary>
    public string? Unit { get; set; }
    public decimal? Min { get; set; }
    public decimal? Max { get; set; }
    /// <summary>Longest text accepted (ShortText defaults to 200, LongText to 4,000).</summary>
    public int? MaxLength { get; set; }
    /// <summary>Table question: fixed rows (e.g. one per 業務) × typed columns.</summary>
    public List<TableRow> Rows { get; set; } = [];
    public List<TableColumn> Columns { get; set; } = [];
    /// <summary>Show this question only when another question's answer is one of the given values.</summary>
    public DisplayCondition? ShowIf { get; set; }
    /// <summary>Where a prefilled value may come from besides the previous round (a Platform prefill source key,
    /// e.g. "standardization.completion-rate").</summary>
    public string? PrefillSource { get; set; }
}

// Names, not numbers, in the stored JSON and the API alike: clients write "type": "YesNo".
[JsonConverter(typeof(JsonStringEnumConverter<QuestionType>))]
public enum QuestionType
{
    SingleChoice = 1,
    MultipleChoice = 2,
    ShortText = 3,
    LongText = 4,
    Integer = 5,
    Decimal = 6,
    Date = 7,
    YesNo = 8,
    File = 9,
    Table = 10,
}

public sealed record ChoiceOption(string Value, string Label);

public sealed record TableRow(string Key, string Label);

/// <summary>A typed column of a table question (cells use the same rules as a question of that type).</summary>
public sealed record TableColumn(string Key, string Label, QuestionType Type = QuestionType.Integer, string? Unit = null,
    decimal? Min = null, decimal? Max = null, bool Required = false, List<ChoiceOption>? Options = null);

/// <summary>条件付き表示: visible when question <paramref name="QuestionKey"/> was answered with one of
/// <paramref name="AnyOf"/> (choice values, or "yes"/"no").</summary>
public sealed record DisplayCondition(string QuestionKey, List<string> AnyOf);

public static class QuestionTypeNames
{
    public static string ToJapanese(this QuestionType type) => type switch
    {
        QuestionType.SingleChoice => "単一選択",
        QuestionType.MultipleChoice => "複数選択",
        QuestionType.ShortText => "短文",
        QuestionType.LongText => "長文",
        QuestionType.Integer => "整数",
        QuestionType.Decimal => "小数",
        QuestionType.Date => "日付",
        QuestionType.YesNo => "はい／いいえ",
        QuestionType.File => "ファイル",
        QuestionType.Table => "表",
        _ => type.ToString(),
    };
}

/// <summary>One JSON shape for forms and answers (camelCase) so stored rows read plainly. The form's enums are written
/// by name through their own converter attributes, the same in the API.</summary>
public static class FormJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
