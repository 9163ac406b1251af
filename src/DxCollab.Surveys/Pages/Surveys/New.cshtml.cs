using DxCollab.Platform.Web;
using DxCollab.Surveys.Access;
using DxCollab.Surveys.Authoring;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.Surveys.Pages.Surveys;

/// <summary>A new survey (作成中): its basics first; questions and roster come next.</summary>
public sealed class NewModel(SurveyAuthoring surveys) : TenantPageModel
{
    [BindProperty] public SurveyBasicsForm Basics { get; set; } = new();
    public AuthoringError? Error { get; private set; }

    public IActionResult OnGet()
    {
        if (!User.MayAuthor()) return Forbid();
        Crumbs();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!User.MayAuthor()) return Forbid();
        var outcome = await surveys.CreateAsync(Basics.ToInput(), User, ct);
        if (outcome.Succeeded)
        {
            TempData["Notice"] = "照会を作成しました。質問と回答先を設定してから公開してください。"
                + (outcome.Value!.DeadlineWarning is { } w ? " " + w.Message : "");
            return Redirect(TenantUrl($"surveys/{outcome.Value.Id}/questions"));
        }
        Error = new AuthoringError(outcome.Field, outcome.Message);
        Crumbs();
        return RefusedPage(outcome.Kind);
    }

    private void Crumbs() => SetBreadcrumbs(new Breadcrumb("照会", TenantUrl("surveys")), new Breadcrumb("新しい照会"));
}
