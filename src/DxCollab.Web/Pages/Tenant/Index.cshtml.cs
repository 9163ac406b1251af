using DxCollab.Platform.Organizations;
using DxCollab.Platform.Text;
using DxCollab.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.Web.Pages.Tenant;

/// <summary>Tenant home: the prefecture and its municipalities, filterable by type and searchable by name or kana.</summary>
public sealed class IndexModel(OrganizationDirectory directory, TimeProvider clock) : TenantPageModel
{
    [BindProperty(SupportsGet = true)] public OrganizationType? Type { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public IReadOnlyList<OrganizationView> Organizations { get; private set; } = [];
    public int MunicipalityCount { get; private set; }
    public BarChart Chart { get; private set; } = null!;
    public string FiscalYearLabel => JapaneseCalendar.FiscalYearLabel(clock.GetUtcNow());

    public async Task OnGetAsync(CancellationToken ct)
    {
        var all = await directory.SearchAsync(ct: ct);
        MunicipalityCount = all.Count(o => o.Type != OrganizationType.Prefecture);
        Chart = new BarChart("category-counts", "団体区分ごとの団体数",
            Enum.GetValues<OrganizationCategory>().Where(c => c != OrganizationCategory.Prefecture)
                .Select(c => (c.ToJapanese(), (double)all.Count(o => o.Category == c))).ToList(), "団体");
        Organizations = Type is null && string.IsNullOrWhiteSpace(Q) ? all : await directory.SearchAsync(Type, Q, ct: ct);
        ViewData["Breadcrumbs"] = new List<Breadcrumb> { new(Tenant.Name!) };
    }
}
