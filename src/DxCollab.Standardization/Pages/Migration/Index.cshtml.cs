using System.Text;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Organizations;
using DxCollab.Platform.ReferenceData;
using DxCollab.Standardization;
using DxCollab.Standardization.Tracking;
using DxCollab.Platform.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.Standardization.Pages.Migration;

/// <summary>The prefecture's 標準化 dashboard: the 団体区分 table exactly as 総務省 publishes it, the same per 業務,
/// a short summary of what the mean hides (details on the insights page), and a heat map 団体 × 業務 or 団体 × step,
/// filtered by 団体区分 and 業務 and sortable by 完了率. Municipal officers are sent to their own 団体's page.</summary>
public sealed class IndexModel(ProgressReport report, ProgressInsights insights, ProgressReads reads, ProgressFigures figures,
    Inquiries.InquiryService inquiries) : TenantPageModel
{
    public sealed record RateRow(string Key, string Label, ProgressRates Rates);

    /// <summary>code (団体コード順, the default), rate-desc or rate-asc.</summary>
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    /// <summary>business (団体 × 業務, the default) or step (団体 × step).</summary>
    [BindProperty(SupportsGet = true)] public string? View { get; set; }
    /// <summary>A 団体区分 (OrganizationCategory name) or empty for all.</summary>
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    /// <summary>A 業務 number or empty for all.</summary>
    [BindProperty(SupportsGet = true)] public int? Business { get; set; }

    public IReadOnlyList<RateRow> Categories { get; private set; } = [];
    public IReadOnlyList<RateRow> Businesses { get; private set; } = [];
    public HeatMap Heat { get; private set; } = null!;
    public InsightSummary Summary { get; private set; } = null!;
    public BarChart CategoryChart { get; private set; } = null!;
    public BarChart BusinessChart { get; private set; } = null!;
    public static IReadOnlyList<StandardBusiness> AllBusinesses => StandardBusiness.All;
    public static IReadOnlyList<MigrationStepDefinition> AllSteps => MigrationStepDefinition.All;
    public static IReadOnlyList<OrganizationCategory> AllCategories { get; } = [OrganizationCategory.DesignatedCity, OrganizationCategory.SpecialWard,
        OrganizationCategory.CoreCity, OrganizationCategory.OtherCity, OrganizationCategory.TownOrVillage, OrganizationCategory.Prefecture];

    /// <summary>The heat map's rows are rendered once under this key (the figures' own), null = render each time.</summary>
    public string? HeatCacheKey { get; private set; }

    /// <summary>課題・質問 waiting for the prefecture's answer.</summary>
    public int OpenInquiries { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!User.IsPrefectureStaff())
            return User.OwnOrganizationCode() is { } own ? Redirect(TenantUrl("migration/" + own)) : Forbid();
        Sort = Sort is "rate-desc" or "rate-asc" ? Sort : "code";
        View = View == "step" ? "step" : "business";
        OrganizationCategory? category = Enum.TryParse<OrganizationCategory>(Category, out var parsed) && AllCategories.Contains(parsed) ? parsed : null;
        Category = category?.ToString();
        if (Business is { } chosen && !AllBusinesses.Any(b => b.Number == chosen)) Business = null;
        await reads.HoldConnectionAsync(ct);

        // Computed once per tenant and change, not per request (ProgressFigures); the open inquiries are the user's own.
        Categories = await figures.GetAsync("categories", async c => (await report.ComputeAsync(ProgressGrouping.Category, c)).Select(ToRow).ToList(), ct);
        Businesses = await figures.GetAsync("businesses", async c => (await report.ComputeAsync(ProgressGrouping.Business, c)).Select(ToRow).ToList(), ct);
        CategoryChart = new BarChart("category-rates", "団体区分ごとの完了率",
            Categories.Where(c => c.Rates.Rows > 0).Select(c => (c.Label, (double)c.Rates.CompletionPercent)).ToList(), "%", 100);
        BusinessChart = new BarChart("business-rates", "業務ごとの完了率（全団体）",
            Businesses.Select(b => (b.Label, (double)b.Rates.CompletionPercent)).ToList(), "%", 100);
        OpenInquiries = await inquiries.CountOpenAsync(User, ct);
        Summary = await figures.GetAsync("summary", async c => await insights.SummaryAsync(await insights.StalledAfterWeeksAsync(c), c), ct);

        var query = new HeatMapQuery(View == "step" ? HeatMapAxis.Step : HeatMapAxis.Business, category, Business,
            Sort switch { "rate-desc" => HeatMapSort.RateDescending, "rate-asc" => HeatMapSort.RateAscending, _ => HeatMapSort.Code });
        var heat = "heat:" + query;
        Heat = await figures.GetAsync(heat, c => report.HeatMapAsync(query, c), ct);
        HeatCacheKey = await figures.KeyAsync(heat, ct);
        SetBreadcrumbs(new Breadcrumb("標準化の進捗"));
        return Page();
    }

    /// <summary>This page's address with the heat map settings, one of them changed (null = kept).</summary>
    public string HeatUrl(string? sort = null, string? view = null)
    {
        var query = new List<string>();
        if ((view ?? View) == "step") query.Add("view=step");
        if (Category is { Length: > 0 }) query.Add("category=" + Category);
        if (Business is { } b) query.Add("business=" + b.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if ((sort ?? Sort) is { } s && s != "code") query.Add("sort=" + s);
        return TenantUrl("migration") + (query.Count > 0 ? "?" + string.Join("&", query) : "") + "#heatmap-heading";
    }

    private static RateRow ToRow(ProgressGroup g) =>
        new(g.Key, g.Label, ProgressMath.FromCounts(new StepCounts(g.Completed, g.InProgress, g.NotStarted, g.NotApplicable), g.Rows));

    /// <summary>One of five background shades for a 完了率 (with a text colour that keeps 4.5:1 contrast).</summary>
    public static string Shade(decimal rate) => rate switch
    {
        >= 0.8m => "heat-4",
        >= 0.6m => "heat-3",
        >= 0.4m => "heat-2",
        > 0m => "heat-1",
        _ => "heat-0",
    };

    /// <summary>A heat map row's cells (全体, then one per column), written compactly: only numbers and fixed class
    /// names, so nothing needs encoding; the table's CSS aligns them.</summary>
    public static HtmlString HeatCells(HeatMapRow row, IReadOnlyList<int> columns)
    {
        var html = new StringBuilder(40 * (columns.Count + 1));
        Cell(row.Total.Rows > 0, row.Total, "total ");
        foreach (var column in columns) Cell(row.Cells.TryGetValue(column, out var rates), rates, "");
        return new HtmlString(html.ToString());

        void Cell(bool reported, ProgressRates rates, string kind)
        {
            if (reported) html.Append($"<td class=\"{kind}{Shade(rates.CompletionRate)}\">{Percent(rates.CompletionPercent)}</td>");
            else html.Append($"<td class=\"{kind}na\">—</td>");
        }
    }

    public static string Percent(decimal value) => value.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
}
