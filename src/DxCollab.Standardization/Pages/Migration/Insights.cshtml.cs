using DxCollab.Platform.Identity;
using DxCollab.Platform.Text;
using DxCollab.Platform.Web;
using DxCollab.Standardization.Tracking;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.Standardization.Pages.Migration;

/// <summary>What the mean hides, for the prefecture's staff: steps past their planned date, systems with no change for
/// the tenant's StalledAfterWeeks, 特定移行支援 systems, and the distribution of 完了率 per 業務 (chart and table).</summary>
[Authorize(Policy = Policies.PrefectureStaff)]
public sealed class InsightsModel(ProgressInsights insights, Tracking.ProgressReads reads) : TenantPageModel
{
    /// <summary>days (the default), organization, business or planned.</summary>
    [BindProperty(SupportsGet = true)] public string? OverdueSort { get; set; }
    /// <summary>last-change (the default), organization or business.</summary>
    [BindProperty(SupportsGet = true)] public string? StalledSort { get; set; }

    public DateOnly Today { get; private set; }
    public int StalledAfterWeeks { get; private set; }
    public IReadOnlyList<OverdueStep> Overdue { get; private set; } = [];
    public IReadOnlyList<StalledSystem> Stalled { get; private set; } = [];
    public IReadOnlyList<SpecificSupportSystem> SpecificSupport { get; private set; } = [];
    public IReadOnlyList<BusinessDistribution> Distribution { get; private set; } = [];
    public DistributionChart Chart { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        OverdueSort = OverdueSort is "organization" or "business" or "planned" ? OverdueSort : "days";
        StalledSort = StalledSort is "organization" or "business" ? StalledSort : "last-change";
        Today = insights.TodayInTokyo;
        await reads.HoldConnectionAsync(ct);
        StalledAfterWeeks = await insights.StalledAfterWeeksAsync(ct);
        Overdue = await insights.OverdueAsync(sort: OverdueSort switch
        {
            "organization" => Tracking.OverdueSort.Organization,
            "business" => Tracking.OverdueSort.Business,
            "planned" => Tracking.OverdueSort.PlannedDate,
            _ => Tracking.OverdueSort.DaysOverdue,
        }, ct: ct);
        Stalled = await insights.StalledAsync(StalledAfterWeeks, sort: StalledSort switch
        {
            "organization" => Tracking.StalledSort.Organization,
            "business" => Tracking.StalledSort.Business,
            _ => Tracking.StalledSort.LastChange,
        }, ct: ct);
        SpecificSupport = await insights.SpecificSupportAsync(ct: ct);
        Distribution = await insights.DistributionAsync(ct);
        Chart = new DistributionChart("distribution", "業務ごとの団体の完了率の分布（団体数）", Distribution);
        SetBreadcrumbs(new Breadcrumb("標準化の進捗", TenantUrl("migration")), new Breadcrumb("平均では見えないこと"));
    }

    public string SortUrl(string? overdue = null, string? stalled = null, string anchor = "")
    {
        var query = new List<string>();
        if ((overdue ?? OverdueSort) is { } o && o != "days") query.Add("overduesort=" + o);
        if ((stalled ?? StalledSort) is { } s && s != "last-change") query.Add("stalledsort=" + s);
        return TenantUrl("migration/insights") + (query.Count > 0 ? "?" + string.Join("&", query) : "") + anchor;
    }

    public static string Date(DateOnly date) => JapaneseCalendar.FormatWithWestern(date);
    public static string Percent(decimal rate) => ProgressMath.FormatPercent(rate);
}
