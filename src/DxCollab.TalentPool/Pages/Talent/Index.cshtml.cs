using DxCollab.Platform.Web;
using DxCollab.TalentPool.Access;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.TalentPool.Pages.Talent;

/// <summary>The module's start page: what each role does here (the slices add their lists and links).</summary>
public sealed class IndexModel : TenantPageModel
{
    public bool IsStaff { get; private set; }
    public bool IsExpert { get; private set; }

    public IActionResult OnGet()
    {
        IsStaff = User.MayManagePool();
        IsExpert = User.IsExpert();
        SetBreadcrumbs(new Breadcrumb("人材プール"));
        return Page();
    }
}
