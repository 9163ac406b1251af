using DxCollab.Platform.Results;
using DxCollab.Platform.Web;
using DxCollab.Surveys.Answering;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.Surveys.Pages.Surveys;

/// <summary>One answer, read-only: download as xlsx or CSV; for the prefecture's staff the 差戻し form (comment
/// required) and the decision on a pending extension request.</summary>
public sealed class AnswerViewModel(ResponseService responses) : TenantPageModel
{
    [FromRoute(Name = "id")] public long SurveyId { get; set; }
    [FromRoute(Name = "code")] public string Code { get; set; } = "";
    [BindProperty] public string? Comment { get; set; }

    public ResponseView View { get; private set; } = null!;
    public string? Problem { get; private set; }
    public string PagePath => TenantUrl($"surveys/{SurveyId}/answer/{Code}");
    public string ApiPath => $"/api/v1/{Tenant.Identifier}/surveys/{SurveyId}/responses/{Code}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostReturnAsync(CancellationToken ct)
    {
        var outcome = await responses.ReturnAsync(SurveyId, Code, Comment, User, ct);
        return await AfterAsync(outcome.Kind, outcome.Message, "回答を差し戻しました。", ct);
    }

    public async Task<IActionResult> OnPostDecideAsync(long requestId, string? decision, string? decisionComment, CancellationToken ct)
    {
        var outcome = await responses.DecideExtensionAsync(SurveyId, Code, requestId, new ExtensionDecisionInput(decision == "grant", decisionComment), User, ct);
        return await AfterAsync(outcome.Kind, outcome.Message, decision == "grant" ? "期限の延長を承認しました。" : "期限の延長を承認しませんでした。", ct);
    }

    private async Task<IActionResult> AfterAsync(OutcomeKind kind, string? message, string done, CancellationToken ct)
    {
        if (kind == OutcomeKind.Ok)
        {
            TempData["Notice"] = done;
            return Redirect(PagePath + "/view");
        }
        if (kind is OutcomeKind.NotFound or OutcomeKind.Forbidden) return ForbidOrNotFound(kind);
        if (!await LoadAsync(ct)) return NotFound();
        Problem = message;
        return RefusedPage(kind);
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var outcome = await responses.GetAsync(SurveyId, Code, User, ct);
        if (!outcome.Succeeded) return false;
        View = outcome.Value!;
        ViewData["FileDownloadBase"] = ApiPath + "/files";
        SetBreadcrumbs(new Breadcrumb("照会", TenantUrl("surveys")), new Breadcrumb(View.SurveyTitle, TenantUrl($"surveys/{SurveyId}")),
            new Breadcrumb($"回答（{View.RespondentName}）"));
        return true;
    }
}
