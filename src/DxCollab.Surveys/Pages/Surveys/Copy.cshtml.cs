using DxCollab.Platform.Results;
using DxCollab.Platform.Web;
using DxCollab.Surveys.Access;
using DxCollab.Surveys.Authoring;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.Surveys.Pages.Surveys;

/// <summary>A new round from this survey: the same questions (and keys, so last round's answers prefill), the same
/// roster rule, a new deadline.</summary>
public sealed class CopyModel(SurveyAuthoring surveys) : TenantPageModel
{
    [FromRoute] public long Id { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Deadline { get; set; }

    public SurveyDetail Source { get; private set; } = null!;
    public AuthoringError? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refusal) return refusal;
        Title = Source.Title;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refusal) return refusal;
        var outcome = await surveys.CopyAsync(Id, new CopyRequest(Deadline, Title), User, ct);
        if (outcome.Succeeded)
        {
            TempData["Notice"] = "複写して新しい回を作成しました（作成中）。質問と回答先を確認してから公開してください。";
            return Redirect(TenantUrl($"surveys/{outcome.Value!.Id}"));
        }
        if (outcome.Kind == OutcomeKind.Forbidden) return Forbid();
        Error = new AuthoringError(outcome.Field, outcome.Message);
        return RefusedPage(outcome.Kind);
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (!User.MayAuthor()) return Forbid();
        var outcome = await surveys.GetAsync(Id, User, ct);
        if (!outcome.Succeeded) return NotFound();
        Source = outcome.Value!;
        SetBreadcrumbs(new Breadcrumb("照会", TenantUrl("surveys")), new Breadcrumb(Source.Title, TenantUrl($"surveys/{Id}")), new Breadcrumb("複写"));
        return null;
    }
}
