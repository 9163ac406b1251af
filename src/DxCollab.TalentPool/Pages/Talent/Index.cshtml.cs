using DxCollab.Platform.Web;
using DxCollab.TalentPool.Access;
using DxCollab.TalentPool.Insights;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.TalentPool.Pages.Talent;

/// <summary>The module's start page: the staff's way into the pool, requests, reports and figures; an officer's way to
/// ask for support and follow its 団体's requests; an expert's way to their assignments.</summary>
public sealed class IndexModel(StartPageService start) : TenantPageModel
{
    public bool IsStaff { get; private set; }
    public bool IsExpert { get; private set; }
    public StartPageView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        IsStaff = User.MayManagePool();
        IsExpert = User.IsExpert();
        View = await start.GetAsync(User, ct);
        SetBreadcrumbs(new Breadcrumb("人材プール"));
        return Page();
    }
}
