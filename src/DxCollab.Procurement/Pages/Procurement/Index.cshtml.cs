using DxCollab.Platform.Results;
using DxCollab.Platform.Web;
using DxCollab.Procurement.Access;
using DxCollab.Procurement.Polls;
using DxCollab.Procurement.Workspaces;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.Procurement.Pages.Procurement;

/// <summary>The workspaces the user may see (the prefecture's staff all of the tenant's, an officer its 団体's), the
/// invitations waiting for the user's 団体 (accept or decline here) and the 意向調査 asking it.</summary>
public sealed class IndexModel(WorkspaceService workspaces, MemberService members, PollService polls) : TenantPageModel
{
    public IReadOnlyList<WorkspaceSummary> Items { get; private set; } = [];
    public IReadOnlyList<InvitationView> Invitations { get; private set; } = [];
    public IReadOnlyList<PollView> AskedPolls { get; private set; } = [];
    public bool MayCreate { get; private set; }
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var outcome = await workspaces.ListAsync(User, ct);
        if (outcome.Kind == OutcomeKind.Forbidden) return Forbid();
        await LoadAsync(outcome.Value!, ct);
        return Page();
    }

    public Task<IActionResult> OnPostAcceptAsync(long workspaceId, long memberId, CancellationToken ct) =>
        AnswerAsync(workspaceId, () => members.AcceptAsync(workspaceId, memberId, User, ct), ct);

    public Task<IActionResult> OnPostDeclineAsync(long workspaceId, long memberId, string? reason, CancellationToken ct) =>
        AnswerAsync(null, () => members.DeclineAsync(workspaceId, memberId, new MemberReason(reason), User, ct), ct);

    private async Task<IActionResult> AnswerAsync(long? openAfter, Func<Task<Outcome<MemberView>>> answer, CancellationToken ct)
    {
        var outcome = await answer();
        if (outcome.Succeeded) return Redirect(openAfter is { } id ? TenantUrl($"procurement/{id}") : TenantUrl("procurement"));
        var list = await workspaces.ListAsync(User, ct);
        if (list.Kind == OutcomeKind.Forbidden) return Forbid();
        await LoadAsync(list.Value!, ct);
        Message = outcome.Message;
        return RefusedPage(outcome.Kind);
    }

    private async Task LoadAsync(IReadOnlyList<WorkspaceSummary> items, CancellationToken ct)
    {
        SetBreadcrumbs(new Breadcrumb("共同調達"));
        MayCreate = User.MayCreateWorkspace();
        Items = items;
        Invitations = await members.InvitationsAsync(User, ct);
        AskedPolls = [.. (await polls.AskedAsync(User, ct)).Where(p => p.Results is null)];
    }
}
