using DxCollab.Platform.Identity;
using DxCollab.Platform.Text;
using DxCollab.Platform.Web;
using DxCollab.Standardization.Api;
using DxCollab.Standardization.Snapshots;
using DxCollab.Standardization.Tracking;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.Standardization.Pages.Migration;

/// <summary>推移: the 完了率 per 団体区分 or per 業務 over the months that have a snapshot (line charts and a table of
/// the same numbers), and any past month's 団体区分 table. The PrefectureAdmin may record this month's figures now.</summary>
public sealed class TrendModel(SnapshotService snapshots) : TenantPageModel
{
    public sealed record MonthColumn(SnapshotInfo Snapshot, string Short, string? Year);

    /// <summary>category (団体区分, the default) or business (業務).</summary>
    [BindProperty(SupportsGet = true)] public string? GroupBy { get; set; }
    /// <summary>The month whose 団体区分 table is shown (2026-10); the latest by default.</summary>
    [BindProperty(SupportsGet = true)] public string? Month { get; set; }

    public IReadOnlyList<MonthColumn> Months { get; private set; } = [];
    public IReadOnlyList<TrendSeries> Series { get; private set; } = [];
    public IReadOnlyList<LineChart> Charts { get; private set; } = [];
    public SnapshotInfo? Selected { get; private set; }
    public IReadOnlyList<IndexModel.RateRow> MonthTable { get; private set; } = [];
    public string? MonthError { get; private set; }
    public bool ByBusiness => GroupBy == "business";
    public bool CanTakeSnapshot => User.IsPrefectureAdmin();
    public string CurrentMonthLabel => SnapshotMonth.Japanese(snapshots.CurrentMonth);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!User.IsPrefectureStaff()) return Forbid();
        GroupBy = SnapshotApi.ParseTrendGrouping(GroupBy) == ProgressGrouping.Business ? "business" : "category";

        var list = await snapshots.ListAsync(ct);
        // Month labels: 「10月」, with the 和暦 year under the first month and under every 1月.
        Months = list.Select((s, i) => new MonthColumn(s, s.Kind == SnapshotKind.MonthEnd ? $"{s.Month.Month}月" : $"{s.Month.Month}月（途中）",
            i == 0 || s.Month.Month == 1 ? JapaneseCalendar.EraYear(s.Month) : null)).ToList();
        Series = await snapshots.TrendAsync(ByBusiness ? ProgressGrouping.Business : ProgressGrouping.Category, ct);
        Charts = BuildCharts();

        if (list.Count > 0)
        {
            if (Month is null) Selected = list[^1];
            else if (!SnapshotMonth.TryParse(Month, out var month)) MonthError = "月を選び直してください。";
            else if ((Selected = list.FirstOrDefault(s => s.Month == month)) is null) MonthError = $"{SnapshotMonth.Japanese(month)}の記録はありません。";
            if (Selected is not null)
            {
                Month = SnapshotMonth.Format(Selected.Month);
                MonthTable = (await snapshots.GroupsAsync(Selected.Month, ProgressGrouping.Category, ct))!
                    .Select(g => new IndexModel.RateRow(g.Key, g.Label, ProgressMath.FromCounts(new StepCounts(g.Completed, g.InProgress, g.NotStarted, g.NotApplicable), g.Rows)))
                    .ToList();
            }
        }
        SetBreadcrumbs(new Breadcrumb("標準化の進捗", TenantUrl("migration")), new Breadcrumb("推移"));
        return Page();
    }

    /// <summary>「今月の途中経過を記録する」 (PrefectureAdmin): replaces this month's snapshot; past months stay as they are.</summary>
    public async Task<IActionResult> OnPostTakeAsync(CancellationToken ct)
    {
        if (!CanTakeSnapshot) return Forbid();
        var taken = await snapshots.TakeNowAsync(User.ActorLabel(), ct);
        TempData["Notice"] = $"{taken.AsOf}の数値を記録しました。";
        return RedirectToPage(new { tenant = Tenant.Identifier, groupBy = GroupBy, month = SnapshotMonth.Format(taken.Month) });
    }

    /// <summary>団体区分: one chart with a line per 区分. 業務: one small chart per 業務 (20 lines in one chart cannot be read).</summary>
    private List<LineChart> BuildCharts()
    {
        if (Months.Count == 0 || Series.Count == 0) return [];
        var x = Months.Select(m => m.Short).ToList();
        var sub = Months.Select(m => m.Year).ToList();
        LineSeries Line(TrendSeries s) => new(s.Label, s.Points.Select(p => p.Figures.Rows == 0 ? (double?)null : (double)ProgressMath.ToDisplayPercent((decimal)p.Figures.CompletionRate)).ToList());
        var range = Months.Count == 1 ? Months[0].Snapshot.AsOf : $"{SnapshotMonth.Japanese(Months[0].Snapshot.Month)}〜{SnapshotMonth.Japanese(Months[^1].Snapshot.Month)}";
        if (!ByBusiness)
            return [new LineChart("trend-category", $"団体区分ごとの完了率の推移（{range}）", x, Series.Select(Line).ToList(), "%", 100, sub,
                "各線の右端に区分名と最新の完了率を示しています。同じ数値を下の表にも載せています。")];
        return Series.Select(s => new LineChart($"trend-business-{s.Key}", $"{s.Label}の完了率の推移（{range}）", x, [Line(s)], "%", 100, sub)).ToList();
    }

    public static string Percent(double rate) => ProgressMath.ToDisplayPercent((decimal)rate).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
}
