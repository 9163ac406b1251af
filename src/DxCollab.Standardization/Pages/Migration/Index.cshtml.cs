using DxCollab.Platform.Data;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Organizations;
using DxCollab.Platform.ReferenceData;
using DxCollab.Standardization;
using DxCollab.Standardization.Tracking;
using DxCollab.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Standardization.Pages.Migration;

/// <summary>The prefecture's 標準化 dashboard: the 団体区分 table exactly as 総務省 publishes it, the same per 業務,
/// and a heat map 団体 × 業務 sortable by 完了率. Municipal officers are sent to their own 団体's page.</summary>
public sealed class IndexModel(ProgressReport report, OrganizationDirectory directory, DxCollabDbContext db) : TenantPageModel
{
    public sealed record RateRow(string Key, string Label, ProgressRates Rates);
    public sealed record HeatRow(OrganizationView Organization, IReadOnlyDictionary<int, ProgressRates> Businesses, ProgressRates Total);

    /// <summary>code (団体コード順, the default), rate-desc or rate-asc.</summary>
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }

    public IReadOnlyList<RateRow> Categories { get; private set; } = [];
    public IReadOnlyList<RateRow> Businesses { get; private set; } = [];
    public IReadOnlyList<HeatRow> Heat { get; private set; } = [];
    public BarChart CategoryChart { get; private set; } = null!;
    public BarChart BusinessChart { get; private set; } = null!;
    public static IReadOnlyList<StandardBusiness> AllBusinesses => StandardBusiness.All;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!User.IsInRole(Roles.PrefectureAdmin) && !User.IsInRole(Roles.PrefectureStaff))
        {
            if (User.IsInRole(Roles.MunicipalOfficer) && User.FindFirst(DxClaims.OrganizationCode)?.Value is { Length: > 0 } own)
                return Redirect(TenantUrl("migration/" + own));
            return Forbid();
        }
        Sort = Sort is "rate-desc" or "rate-asc" ? Sort : "code";

        Categories = (await report.ComputeAsync(ProgressGrouping.Category, ct)).Select(ToRow).ToList();
        Businesses = (await report.ComputeAsync(ProgressGrouping.Business, ct)).Select(ToRow).ToList();
        CategoryChart = new BarChart("category-rates", "団体区分ごとの完了率",
            Categories.Where(c => c.Rates.Rows > 0).Select(c => (c.Label, (double)c.Rates.CompletionPercent)).ToList(), "%", 100);
        BusinessChart = new BarChart("business-rates", "業務ごとの完了率（全団体）",
            Businesses.Select(b => (b.Label, (double)b.Rates.CompletionPercent)).ToList(), "%", 100);

        var organizations = await directory.SearchAsync(ct: ct);
        var disabled = await SwitchedOffBusinesses.LoadAsync(db, ct);
        var counts = (await db.Set<StepProgress>().AsNoTracking()
                .GroupBy(p => new { p.OrganizationCode, p.BusinessNumber, p.Status })
                .Select(g => new { g.Key.OrganizationCode, g.Key.BusinessNumber, g.Key.Status, Count = g.Count() })
                .ToListAsync(ct))
            .ToLookup(c => (c.OrganizationCode, c.BusinessNumber));
        var heat = organizations.Select(o =>
        {
            var cells = MigrationCatalog.BusinessesOf(o.Type).Where(b => !disabled.Contains((o.Code, b)))
                .ToDictionary(b => b, b => ProgressMath.FromCounts(Counts(counts[(o.Code, b)].Select(c => (c.Status, c.Count))), 1));
            var total = cells.Count == 0 ? default : ProgressMath.FromCounts(
                cells.Keys.Aggregate(default(StepCounts), (sum, b) => sum + Counts(counts[(o.Code, b)].Select(c => (c.Status, c.Count)))), cells.Count);
            return new HeatRow(o, cells, total);
        });
        Heat = Sort switch
        {
            "rate-desc" => heat.OrderByDescending(h => h.Total.CompletionRate).ThenBy(h => h.Organization.Code).ToList(),
            "rate-asc" => heat.OrderBy(h => h.Total.CompletionRate).ThenBy(h => h.Organization.Code).ToList(),
            _ => heat.ToList(),
        };
        SetBreadcrumbs(new Breadcrumb("標準化の進捗"));
        return Page();
    }

    private static StepCounts Counts(IEnumerable<(StepStatus Status, int Count)> recorded)
    {
        int completed = 0, inProgress = 0, notApplicable = 0;
        foreach (var (status, count) in recorded)
            switch (status)
            {
                case StepStatus.Completed: completed += count; break;
                case StepStatus.InProgress: inProgress += count; break;
                case StepStatus.NotApplicable: notApplicable += count; break;
            }
        return new(completed, inProgress, ProgressMath.StepsPerRow - completed - inProgress - notApplicable, notApplicable);
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

    public static string Percent(decimal value) => value.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
}
