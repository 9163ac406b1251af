using DxCollab.Platform.Data;
using DxCollab.Platform.Files;
using DxCollab.Platform.Messaging;
using DxCollab.Platform.Notifications;
using DxCollab.Procurement.Domain;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DxCollab.Procurement.CrossTenant;

/// <summary>The lead's tenant: the member row a message from another tenant speaks for — the same workspace, id,
/// organisation and tenant — or null.</summary>
internal static class RemoteMemberRows
{
    public static Task<WorkspaceMember?> FindAsync(DxCollabDbContext db, long workspaceId, long memberId, string organizationCode, string memberTenant,
        CancellationToken ct, bool tracked = false) =>
        (tracked ? db.Set<WorkspaceMember>() : db.Set<WorkspaceMember>().AsNoTracking()).FirstOrDefaultAsync(m => m.Id == memberId
            && m.WorkspaceId == workspaceId && m.OrganizationCode == organizationCode && m.OrganizationTenant == memberTenant, ct);
}

/// <summary>Lead side, at each read of an active member of another prefecture: the workspace, its members and the
/// documents its role may see. Checked now, so a removal refuses the next read.</summary>
public sealed class RemoteWorkspaceResponder(DxCollabDbContext db, IWorkspaceContent content) : IConsumer<RemoteWorkspaceRequested>
{
    public async Task Consume(ConsumeContext<RemoteWorkspaceRequested> context)
    {
        var m = context.Message;
        var ct = context.CancellationToken;
        var member = await RemoteMemberRows.FindAsync(db, m.WorkspaceId, m.MemberId, m.OrganizationCode, m.MemberTenant, ct);
        var workspace = member is { IsActive: true } ? await db.Set<Workspace>().AsNoTracking().FirstOrDefaultAsync(w => w.Id == m.WorkspaceId, ct) : null;
        if (member is null || workspace is null)
        {
            await context.RespondAsync(new RemoteWorkspaceAnswer(m.TenantId, false, member?.State ?? MemberState.Removed, null, [], []));
            return;
        }
        var members = await db.Set<WorkspaceMember>().AsNoTracking().Where(x => x.WorkspaceId == m.WorkspaceId)
            .OrderBy(x => x.Role).ThenBy(x => x.OrganizationCode).ToListAsync(ct);
        var leadName = members.FirstOrDefault(x => x.OrganizationCode == workspace.LeadOrganizationCode)?.OrganizationName ?? workspace.LeadOrganizationCode;
        var documents = await content.DocumentsForAsync(m.WorkspaceId, member.Role, ct);
        await context.RespondAsync(new RemoteWorkspaceAnswer(m.TenantId, true, member.State,
            new RemoteWorkspaceSummary(workspace.Title, workspace.Subject, workspace.Description, workspace.LeadOrganizationCode, leadName, workspace.Phase,
                workspace.UpdatedAt),
            [.. members.Where(x => x.State is MemberState.Active or MemberState.Invited or MemberState.Left)
                .Select(x => new RemoteMember(x.OrganizationCode, x.OrganizationName, x.Role, x.State))], documents));
    }
}

/// <summary>Lead side, at each download: a short grant to read one revision's file, when the member is active and the
/// document's label lets its role download it.</summary>
public sealed class RemoteRevisionResponder(DxCollabDbContext db, IWorkspaceContent content, FileGrants grants) : IConsumer<RemoteRevisionRequested>
{
    public async Task Consume(ConsumeContext<RemoteRevisionRequested> context)
    {
        var m = context.Message;
        var member = await RemoteMemberRows.FindAsync(db, m.WorkspaceId, m.MemberId, m.OrganizationCode, m.MemberTenant, context.CancellationToken);
        var file = member is { IsActive: true } ? await content.RevisionFileForAsync(m.WorkspaceId, m.RevisionId, member.Role, context.CancellationToken) : null;
        await context.RespondAsync(new RemoteRevisionAnswer(m.TenantId, file is not null, file is null ? null : grants.Issue(file)));
    }
}

