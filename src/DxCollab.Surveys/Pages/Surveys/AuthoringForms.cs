using DxCollab.Surveys.Authoring;

namespace DxCollab.Surveys.Pages.Surveys;

/// <summary>The basics of a survey as the new and edit pages post them (and show them again after a refusal).</summary>
public sealed class SurveyBasicsForm
{
    public string? Title { get; set; }
    public string? Purpose { get; set; }
    public string? LegalBasis { get; set; }
    public string? Contact { get; set; }
    public string? Deadline { get; set; }
    public bool IsConfidential { get; set; }

    public SurveyInput ToInput() => new(Title, Purpose, LegalBasis, Contact, Deadline, IsConfidential);

    public static SurveyBasicsForm From(SurveyDetail d) => new()
    {
        Title = d.Title, Purpose = d.Purpose, LegalBasis = d.LegalBasis, Contact = d.Contact, Deadline = d.Deadline.ToString("yyyy-MM-dd"),
        IsConfidential = d.IsConfidential,
    };
}

/// <summary>What a refused post shows next to its form: the field at fault and the reason.</summary>
public sealed record AuthoringError(string? Field, string? Message)
{
    public string? For(string field) => Field == field ? Message : null;
    public string? Invalid(string field) => Field == field ? "true" : null;
}
