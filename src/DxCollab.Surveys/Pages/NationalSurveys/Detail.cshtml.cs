using DxCollab.Platform.Identity;
using DxCollab.Platform.Tenancy;
using DxCollab.Platform.Web;
using DxCollab.Surveys.Relay;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DxCollab.Surveys.Pages.NationalSurveys;

/// <summary>One national survey's result: the national questions only, aggregated per prefecture (速報・確報), and the
/// figures corrected after the 速報.</summary>
[HostLevel]
[Authorize(Policy = Policies.NationalViewer)]
public sealed class DetailModel(NationalSurveyService surveys) : PageModel
{
    public NationalResultView Result { get; private set; } = null!;
    public IReadOnlyList<NationalSurveyChange> Changes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await surveys.ResultAsync(id, ct) is not { } result) return NotFound();
        Result = result;
        Changes = (await surveys.ChangesAsync(id, ct))!;
        ViewData["Breadcrumbs"] = new List<Breadcrumb> { new("国・運用ホーム", "/ops"), new("全国照会", "/ops/surveys"), new(result.Survey.Title) };
        return Page();
    }

    public string QuestionText(string key) => Result.Questions.FirstOrDefault(q => q.Key == key)?.Text ?? key;

    /// <summary>A figure as one cell: choice counts, or sum and mean with the unit, or how many answered.</summary>
    public static string Cell(NationalQuestionView question, QuestionFigure? figure)
    {
        if (figure is null || figure.Answered == 0) return "—";
        if (figure.Counts.Count > 0) return string.Join("、", figure.Counts.Select(c => $"{c.Label} {c.Count}"));
        if (figure.Sum is { } sum) return $"計 {sum:#,0.##}{question.Unit}（平均 {figure.Mean:#,0.##}）";
        return $"{figure.Answered} 団体が回答";
    }
}