/// <summary>Lead side: the invited organisation's answer. Applied only to a row still invited (a removal or a new
/// invitation meanwhile wins); the lead body's officers are told.</summary>
public sealed class RemoteInvitationAnsweredConsumer(DxCollabDbContext db, TimeProvider clock, NotificationService notifications)
    : IdempotentConsumer<RemoteInvitationAnswered>(db, clock)
{
    protected override async Task HandleAsync(ConsumeContext<RemoteInvitationAnswered> context)
    {
        var m = context.Message;
        var member = await RemoteMemberRows.FindAsync(Db, m.WorkspaceId, m.MemberId, m.OrganizationCode, m.MemberTenant, context.CancellationToken, tracked: true);
        if (member is not { State: MemberState.Invited }) return;
        member.State = m.Accepted ? MemberState.Active : MemberState.Declined;
        if (m.Accepted) member.JoinedAt = m.AnsweredAt;
        else (member.EndedAt, member.EndedBy) = (m.AnsweredAt, m.AnsweredBy);
        await TellLeadAsync(Db, notifications, member, m.Accepted ? "参加しました" : "招待を辞退しました", context.CancellationToken);
    }

    internal static async Task TellLeadAsync(DxCollabDbContext db, NotificationService notifications, WorkspaceMember member, string what, CancellationToken ct)
    {
        var workspace = await db.Set<Workspace>().FirstAsync(w => w.Id == member.WorkspaceId, ct);
        workspace.UpdatedAt = DateTime.UtcNow;
        await notifications.NotifyOrganizationAsync(workspace.LeadOrganizationCode, new NotificationMessage(NotificationCategories.NewItem,
            $"{member.OrganizationName}が共同調達「{workspace.Title}」に{what}", $"{SharedWorkspaceSummary.PrefectureName(member.OrganizationTenant!)}の団体です。",
            $"/{db.CurrentTenantId}/procurement/{workspace.Id}")
        { SourceKey = $"Procurement:remote-member:{member.Id}:{member.State}" }, ct);
    }
}

/// <summary>Either side: a membership ended on the other side. Lead side (離脱 from the member's tenant): the member row
/// becomes 離脱. Member side (除外 by the lead): this tenant's record becomes 除外 and the 団体's officers are told.</summary>
public sealed class RemoteMembershipEndedConsumer(DxCollabDbContext db, TimeProvider clock, NotificationService notifications)
    : IdempotentConsumer<RemoteMembershipEnded>(db, clock)
{
    protected override async Task HandleAsync(ConsumeContext<RemoteMembershipEnded> context)
    {
        var m = context.Message;
        var ct = context.CancellationToken;
        if (m.Ending == MemberState.Left)
        {
            var member = await RemoteMemberRows.FindAsync(Db, m.WorkspaceId, m.MemberId, m.OrganizationCode, m.OtherTenant, ct, tracked: true);
            if (member is not { State: MemberState.Active }) return;
            (member.State, member.EndedAt, member.EndedBy) = (MemberState.Left, m.EndedAt, m.EndedBy);
            await RemoteInvitationAnsweredConsumer.TellLeadAsync(Db, notifications, member, "離脱しました", ct);
            return;
        }
        var shared = await Db.Set<SharedWorkspace>().FirstOrDefaultAsync(s => s.SourceTenant == m.OtherTenant && s.SourceMemberId == m.MemberId
            && s.SourceWorkspaceId == m.WorkspaceId, ct);
        if (shared is null || shared.State is MemberState.Removed or MemberState.Left or MemberState.Declined) return;
        (shared.State, shared.UpdatedAt, shared.AnsweredBy) = (MemberState.Removed, m.EndedAt, m.EndedBy);
        await notifications.NotifyOrganizationAsync(shared.OrganizationCode, new NotificationMessage(NotificationCategories.System,
            $"共同調達「{shared.Title}」から除外されました", $"代表団体（{shared.LeadName}）が参加団体から除外しました。",
            $"/{Db.CurrentTenantId}/procurement/shared/{shared.Id}") { SourceKey = $"Procurement:shared:{shared.Id}:removed" }, ct);
    }
}

/// <summary>Lead side: an active member's 承認 / 差戻し from another prefecture, recorded by the documents slice under the
/// same rules as this tenant's members. A refusal (not a member any more, no approval asked) is logged, not retried.</summary>
public sealed class RemoteVerdictConsumer(DxCollabDbContext db, TimeProvider clock, IWorkspaceContent content, ILogger<RemoteVerdictConsumer> logger)
    : IdempotentConsumer<RemoteVerdictSent>(db, clock)
{
    protected override async Task HandleAsync(ConsumeContext<RemoteVerdictSent> context)
    {
        var m = context.Message;
        var member = await RemoteMemberRows.FindAsync(Db, m.WorkspaceId, m.MemberId, m.OrganizationCode, m.MemberTenant, context.CancellationToken);
        if (member is not { IsActive: true } || member.Role == MemberRole.Observer)
        {
            logger.LogWarning("Verdict of {Organization} on revision {Revision} refused: not an active voting member", m.OrganizationCode, m.RevisionId);
            return;
        }
        var recorded = await content.RecordVerdictAsync(m.WorkspaceId, m.RevisionId, m.OrganizationCode, m.Approved, m.Comment,
            $"{m.Actor}（{SharedWorkspaceSummary.PrefectureName(m.MemberTenant)}）", context.CancellationToken);
        if (!recorded.Succeeded)
            logger.LogWarning("Verdict of {Organization} on revision {Revision} refused: {Reason}", m.OrganizationCode, m.RevisionId, recorded.Message);
    }
}
