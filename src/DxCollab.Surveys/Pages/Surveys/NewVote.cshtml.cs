using DxCollab.Platform.Identity;
using DxCollab.Platform.Organizations;
using DxCollab.Platform.Web;
using DxCollab.Surveys.SpecialForms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.Surveys.Pages.Surveys;

/// <summary>書面会議の表決書: the secretariat lists the 案件 and picks the member 団体; the survey is built with a
/// required 賛成／反対 and a ご意見 per 案件.</summary>
[Authorize(Policy = Policies.PrefectureStaff)]
public sealed class NewVoteModel(SpecialFormBuilder builder, OrganizationDirectory directory) : TenantPageModel
{
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Purpose { get; set; }
    [BindProperty] public DateOnly? Deadline { get; set; }
    [BindProperty] public string? Items { get; set; }
    [BindProperty] public List<string> Members { get; set; } = [];
    [BindProperty] public bool Publish { get; set; } = true;
    public IReadOnlyList<OrganizationView> Organizations { get; private set; } = [];
    public string? ErrorField { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var items = (Items ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Select(l => new VoteItemInput(l, null)).ToList();
        var outcome = await builder.BuildVoteAsync(new VoteSurveyInput(Title, Purpose, Deadline, null, null, Members, items, Publish), User.ActorLabel(), ct);
        if (outcome.Succeeded)
        {
            TempData["Notice"] = $"表決書「{outcome.Value!.Title}」を作りました。";
            return Redirect(TenantUrl($"surveys/{outcome.Value.Id}/vote-result"));
        }
        (ErrorField, Error) = (outcome.Field, outcome.Message);
        await LoadAsync(ct);
        return RefusedPage(outcome.Kind);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Organizations = await directory.SearchAsync(ct: ct);
        SetBreadcrumbs(new Breadcrumb("照会", TenantUrl("surveys")), new Breadcrumb("表決書を作る"));
    }
}
