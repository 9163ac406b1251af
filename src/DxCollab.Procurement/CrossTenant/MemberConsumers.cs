using DxCollab.Platform.Data;
using DxCollab.Platform.Messaging;
using DxCollab.Platform.Notifications;
using DxCollab.Platform.Text;
using DxCollab.Procurement.Domain;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Procurement.CrossTenant;

/// <summary>Invited side: records (or revives, on a re-invitation) this tenant's record of the workspace and tells the
/// invited 団体's officers, who answer in their own tenant.</summary>
public sealed class RemoteInvitationReceiver(DxCollabDbContext db, TimeProvider clock, NotificationService notifications)
    : IdempotentConsumer<RemoteInvitationSent>(db, clock)
{
    private readonly TimeProvider _clock = clock;

    protected override async Task HandleAsync(ConsumeContext<RemoteInvitationSent> context)
    {
        var m = context.Message;
        // Only an organisation of this tenant can be invited here; anything else is a wrong message, never a row.
        if (!await Db.Organizations.AnyAsync(o => o.Code == m.OrganizationCode, context.CancellationToken)) return;
        var shared = await Db.Set<SharedWorkspace>().FirstOrDefaultAsync(s => s.SourceTenant == m.LeadTenant && s.SourceMemberId == m.MemberId,
            context.CancellationToken);
        if (shared is null)
        {
            shared = new SharedWorkspace
            {
                SourceTenant = m.LeadTenant, SourceWorkspaceId = m.WorkspaceId, SourceMemberId = m.MemberId, OrganizationCode = m.OrganizationCode,
                OrganizationName = m.OrganizationName, Title = m.Title, Subject = m.Subject, LeadName = m.LeadName, InvitedBy = m.InvitedBy,
            };
            Db.Add(shared);
        }
        (shared.Title, shared.Subject, shared.LeadName, shared.Phase, shared.Role) = (m.Title, m.Subject, m.LeadName, m.Phase, m.Role);
        (shared.State, shared.InvitedAt, shared.InvitedBy, shared.AnsweredBy) = (MemberState.Invited, m.InvitedAt, m.InvitedBy, null);
        shared.UpdatedAt = _clock.GetUtcNow().UtcDateTime;
        var prefecture = SharedWorkspaceSummary.PrefectureName(m.LeadTenant);
        await notifications.NotifyOrganizationAsync(m.OrganizationCode, new NotificationMessage(NotificationCategories.NewItem,
            $"{prefecture}の共同調達「{m.Title}」への招待が届きました",
            $"代表団体: {m.LeadName}（{prefecture}）。{m.Role.ToJapanese()}として招待されています。参加するかどうかを回答してください。",
            $"/{Db.CurrentTenantId}/procurement/shared") { SourceKey = $"Procurement:shared-invitation:{m.LeadTenant}:{m.MemberId}:{m.InvitedAt:O}" },
            context.CancellationToken);
    }
}

/// <summary>Invited side: the lead asked the members to approve a revision; this tenant's 団体 is told, if it is still an
/// active member here.</summary>
public sealed class RemoteApprovalAskedReceiver(DxCollabDbContext db, TimeProvider clock, NotificationService notifications)
    : IdempotentConsumer<RemoteApprovalAsked>(db, clock)
{
    protected override async Task HandleAsync(ConsumeContext<RemoteApprovalAsked> context)
    {
        var m = context.Message;
        var shared = await Db.Set<SharedWorkspace>().AsNoTracking().FirstOrDefaultAsync(s => s.SourceTenant == m.LeadTenant && s.SourceMemberId == m.MemberId
            && s.OrganizationCode == m.OrganizationCode && s.State == MemberState.Active, context.CancellationToken);
        if (shared is null) return;
        var label = Documents.RevisionLabels.Label(m.Number);
        await notifications.NotifyOrganizationAsync(m.OrganizationCode, new NotificationMessage("共同調達",
            $"承認のお願い: {JapaneseText.Shorten(m.DocumentTitle, 40)} {label}",
            $"{SharedWorkspaceSummary.PrefectureName(m.LeadTenant)}の共同調達「{m.WorkspaceTitle}」の代表団体から、{m.DocumentTitle} {label}の承認を依頼されました。" +
            "承認または差戻し（コメント付き）を記録してください。" + (m.DueOn is { } d ? $" 回答期限: {JapaneseCalendar.Format(d)}" : ""),
            $"/{Db.CurrentTenantId}/procurement/shared/{shared.Id}") { SourceKey = $"Procurement:shared-approval:{m.LeadTenant}:{m.MemberId}:{m.DocumentTitle}:{m.Number}" },
            context.CancellationToken);
    }
}
