using DxCollab.Platform.Results;
using DxCollab.Platform.Web;
using DxCollab.Surveys.SpecialForms;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.Surveys.Pages.Surveys;

/// <summary>The result of a written vote: the secretariat follows it while open; members see it once closed.</summary>
public sealed class VoteResultModel(VoteResultService results) : TenantPageModel
{
    public VoteResultView Result { get; private set; } = null!;
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var outcome = await results.GetAsync(id, User, ct);
        SetBreadcrumbs(new Breadcrumb("照会", TenantUrl("surveys")), new Breadcrumb("表決の結果"));
        if (outcome.Kind == OutcomeKind.NotFound) return NotFound();
        if (!outcome.Succeeded)
        {
            Refusal = outcome.Message;
            return RefusedPage(outcome.Kind);
        }
        Result = outcome.Value!;
        return Page();
    }
}
