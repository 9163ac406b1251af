using DxCollab.Platform.Results;
using DxCollab.Platform.Web;
using DxCollab.Procurement.Access;
using DxCollab.Procurement.CrossTenant;
using DxCollab.Procurement.Workspaces;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.Procurement.Pages.Procurement.Shared;

/// <summary>The lead's page of another prefecture's members: who was invited and where each stands, inviting and removing.</summary>
public sealed class RemoteMembersModel(WorkspaceService workspaces, RemoteMemberService remote) : TenantPageModel
{
    public WorkspaceView? Workspace { get; private set; }
    public IReadOnlyList<MemberView> RemoteMembers { get; private set; } = [];
    public bool MayManage { get; private set; }
    public RemoteInviteForm Form { get; private set; } = new(0);
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(long id, string? organizationCode, string? role, CancellationToken ct)
    {
        var outcome = await remote.InviteAsync(id, new RemoteInviteInput(organizationCode, role), User, ct);
        if (outcome.Kind is OutcomeKind.NotFound) return NotFound();
        if (outcome.Kind is OutcomeKind.Forbidden) return Forbid();
        if (!await LoadAsync(id, ct)) return NotFound();
        if (outcome.Succeeded)
        {
            Message = $"{outcome.Value!.OrganizationName}を招待しました。相手の都道府県で回答されると状態が変わります。";
            return Page();
        }
        Form = new RemoteInviteForm(id, organizationCode, role, outcome.Message, outcome.Field);
        return RefusedPage(outcome.Kind);
    }

    public async Task<IActionResult> OnPostRemoveAsync(long id, long memberId, CancellationToken ct)
    {
        var outcome = await remote.RemoveAsync(id, memberId, null, User, ct);
        if (outcome.Kind is OutcomeKind.NotFound) return NotFound();
        if (outcome.Kind is OutcomeKind.Forbidden) return Forbid();
        if (!await LoadAsync(id, ct)) return NotFound();
        Message = outcome.Succeeded ? $"{outcome.Value!.OrganizationName}を除外しました。この団体はすぐに閲覧できなくなります。" : outcome.Message;
        return outcome.Succeeded ? Page() : RefusedPage(outcome.Kind);
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var outcome = await workspaces.GetAsync(id, User, ct);
        if (!outcome.Succeeded) return false;
        Workspace = outcome.Value!;
        MayManage = Workspace.MySeat == Seat.Lead;
        RemoteMembers = [.. Workspace.Members.Where(m => m.OrganizationTenant is not null)];
        if (Form.WorkspaceId == 0) Form = new RemoteInviteForm(id);
        SetBreadcrumbs(new Breadcrumb("共同調達", TenantUrl("procurement")), new Breadcrumb(Workspace.Title, TenantUrl($"procurement/{id}")),
            new Breadcrumb("他の都道府県の参加団体"));
        return true;
    }
}
