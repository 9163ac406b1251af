using DxCollab.Platform.Web;
using DxCollab.Surveys.Answering;
using DxCollab.Surveys.Forms;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.Surveys.Pages.Surveys;

/// <summary>The answer form as a respondent will see it (prefecture staff): every question drawn, nothing saved.</summary>
public sealed class PreviewModel(ResponseService responses) : TenantPageModel
{
    [FromRoute(Name = "id")] public long SurveyId { get; set; }
    public ResponseView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var outcome = await responses.PreviewAsync(SurveyId, User, ct);
        if (!outcome.Succeeded) return ForbidOrNotFound(outcome.Kind);
        View = outcome.Value!;
        SetBreadcrumbs(new Breadcrumb("照会", TenantUrl("surveys")), new Breadcrumb(View.SurveyTitle, TenantUrl($"surveys/{SurveyId}")),
            new Breadcrumb("プレビュー"));
        return Page();
    }

    public Shared.QuestionInput Input(Question q) => new(View.Form, q, null, [], [], ReadOnly: true);
}
