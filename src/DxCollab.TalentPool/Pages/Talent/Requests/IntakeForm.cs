using System.Globalization;
using DxCollab.TalentPool.Domain;
using DxCollab.TalentPool.Requests;

namespace DxCollab.TalentPool.Pages.Talent.Requests;

/// <summary>The guided intake as the form posts it, kept as typed (dates are text until read) so that nothing is lost
/// when a step is shown again; attached documents travel as their ids and names once stored.</summary>
public sealed class IntakeForm
{
    public string? Theme { get; set; }
    public string? Title { get; set; }
    public string? Description { get; set; }
    public Dictionary<string, string?> Answers { get; set; } = [];
    public Urgency Urgency { get; set; } = Urgency.Normal;
    public SupportMode Mode { get; set; } = SupportMode.Either;
    public string? PreferredFrom { get; set; }
    public string? PreferredTo { get; set; }
    public List<long> FileIds { get; set; } = [];
    public List<string> FileNames { get; set; } = [];

    public bool IsConsult => Theme == RequestService.ConsultKey;

    public string? Answer(string key) => Answers.GetValueOrDefault(key);

    /// <summary>The input as the service reads it, with the errors of dates that could not be read.</summary>
    public (RequestInput Input, List<IntakeError> DateErrors) ToInput()
    {
        var errors = new List<IntakeError>();
        var from = ReadDate(PreferredFrom, "preferredFrom", "希望する期間（はじめ）", errors);
        var to = ReadDate(PreferredTo, "preferredTo", "希望する期間（おわり）", errors);
        var intake = IsConsult ? null : Answers.Where(a => !string.IsNullOrWhiteSpace(a.Value)).ToDictionary(a => a.Key, a => a.Value!.Trim());
        return (new RequestInput(IsConsult ? null : Theme, Title, Description, intake, Urgency, from, to, Mode, FileIds), errors);
    }

    public static DateOnly? ReadDate(string? text, string field, string label, List<IntakeError> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text.Trim(), ["yyyy-MM-dd", "yyyy/M/d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        errors.Add(new(field, $"「{label}」は 2027-01-15 のように年-月-日で入力してください。"));
        return null;
    }

    /// <summary>The id of the input a field's error points to (the error summary links to it).</summary>
    public static string InputId(string field) => field switch
    {
        _ when field.StartsWith("intake.", StringComparison.Ordinal) => "q-" + field["intake.".Length..],
        "preferredFrom" => "preferred-from",
        "preferredTo" => "preferred-to",
        "fileIds" or "file" or "uploads" => "uploads",
        "urgency" => "urgency-Normal",
        "mode" => "mode-Either",
        _ => field,
    };
}
