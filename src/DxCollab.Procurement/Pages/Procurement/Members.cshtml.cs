using DxCollab.Platform.Organizations;
using DxCollab.Platform.Results;
using DxCollab.Platform.Web;
using DxCollab.Procurement.Access;
using DxCollab.Procurement.Domain;
using DxCollab.Procurement.Workspaces;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.Procurement.Pages.Procurement;

/// <summary>Members of a workspace: the lead invites a 団体 of the prefecture, switches member/observer, removes with a
/// reason; a member leaves with a reason; 過去の参加団体 stay listed.</summary>
public sealed class MembersModel(WorkspaceService workspaces, MemberService members, OrganizationDirectory organizations) : TenantPageModel
{
    public WorkspaceView Workspace { get; private set; } = null!;
    public IReadOnlyList<OrganizationView> Invitable { get; private set; } = [];
    public string? Message { get; private set; }
    public bool MayManage => Workspace.MySeat == Seat.Lead;
    public string? MyCode { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public Task<IActionResult> OnPostInviteAsync(long id, string? organizationCode, MemberRole? role, CancellationToken ct) =>
        ActAsync(id, () => members.InviteAsync(id, new MemberInvite(organizationCode, role), User, ct), ct);

    public Task<IActionResult> OnPostRoleAsync(long id, long memberId, MemberRole? role, CancellationToken ct) =>
        ActAsync(id, () => members.ChangeRoleAsync(id, memberId, new MemberRoleChange(role), User, ct), ct);

    public Task<IActionResult> OnPostRemoveAsync(long id, long memberId, string? reason, CancellationToken ct) =>
        ActAsync(id, () => members.RemoveAsync(id, memberId, new MemberReason(reason), User, ct), ct);

    public async Task<IActionResult> OnPostLeaveAsync(long id, long memberId, string? reason, CancellationToken ct)
    {
        var outcome = await members.LeaveAsync(id, memberId, new MemberReason(reason), User, ct);
        return outcome.Succeeded ? Redirect(TenantUrl("procurement")) : await ShowRefusalAsync(id, outcome.Kind, outcome.Message, ct);
    }

    private async Task<IActionResult> ActAsync(long id, Func<Task<Outcome<MemberView>>> act, CancellationToken ct)
    {
        var outcome = await act();
        return outcome.Succeeded ? Redirect(TenantUrl($"procurement/{id}/members")) : await ShowRefusalAsync(id, outcome.Kind, outcome.Message, ct);
    }

    private async Task<IActionResult> ShowRefusalAsync(long id, OutcomeKind kind, string? message, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (kind == OutcomeKind.Forbidden) return Forbid();
        Message = message;
        return RefusedPage(kind);
    }

    private async Task<IActionResult?> LoadAsync(long id, CancellationToken ct)
    {
        var outcome = await workspaces.GetAsync(id, User, ct);
        if (!outcome.Succeeded) return ForbidOrNotFound(outcome.Kind);
        Workspace = outcome.Value!;
        MyCode = User.ActingOrganizationCode();
        if (MayManage)
        {
            var taken = Workspace.Members.Where(m => m.State is MemberState.Active or MemberState.Invited).Select(m => m.OrganizationCode).ToHashSet();
            Invitable = [.. (await organizations.SearchAsync(ct: ct)).Where(o => !taken.Contains(o.Code))];
        }
        SetBreadcrumbs(new Breadcrumb("共同調達", TenantUrl("procurement")), new Breadcrumb(Workspace.Title, TenantUrl($"procurement/{id}")),
            new Breadcrumb("参加団体"));
        return null;
    }
}
