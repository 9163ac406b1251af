using System.Text.Json;

namespace DxCollab.Surveys.Forms;

/// <summary>The answers of one respondent, by question key. Values are kept as typed (text), so a number typed wrong
/// is stored and shown again with its error instead of being lost; validation parses them.</summary>
public sealed class AnswerSet
{
    public Dictionary<string, Answer> Answers { get; set; } = [];

    public Answer? this[string key] => Answers.GetValueOrDefault(key);

    public string ToJson() => JsonSerializer.Serialize(this, FormJson.Options);

    public static AnswerSet FromJson(string? json) =>
        string.IsNullOrWhiteSpace(json) ? new() : JsonSerializer.Deserialize<AnswerSet>(json, FormJson.Options) ?? new();
}

/// <summary>The answer to one question.</summary>
public sealed class Answer
{
    /// <summary>Text, number (as typed), date (yyyy-MM-dd), "yes"/"no", or the value of the chosen option.</summary>
    public string? Value { get; set; }
    /// <summary>Values chosen in a MultipleChoice question.</summary>
    public List<string>? Choices { get; set; }
    /// <summary>「その他」 free text (the choice value <see cref="OtherValue"/> is then among the choices).</summary>
    public string? Other { get; set; }
    /// <summary>Platform file ids of a File question.</summary>
    public List<long>? FileIds { get; set; }
    /// <summary>Table cells: row key → column key → value as typed.</summary>
    public Dictionary<string, Dictionary<string, string?>>? Cells { get; set; }
    /// <summary>Where a prefilled value came from ("previous-round" or a prefill source key); null when typed.</summary>
    public string? PrefilledFrom { get; set; }
    /// <summary>A prefilled value the respondent confirmed (one click) or edited.</summary>
    public bool Confirmed { get; set; }
    public DateTime? EditedAt { get; set; }
    public string? EditedBy { get; set; }

    public const string OtherValue = "other";

    public bool IsEmpty =>
        string.IsNullOrWhiteSpace(Value) && (Choices is null || Choices.Count == 0) && string.IsNullOrWhiteSpace(Other)
        && (FileIds is null || FileIds.Count == 0)
        && (Cells is null || Cells.Values.All(r => r is null || r.Values.All(string.IsNullOrWhiteSpace)));

    /// <summary>A prefilled answer not yet confirmed: shown marked, and submit asks for confirmation.</summary>
    public bool AwaitsConfirmation => PrefilledFrom is not null && !Confirmed;
}
