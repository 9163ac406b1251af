using DxCollab.Platform.Results;
using DxCollab.Platform.Web;
using DxCollab.Procurement.Catalogue;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.Procurement.Pages.Procurement.Catalogue;

/// <summary>One case of the catalogue, with the request for its specification (when the lead body offers it).</summary>
public sealed class CaseModel(CatalogueService catalogue, SpecificationService specifications) : TenantPageModel
{
    [BindProperty] public string? Reason { get; set; }
    public CatalogueCaseView Case { get; private set; } = null!;
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(long caseId, CancellationToken ct) => await LoadAsync(caseId, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(long caseId, CancellationToken ct)
    {
        var outcome = await specifications.RequestAsync(caseId, new SpecificationRequestInput(Reason), User, ct);
        if (outcome.Kind is OutcomeKind.Forbidden or OutcomeKind.NotFound) return Refused(outcome.Kind);
        if (outcome.Succeeded)
        {
            TempData["Notice"] = "仕様書の提供を求めました。代表団体の回答は事例カタログの「求めた仕様書」に表示されます。";
            return Redirect(TenantUrl("procurement/catalogue"));
        }
        Error = outcome.Message;
        return await LoadAsync(caseId, ct) ?? RefusedPage(outcome.Kind);
    }

    private async Task<IActionResult?> LoadAsync(long caseId, CancellationToken ct)
    {
        var outcome = await catalogue.GetAsync(caseId, ct);
        if (!outcome.Succeeded) return NotFound();
        Case = outcome.Value!;
        SetBreadcrumbs(new Breadcrumb("共同調達", TenantUrl("procurement")), new Breadcrumb("事例カタログ", TenantUrl("procurement/catalogue")),
            new Breadcrumb(Case.Title));
        return null;
    }
}
