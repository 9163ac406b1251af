using DxCollab.Platform.Web;
using DxCollab.TalentPool.Access;
using DxCollab.TalentPool.Insights;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.TalentPool.Pages.Talent;

/// <summary>The prefecture's dashboard over one 年度: every figure people compare is drawn and tabled.</summary>
public sealed class DashboardModel(DashboardService dashboard) : TenantPageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    public DashboardView View { get; private set; } = null!;
    public int CurrentYear { get; private set; }
    public BarChart UtilisationChart { get; private set; } = null!;
    public BarChart HoursChart { get; private set; } = null!;
    public BarChart ThemeChart { get; private set; } = null!;
    public BarChart WaitingChart { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!User.MayManagePool()) return Forbid();
        var outcome = await dashboard.GetAsync(Year, User, ct);
        if (!outcome.Succeeded)
        {
            Year = null;
            outcome = await dashboard.GetAsync(null, User, ct);
        }
        View = outcome.Value!;
        CurrentYear = dashboard.CurrentFiscalYear;
        SetBreadcrumbs(new Breadcrumb("人材プール", TenantUrl("talent")), new Breadcrumb("ダッシュボード"));
        UtilisationChart = new BarChart("utilisation", $"専門人材ごとの稼働率（{View.FiscalYearName}、割当時間÷上限）",
            [.. View.Utilisation.Where(u => u.CapacityHours > 0).Select(u => (u.Name, u.BookedPercent ?? 0))], "%", 100);
        HoursChart = new BarChart("hours", $"団体ごとの支援時間（{View.FiscalYearName}、活動記録）",
            [.. View.HoursByMunicipality.Select(m => (m.Name, (double)m.LoggedHours))], "時間");
        ThemeChart = new BarChart("themes", $"テーマごとの依頼数（{View.FiscalYearName}に受け付けた依頼）",
            [.. View.RequestsByTheme.Where(t => t.Total > 0).Select(t => (t.ThemeTitle, (double)t.Total))], "件");
        WaitingChart = new BarChart("waiting", "最初の割当までの日数（依頼した月ごとの中央値）",
            [.. View.Waiting.Where(w => w.MedianDays is not null).Select(w => (w.MonthName, w.MedianDays!.Value))], "日");
        return Page();
    }
}
