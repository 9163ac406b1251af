using DxCollab.Platform.Results;
using DxCollab.Platform.Web;
using DxCollab.Procurement.Access;
using DxCollab.Procurement.Workspaces;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.Procurement.Pages.Procurement;

/// <summary>The workspaces the user may see: the prefecture's staff all of the tenant's, an officer its 団体's.</summary>
public sealed class IndexModel(WorkspaceService workspaces) : TenantPageModel
{
    public IReadOnlyList<WorkspaceSummary> Items { get; private set; } = [];
    public bool MayCreate { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        SetBreadcrumbs(new Breadcrumb("共同調達"));
        MayCreate = User.MayCreateWorkspace();
        var outcome = await workspaces.ListAsync(User, ct);
        if (outcome.Kind == OutcomeKind.Forbidden) return Forbid();
        Items = outcome.Value!;
        return Page();
    }
}
