using DxCollab.Platform.Identity;
using DxCollab.Platform.Organizations;
using DxCollab.Platform.Users;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.Web.Pages.Tenant.Organizations;

/// <summary>One 団体: its facts, its change history and (for prefecture staff or its own officers) its users.</summary>
public sealed class DetailModel(OrganizationDirectory directory, UserAdministration users) : TenantPageModel
{
    public OrganizationView Organization { get; private set; } = null!;
    public IReadOnlyList<OrganizationChange> History { get; private set; } = [];
    public IReadOnlyList<UserView>? Users { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var org = await directory.FindAsync(code, ct);
        if (org is null) return NotFound();
        Organization = org;
        History = await directory.HistoryAsync(code, ct);
        // The same rule as a 団体's own records: its officers and the prefecture's staff, not an Expert placed there.
        if (User.IsPrefectureStaff() || User.IsOfficerOf(code))
            Users = await users.ListAsync(code, ct);
        SetBreadcrumbs(new Breadcrumb(org.Name));
        return Page();
    }

    public static string KindName(OrganizationChangeKind kind) => kind switch
    {
        OrganizationChangeKind.Created => "登録",
        OrganizationChangeKind.Renamed => "名称・よみの変更",
        OrganizationChangeKind.TypeChanged => "種別の変更",
        OrganizationChangeKind.Abolished => "廃止・合併",
        OrganizationChangeKind.Restored => "再登録",
        _ => kind.ToString(),
    };
}
