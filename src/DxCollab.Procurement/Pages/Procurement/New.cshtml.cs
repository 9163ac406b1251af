using DxCollab.Platform.Web;
using DxCollab.Procurement.Access;
using DxCollab.Procurement.Workspaces;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.Procurement.Pages.Procurement;

/// <summary>共同調達を始める: subject (typical ones offered as a datalist), title and description; the user's 団体 leads.</summary>
public sealed class NewModel(WorkspaceService workspaces) : TenantPageModel
{
    [BindProperty] public string? Subject { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Description { get; set; }
    public string? ErrorField { get; private set; }
    public string? Error { get; private set; }

    public string? ErrorOf(string field) => ErrorField == field ? Error : null;

    public IActionResult OnGet()
    {
        if (!User.MayCreateWorkspace()) return Forbid();
        Crumbs();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await workspaces.CreateAsync(new WorkspaceInput(Subject, Title, Description, null), User, ct);
        if (outcome.Succeeded) return Redirect(TenantUrl($"procurement/{outcome.Value!.Id}"));
        if (outcome.Kind == Platform.Results.OutcomeKind.Forbidden) return Forbid();
        (ErrorField, Error) = (outcome.Field, outcome.Message);
        Crumbs();
        return RefusedPage(outcome.Kind);
    }

    private void Crumbs() => SetBreadcrumbs(new Breadcrumb("共同調達", TenantUrl("procurement")), new Breadcrumb("共同調達を始める"));
}
