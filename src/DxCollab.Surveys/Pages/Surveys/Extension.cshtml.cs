using DxCollab.Platform.Results;
using DxCollab.Platform.Web;
using DxCollab.Surveys.Answering;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.Surveys.Pages.Surveys;

/// <summary>期限延長の申出: a reason and the date wished for; one request waits for the prefecture at a time.</summary>
public sealed class ExtensionModel(ResponseService responses) : TenantPageModel
{
    [FromRoute(Name = "id")] public long SurveyId { get; set; }
    [FromRoute(Name = "code")] public string Code { get; set; } = "";
    [BindProperty] public DateOnly? RequestedDeadline { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public ResponseView View { get; private set; } = null!;
    public string? Problem { get; private set; }
    public string? ProblemField { get; private set; }
    public string PagePath => TenantUrl($"surveys/{SurveyId}/answer/{Code}");

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        ModelState.Clear();
        var outcome = await responses.RequestExtensionAsync(SurveyId, Code, new ExtensionInput(RequestedDeadline, Reason), User, ct);
        if (outcome.Succeeded)
        {
            TempData["Notice"] = "期限の延長を申し出ました。都道府県の回答をお待ちください。";
            return Redirect(PagePath + "/view");
        }
        if (outcome.Kind == OutcomeKind.Forbidden) return Forbid();
        (Problem, ProblemField) = (outcome.Message, outcome.Field);
        return RefusedPage(outcome.Kind);
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var outcome = await responses.GetAsync(SurveyId, Code, User, ct);
        if (!outcome.Succeeded) return false;
        View = outcome.Value!;
        SetBreadcrumbs(new Breadcrumb("照会", TenantUrl("surveys")), new Breadcrumb(View.SurveyTitle, TenantUrl($"surveys/{SurveyId}")),
            new Breadcrumb($"回答（{View.RespondentName}）", PagePath), new Breadcrumb("期限延長の申出"));
        return true;
    }
}
