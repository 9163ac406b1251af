using DxCollab.Platform.Web;
using DxCollab.Procurement.Costs;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.Procurement.Pages.Procurement.Costs;

/// <summary>One saved split: each member's share of the initial and annual cost, the rounding rule and a chart.</summary>
public sealed class DetailModel(CostShareService costs) : TenantPageModel
{
    public long Id { get; private set; }
    public CostShareView Share { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, long shareId, CancellationToken ct)
    {
        Id = id;
        var outcome = await costs.GetAsync(id, shareId, User, ct);
        if (!outcome.Succeeded) return ForbidOrNotFound(outcome.Kind);
        Share = outcome.Value!;
        SetBreadcrumbs(new Breadcrumb("共同調達", TenantUrl("procurement")), new Breadcrumb("費用按分", TenantUrl($"procurement/{id}/costs")),
            new Breadcrumb(Share.Title));
        return Page();
    }
}
