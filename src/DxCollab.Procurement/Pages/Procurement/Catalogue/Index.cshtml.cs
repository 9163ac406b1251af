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

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>An approved request's specification, fetched from the source prefecture at this moment.</summary>
    public async Task<IActionResult> OnGetSpecificationAsync(long askId, CancellationToken ct)
    {
        var outcome = await specifications.DownloadAsync(askId, User, ct);
        if (outcome.Succeeded) return File(outcome.Value!.Content, outcome.Value.ContentType, outcome.Value.FileName);
        Problem = outcome.Message;
        await LoadAsync(ct);
        return RefusedPage(outcome.Kind);
    }

    private async Task<IActionResult> LoadAsync(CancellationToken ct)
    {
        Cases = await catalogue.SearchAsync(Q, ct);
        Asks = await specifications.MyAsksAsync(User, ct);
        SetBreadcrumbs(new Breadcrumb("共同調達", TenantUrl("procurement")), new Breadcrumb("事例カタログ"));
        return Page();
    }
}
