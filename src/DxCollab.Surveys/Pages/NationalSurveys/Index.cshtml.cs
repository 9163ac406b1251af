using DxCollab.Platform.Identity;
using DxCollab.Platform.Tenancy;
using DxCollab.Platform.Web;
using DxCollab.Surveys.Forms;
using DxCollab.Surveys.Relay;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DxCollab.Surveys.Pages.NationalSurveys;

/// <summary>全国照会 for the NationalViewer: the surveys issued and a form to issue one to the 47 prefectures.</summary>
[HostLevel]
[Authorize(Policy = Policies.NationalViewer)]
public sealed class IndexModel(NationalSurveyService surveys) : PageModel
{
    public IReadOnlyList<NationalSurveySummary> Surveys { get; private set; } = [];
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Purpose { get; set; }
    [BindProperty] public DateOnly? ReferenceDate { get; set; }
    [BindProperty] public DateOnly? Deadline { get; set; }
    [BindProperty] public string? SectionTitle { get; set; }
    [BindProperty] public string? Questions { get; set; }
    public string? ErrorField { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var questions = SimpleQuestionLines.Parse(Questions, "q");
        List<FormSection> sections = questions.Count == 0 ? [] :
            [new FormSection { Key = "national", Title = string.IsNullOrWhiteSpace(SectionTitle) ? "全国の設問" : SectionTitle.Trim(), Questions = questions }];
        var outcome = await surveys.IssueAsync(new NationalSurveyInput(Title, Purpose, ReferenceDate, Deadline, sections), User.ActorLabel(), ct);
        if (outcome.Succeeded)
        {
            TempData["Notice"] = $"「{outcome.Value!.Title}」を 47 都道府県へ発出しました。";
            return Redirect($"/ops/surveys/{outcome.Value.Id}");
        }
        (ErrorField, Error) = (outcome.Field == "sections" ? "questions" : outcome.Field, outcome.Message);
        Response.StatusCode = 400;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Surveys = await surveys.ListAsync(ct);
        ViewData["Breadcrumbs"] = new List<Breadcrumb> { new("国・運用ホーム", "/ops"), new("全国照会") };
    }
}
