using DxCollab.Platform.Web;
using DxCollab.TalentPool.Access;
using DxCollab.TalentPool.Activity;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.TalentPool.Pages.Talent;

/// <summary>「担当の支援」: the signed-in expert's assignments, the report due next first.</summary>
public sealed class MyModel(MyAssignments mine) : TenantPageModel
{
    public IReadOnlyList<MyAssignment> Assignments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!User.IsExpert()) return Forbid();
        Assignments = await mine.ListAsync(User, ct);
        SetBreadcrumbs(new Breadcrumb("人材プール", TenantUrl("talent")), new Breadcrumb("担当の支援"));
        return Page();
    }
}
