using DxCollab.Platform.Web;
using DxCollab.Procurement.Catalogue;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.Procurement.Pages.Procurement.Catalogue;

/// <summary>The national case catalogue (every prefecture's published cases), searched by subject or title.</summary>
public sealed class IndexModel(CatalogueService catalogue, SpecificationService specifications) : TenantPageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    public IReadOnlyList<CatalogueCaseView> Cases { get; private set; } = [];
    public IReadOnlyList<SpecificationAskView> Asks { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Cases = await catalogue.SearchAsync(Q, ct);
        Asks = await specifications.MyAsksAsync(User, ct);
        SetBreadcrumbs(new Breadcrumb("共同調達", TenantUrl("procurement")), new Breadcrumb("事例カタログ"));
        return Page();
    }
}
