using System.Security.Claims;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Organizations;
using DxCollab.Platform.Users;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.Web.Pages.Tenant.Admin;

/// <summary>PrefectureAdmin: invite users of this prefecture's 団体, deactivate and reactivate them.</summary>
public sealed class UsersModel(UserAdministration admin, OrganizationDirectory directory) : TenantPageModel
{
    public sealed class InviteInput
    {
        public string Email { get; set; } = "";
        public string DisplayName { get; set; } = "";
        public string OrganizationCode { get; set; } = "";
        public string Role { get; set; } = Roles.MunicipalOfficer;
    }

    [BindProperty] public InviteInput Invite { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? Org { get; set; }

    public IReadOnlyList<UserView> Users { get; private set; } = [];
    public IReadOnlyList<OrganizationView> Organizations { get; private set; } = [];
    public string? CurrentUserId => User.UserId();

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Org is not null) Invite.OrganizationCode = Org;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken ct)
    {
        var request = new InvitationRequest(Invite.Email, Invite.DisplayName, Invite.OrganizationCode, Invite.Role);
        var result = await admin.InviteAsync(request, User.FindFirstValue(ClaimTypes.Email) ?? "管理者",
            (userId, token) => $"{Request.Scheme}://{Request.Host}{TenantUrl("invitation")}?userId={Uri.EscapeDataString(userId)}&token={Uri.EscapeDataString(token)}", ct);
        if (!result.Succeeded)
        {
            foreach (var (field, messages) in result.Errors)
                foreach (var message in messages)
                    ModelState.AddModelError(FieldName(field), message);
            await LoadAsync(ct);
            return Page();
        }
        TempData["Notice"] = $"{Invite.Email} に招待メールを送りました。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostSetActiveAsync(string userId, bool active)
    {
        var result = await admin.SetActiveAsync(userId, active, CurrentUserId ?? "");
        if (result.Succeeded) TempData["Notice"] = active ? "利用者を有効に戻しました。" : "利用者を無効にしました。この方はログインできなくなります。";
        else TempData["Error"] = string.Join(" ", result.Errors.SelectMany(e => e.Value));
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Users = await admin.ListAsync(Org, ct);
        Organizations = await directory.SearchAsync(ct: ct);
        SetBreadcrumbs(new Breadcrumb("利用者管理"));
    }

    private static string FieldName(string field) => field switch
    {
        "email" => "Invite.Email",
        "displayName" => "Invite.DisplayName",
        "organizationCode" => "Invite.OrganizationCode",
        "role" => "Invite.Role",
        _ => string.Empty,
    };
}
