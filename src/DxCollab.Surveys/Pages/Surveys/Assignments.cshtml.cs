using DxCollab.Platform.Results;
using DxCollab.Platform.Web;
using DxCollab.Surveys.Prefill;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.Surveys.Pages.Surveys;

/// <summary>「自分に分担された大問」: the sections colleagues gave the signed-in user, with a link to their place in the
/// answer form and a button to mark each done.</summary>
public sealed class AssignmentsModel(DelegationService delegation) : TenantPageModel
{
    public IReadOnlyList<MyAssignment> Items { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostDoneAsync(long surveyId, string code, string sectionKey, CancellationToken ct)
    {
        var outcome = await delegation.CompleteAsync(User, surveyId, code ?? "", sectionKey ?? "", ct);
        if (outcome.Succeeded)
        {
            TempData["Notice"] = $"「{outcome.Value!.SectionTitle}」を完了にしました。依頼した担当者の画面に「完了」と表示されます。";
            return Redirect(TenantUrl("surveys/assignments"));
        }
        Error = outcome.Message;
        await LoadAsync(ct);
        return RefusedPage(outcome.Kind);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Items = await delegation.MineAsync(User, ct);
        SetBreadcrumbs(new Breadcrumb("照会", TenantUrl("surveys")), new Breadcrumb("自分に分担された大問"));
    }
}
