using DxCollab.Platform.Results;
using DxCollab.Platform.Web;
using DxCollab.Procurement.CrossTenant;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.Procurement.Pages.Procurement.Shared;

/// <summary>Other prefectures' workspaces this tenant's 団体 are invited to or take part in (this tenant's own record).</summary>
public sealed class IndexModel(SharedWorkspaceService shared) : TenantPageModel
{
    public IReadOnlyList<SharedWorkspaceSummary> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        SetBreadcrumbs(new Breadcrumb("共同調達", TenantUrl("procurement")), new Breadcrumb("他の都道府県との共同調達"));
        var outcome = await shared.ListAsync(User, ct);
        if (outcome.Kind == OutcomeKind.Forbidden) return Forbid();
        Items = outcome.Value!;
        return Page();
    }
}
