using System.Security.Claims;
using DxCollab.Platform.Data;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Messaging;
using DxCollab.Platform.Organizations;
using DxCollab.Platform.Results;
using DxCollab.Platform.Tenancy;
using DxCollab.Platform.Validation;
using DxCollab.Procurement.Domain;
using DxCollab.Procurement.Workspaces;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Procurement.CrossTenant;

public sealed record RemoteInviteInput(string? OrganizationCode, string? Role);

/// <summary>The lead's side: inviting an organisation of another prefecture and removing it. The member row and the
/// message to the other tenant are written by one SaveChanges (outbox), so neither happens without the other.</summary>
public sealed class RemoteMemberService(DxCollabDbContext db, WorkspaceService workspaces, TimeProvider clock)
{
    public async Task<Outcome<MemberView>> InviteAsync(long workspaceId, RemoteInviteInput input, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var (workspace, seat) = await workspaces.SeatAsync(workspaceId, user, ct);
        if (workspace is null) return Outcome<MemberView>.NotFound("共同調達が見つかりません。");
        if (!seat.MayManage) return Outcome<MemberView>.Forbidden("他の都道府県の団体を招待できるのは代表団体です。");
        var code = input.OrganizationCode?.Trim() ?? "";
        if (code.Length == 0) return Outcome<MemberView>.Invalid("organizationCode", "招待する団体の団体コード（6桁）を入力してください。");
        if (LocalGovernmentList.Bundled.FirstOrDefault(r => r.Code == code) is not { } organization)
            return Outcome<MemberView>.Invalid("organizationCode", $"団体コード「{code}」の団体は見つかりません。6桁の全国地方公共団体コードを入力してください。");
        var tenant = TenantOf(organization);
        if (tenant is null || tenant == db.CurrentTenantId)
            return Outcome<MemberView>.Invalid("organizationCode", $"{organization.Name}はこの都道府県の団体です。参加団体の画面から招待してください。");
        if (ParseRole(input.Role) is not { } role)
            return Outcome<MemberView>.Invalid("role", "役割は「参加団体」（Member）か「オブザーバー」（Observer）を選んでください。");

        var now = clock.GetUtcNow().UtcDateTime;
        var member = await db.Set<WorkspaceMember>().FirstOrDefaultAsync(m => m.WorkspaceId == workspaceId && m.OrganizationCode == code, ct);
        if (member is { State: MemberState.Invited or MemberState.Active })
            return Outcome<MemberView>.Conflict($"{organization.Name}は既に{member.State.ToJapanese()}です。");
        if (member is null)
        {
            member = new WorkspaceMember { WorkspaceId = workspaceId, OrganizationCode = code, OrganizationName = organization.Name, InvitedBy = user.ActorLabel() };
            db.Add(member);
        }
        // A re-invitation revives the row (declined, left or removed before): its history stays in the audit log.
        member.OrganizationTenant = tenant;
        member.Role = role;
        member.State = MemberState.Invited;
        member.InvitedAt = now;
        member.InvitedBy = user.ActorLabel();
        member.JoinedAt = null;
        member.EndedAt = null;
        member.EndedBy = null;
        member.EndedReason = null;
        workspace.UpdatedAt = now;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct); // the member id travels in the message
        var leadName = await db.Set<WorkspaceMember>().Where(m => m.WorkspaceId == workspaceId && m.OrganizationCode == workspace.LeadOrganizationCode)
            .Select(m => m.OrganizationName).FirstOrDefaultAsync(ct) ?? workspace.LeadOrganizationCode;
        db.SendToTenant(new RemoteInvitationSent(tenant, db.CurrentTenantId!, workspaceId, member.Id, code, organization.Name, workspace.Title,
            workspace.Subject, leadName, workspace.Phase, role, now, user.ActorLabel()), $"procurement:{workspaceId}:member:{member.Id}");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Outcome<MemberView>.Ok(MemberView.Of(member));
    }

    /// <summary>Removes another prefecture's member: refused here at once, and the member's tenant is told.</summary>
    public async Task<Outcome<MemberView>> RemoveAsync(long workspaceId, long memberId, string? reason, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var (workspace, seat) = await workspaces.SeatAsync(workspaceId, user, ct);
        if (workspace is null) return Outcome<MemberView>.NotFound("共同調達が見つかりません。");
        if (!seat.MayManage) return Outcome<MemberView>.Forbidden("参加団体を除外できるのは代表団体です。");
        var member = await db.Set<WorkspaceMember>().FirstOrDefaultAsync(m => m.WorkspaceId == workspaceId && m.Id == memberId && m.OrganizationTenant != null, ct);
        if (member is null) return Outcome<MemberView>.NotFound("他の都道府県の参加団体が見つかりません。");
        if (member.State is not (MemberState.Invited or MemberState.Active))
            return Outcome<MemberView>.Conflict($"{member.OrganizationName}は既に{member.State.ToJapanese()}です。");
        if (InputRefusals.Text<MemberView>("reason", reason) is { } refused) return refused;
        var cleanReason = Platform.Text.JapaneseText.Clean(reason);
        if (cleanReason is { Length: > 1000 }) return Outcome<MemberView>.Invalid("reason", "理由は1000文字以内で入力してください。");

        var now = clock.GetUtcNow().UtcDateTime;
        member.State = MemberState.Removed;
        member.EndedAt = now;
        member.EndedBy = user.ActorLabel();
        member.EndedReason = cleanReason;
        workspace.UpdatedAt = now;
        db.SendToTenant(new RemoteMembershipEnded(member.OrganizationTenant!, db.CurrentTenantId!, workspaceId, member.Id, member.OrganizationCode,
            MemberState.Removed, now, user.ActorLabel()), $"procurement:{workspaceId}:member:{member.Id}");
        await db.SaveChangesAsync(ct);
        return Outcome<MemberView>.Ok(MemberView.Of(member));
    }

    /// <summary>The tenant of a 団体: the first two digits of its code are the prefecture's number (JIS order).</summary>
    public static string? TenantOf(LocalGovernmentRecord organization) =>
        int.TryParse(organization.PrefectureCode, out var number) && number is >= 1 and <= 47 ? PrefectureCatalog.Identifiers[number - 1] : null;

    private static MemberRole? ParseRole(string? role) => role?.Trim() switch
    {
        null or "" or "Member" or "member" or "参加団体" => MemberRole.Member,
        "Observer" or "observer" or "オブザーバー" => MemberRole.Observer,
        _ => null,
    };
}
