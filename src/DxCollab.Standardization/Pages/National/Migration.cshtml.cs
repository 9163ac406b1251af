using DxCollab.Platform.Identity;
using DxCollab.Platform.Tenancy;
using DxCollab.Platform.Web;
using DxCollab.Standardization.National;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DxCollab.Standardization.Pages.National;

/// <summary>National 標準化 progress for the NationalViewer (host level, from the national read model only): the
/// 団体区分 table as 総務省 publishes it, every prefecture (table and chart, sortable by 完了率) and every 業務.</summary>
[HostLevel]
[Authorize(Policy = Policies.NationalViewer)]
public sealed class MigrationModel(NationalProgressReport report) : PageModel
{
    /// <summary>code (都道府県コード順, the default), rate-desc or rate-asc.</summary>
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }

    public IReadOnlyList<NationalProgressGroup> Categories { get; private set; } = [];
    public IReadOnlyList<NationalProgressGroup> Prefectures { get; private set; } = [];
    public IReadOnlyList<NationalProgressGroup> Businesses { get; private set; } = [];
    public BarChart PrefectureChart { get; private set; } = null!;
    public BarChart CategoryChart { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Sort = Sort is "rate-desc" or "rate-asc" ? Sort : "code";
        Categories = await report.ComputeAsync(NationalGrouping.Category, ct);
        var prefectures = await report.ComputeAsync(NationalGrouping.Prefecture, ct);
        Prefectures = Sort switch
        {
            "rate-desc" => prefectures.OrderByDescending(p => p.Rates.CompletionRate).ThenBy(p => Code(p.Key)).ToList(),
            "rate-asc" => prefectures.OrderBy(p => p.Rates.CompletionRate).ThenBy(p => Code(p.Key)).ToList(),
            _ => prefectures,
        };
        Businesses = await report.ComputeAsync(NationalGrouping.Business, ct);
        CategoryChart = new BarChart("national-category-rates", "団体区分ごとの完了率（全国）",
            Categories.Where(c => c.Rows > 0).Select(c => (c.Label, (double)c.Rates.CompletionPercent)).ToList(), "%", 100);
        PrefectureChart = new BarChart("national-prefecture-rates", "都道府県ごとの完了率（管内の市区町村と都道府県）",
            Prefectures.Select(p => (p.Label, (double)p.Rates.CompletionPercent)).ToList(), "%", 100);
        ViewData["Breadcrumbs"] = new List<Breadcrumb> { new("国・運用ホーム", "/ops"), new("全国の標準化の進捗") };
    }

    /// <summary>The 都道府県コード (1–47) of a tenant id, for the default order.</summary>
    public static int Code(string tenantId) => PrefectureCatalog.Identifiers.ToList().IndexOf(tenantId) + 1;

    public string SortUrl(string sort) => "/ops/migration" + (sort == "code" ? "" : "?sort=" + sort) + "#prefecture-heading";

    public static string Percent(decimal value) => value.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
}
