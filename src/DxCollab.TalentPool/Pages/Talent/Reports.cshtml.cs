using DxCollab.Platform.Web;
using DxCollab.TalentPool.Access;
using DxCollab.TalentPool.Activity;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.TalentPool.Pages.Talent;

/// <summary>The prefecture's report board: unsubmitted support reports, overdue first (in 開庁日), then due soon.</summary>
public sealed class ReportsModel(ReportBoard board) : TenantPageModel
{
    public IReadOnlyList<BoardLine> Lines { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!User.MayManagePool()) return Forbid();
        Lines = (await board.OpenReportsAsync(User, ct)).Value!;
        SetBreadcrumbs(new Breadcrumb("人材プール", TenantUrl("talent")), new Breadcrumb("支援報告の状況"));
        return Page();
    }
}
