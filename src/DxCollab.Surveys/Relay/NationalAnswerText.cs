using System.Globalization;
using DxCollab.Surveys.Forms;

namespace DxCollab.Surveys.Relay;

/// <summary>One answer as plain text, to compare a resubmission with the 速報 and show which figures changed.</summary>
public static class NationalAnswerText
{
    public static string? Of(Answer? answer)
    {
        if (answer is null || answer.IsEmpty) return null;
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(answer.Value)) parts.Add(answer.Value.Trim());
        if (answer.Choices is { Count: > 0 } choices) parts.Add(string.Join("、", choices));
        if (!string.IsNullOrWhiteSpace(answer.Other)) parts.Add("その他: " + answer.Other.Trim());
        if (answer.FileIds is { Count: > 0 } files) parts.Add(string.Create(CultureInfo.InvariantCulture, $"ファイル {files.Count} 件"));
        if (answer.Cells is { Count: > 0 } cells)
            parts.AddRange(cells.OrderBy(r => r.Key, StringComparer.Ordinal).SelectMany(r => r.Value.OrderBy(c => c.Key, StringComparer.Ordinal)
                .Where(c => !string.IsNullOrWhiteSpace(c.Value)).Select(c => $"{r.Key}/{c.Key}={c.Value!.Trim()}")));
        return string.Join(" / ", parts);
    }

    /// <summary>The answers to the national questions only: the prefecture's own questions never leave the tenant.</summary>
    public static AnswerSet NationalOnly(SurveyForm form, AnswerSet answers)
    {
        var keys = form.Sections.Where(s => s.Origin == SectionOrigin.National).SelectMany(s => s.Questions).Select(q => q.Key).ToHashSet();
        return new AnswerSet
        {
            Answers = answers.Answers.Where(a => keys.Contains(a.Key))
                .ToDictionary(a => a.Key, a => new Answer { Value = a.Value.Value, Choices = a.Value.Choices, Other = a.Value.Other, Cells = a.Value.Cells }),
        };
    }
}
