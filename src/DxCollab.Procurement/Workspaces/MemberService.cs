using System.Security.Claims;
using DxCollab.Platform.Data;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Organizations;
using DxCollab.Platform.Results;
using DxCollab.Platform.Text;
using DxCollab.Platform.Validation;
using DxCollab.Procurement.Access;
using DxCollab.Procurement.Domain;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Procurement.Workspaces;

/// <summary>The life of a member row: the lead invites a 団体 of this tenant (Invited), its officers accept (Active) or
/// decline (Declined); an active member leaves (Left) or the lead removes it (Removed). Rows are never deleted, so
/// 「過去の参加団体」 stays; a re-invitation revives the row (its earlier life is in the audit log).</summary>
public sealed class MemberService(DxCollabDbContext db, WorkspaceService workspaces, OrganizationDirectory organizations, WorkspaceNotices notices,
    TimeProvider clock)
{
    public const int MaxReason = 1000;

    public async Task<Outcome<MemberView>> InviteAsync(long workspaceId, MemberInvite input, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var (workspace, seat) = await workspaces.SeatAsync(workspaceId, user, ct);
        if (workspace is null) return Outcome<MemberView>.NotFound("共同調達が見つかりません。");
        if (!seat.MayManage) return Outcome<MemberView>.Forbidden("参加団体を招待できるのは代表団体です。");
        var role = input.Role ?? MemberRole.Member;
        if (role is not (MemberRole.Member or MemberRole.Observer) || !Enum.IsDefined(role))
            return Outcome<MemberView>.Invalid("role", "招待する立場は「参加団体」（Member）か「オブザーバー」（Observer）を選んでください。代表団体は「代表団体を交代」で移します。");
        if (input.OrganizationCode?.Trim() is not { Length: > 0 } code)
            return Outcome<MemberView>.Invalid("organizationCode", "招待する団体を選んでください。");
        if (await organizations.FindAsync(code, ct) is not { } org)
            return Outcome<MemberView>.Invalid("organizationCode",
                $"団体コード「{code}」の団体はこの都道府県にありません。他の都道府県の団体は「他の都道府県の団体を招待」から招待してください。");
        if (org.AbolishedOn is not null)
            return Outcome<MemberView>.Invalid("organizationCode", $"{org.Name}は廃止された団体です。承継した団体を招待してください。");

        var now = clock.GetUtcNow().UtcDateTime;
        var member = await db.Set<WorkspaceMember>().FirstOrDefaultAsync(m => m.WorkspaceId == workspaceId && m.OrganizationCode == org.Code, ct);
        if (member is { State: MemberState.Active or MemberState.Invited })
            return Outcome<MemberView>.Conflict($"{org.Name}は既に{member.State.ToJapanese()}です。", "organizationCode");
        if (member is null)
        {
            member = new WorkspaceMember { WorkspaceId = workspaceId, OrganizationCode = org.Code, OrganizationName = org.Name, InvitedBy = "" };
            db.Add(member);
        }
        member.Role = role;
        member.State = MemberState.Invited;
        member.InvitedAt = now;
        member.InvitedBy = user.ActorLabel();
        member.JoinedAt = member.EndedAt = null;
        member.EndedBy = member.EndedReason = member.Conditions = null;
        workspace.UpdatedAt = now;
        try
        {
            await db.SaveChangesAsync(ct); // the row's id is needed for the notice's key
            await notices.InvitedAsync(workspace, member, await LeadNameAsync(workspace, ct), ct);
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two invitations of the same 団体 at once: the unique (workspace, 団体) row lets one through.
            return Outcome<MemberView>.Conflict($"{org.Name}は既に招待中です。", "organizationCode");
        }
        return Outcome<MemberView>.Ok(MemberView.Of(member));
    }

    public Task<Outcome<MemberView>> AcceptAsync(long workspaceId, long memberId, ClaimsPrincipal user, CancellationToken ct = default) =>
        AnswerAsync(workspaceId, memberId, user, accept: true, reasonText: null, ct);

    public Task<Outcome<MemberView>> DeclineAsync(long workspaceId, long memberId, MemberReason input, ClaimsPrincipal user, CancellationToken ct = default) =>
        AnswerAsync(workspaceId, memberId, user, accept: false, input.Reason, ct);

    /// <summary>Only the invited 団体's own officer (or the prefecture's staff for the prefecture) answers its invitation.</summary>
    private async Task<Outcome<MemberView>> AnswerAsync(long workspaceId, long memberId, ClaimsPrincipal user, bool accept, string? reasonText,
        CancellationToken ct)
    {
        var member = await db.Set<WorkspaceMember>().FirstOrDefaultAsync(m => m.Id == memberId && m.WorkspaceId == workspaceId && m.OrganizationTenant == null, ct);
        var workspace = member is null ? null : await db.Set<Workspace>().FirstOrDefaultAsync(w => w.Id == workspaceId, ct);
        if (member is null || workspace is null || user.ActingOrganizationCode() != member.OrganizationCode)
            return await HiddenOrForbiddenAsync(workspaceId, user, "招待に答えられるのは、招待された団体の担当者です。", ct);
        if (member.State != MemberState.Invited)
            return Outcome<MemberView>.Conflict($"この招待には既に答えています（{member.State.ToJapanese()}）。");
        if (InputRefusals.Text<MemberView>("reason", reasonText) is { } refused) return refused;
        var reason = JapaneseText.Clean(reasonText);
        if (reason is { Length: > MaxReason }) return Outcome<MemberView>.Invalid("reason", $"理由は{MaxReason}文字以内で入力してください。");

        var now = clock.GetUtcNow().UtcDateTime;
        if (accept)
        {
            member.State = MemberState.Active;
            member.JoinedAt = now;
        }
        else End(member, MemberState.Declined, user, reason, now);
        workspace.UpdatedAt = now;
        await notices.AnsweredAsync(workspace, member, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<MemberView>.Ok(MemberView.Of(member));
    }

    /// <summary>An active member leaves by itself, with a reason; the lead cannot leave while it is the lead.</summary>
    public async Task<Outcome<MemberView>> LeaveAsync(long workspaceId, long memberId, MemberReason input, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var (workspace, seat) = await workspaces.SeatAsync(workspaceId, user, ct);
        if (workspace is null) return Outcome<MemberView>.NotFound("共同調達が見つかりません。");
        var member = await FindAsync(workspaceId, memberId, ct);
        if (member is null) return Outcome<MemberView>.NotFound("参加団体が見つかりません。");
        if (seat.OrganizationCode != member.OrganizationCode) return Outcome<MemberView>.Forbidden("離脱できるのはその団体自身です（代表団体は「除外」を使います）。");
        if (member.Role == MemberRole.Lead)
            return Outcome<MemberView>.Conflict("代表団体のままでは離脱できません。先に「代表団体を交代」で他の参加団体に代表団体を移してください。");
        if (InputRefusals.Text<MemberView>("reason", input.Reason, "離脱の理由を入力してください。") is { } refused) return refused;
        if (JapaneseText.Clean(input.Reason) is not { Length: > 0 } reason) return Outcome<MemberView>.Invalid("reason", "離脱の理由を入力してください。");
        if (reason.Length > MaxReason) return Outcome<MemberView>.Invalid("reason", $"理由は{MaxReason}文字以内で入力してください。");

        var now = clock.GetUtcNow().UtcDateTime;
        End(member, MemberState.Left, user, reason, now);
        workspace.UpdatedAt = now;
        await notices.LeftAsync(workspace, member, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<MemberView>.Ok(MemberView.Of(member));
    }

    /// <summary>The lead removes an active member or withdraws an invitation, with a reason; access ends at once (seats
    /// are read from the row on every request).</summary>
    public async Task<Outcome<MemberView>> RemoveAsync(long workspaceId, long memberId, MemberReason input, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var (workspace, seat) = await workspaces.SeatAsync(workspaceId, user, ct);
        if (workspace is null) return Outcome<MemberView>.NotFound("共同調達が見つかりません。");
        if (!seat.MayManage) return Outcome<MemberView>.Forbidden("参加団体を除外できるのは代表団体です。");
        var member = await FindAsync(workspaceId, memberId, ct);
        if (member is null) return Outcome<MemberView>.NotFound("参加団体が見つかりません。");
        if (member.Role == MemberRole.Lead) return Outcome<MemberView>.Conflict("代表団体は除外できません。");
        if (member.State is not (MemberState.Active or MemberState.Invited))
            return Outcome<MemberView>.Conflict($"{member.OrganizationName}は既に{member.State.ToJapanese()}です。");
        if (InputRefusals.Text<MemberView>("reason", input.Reason, "除外の理由を入力してください。") is { } refused) return refused;
        if (JapaneseText.Clean(input.Reason) is not { Length: > 0 } reason) return Outcome<MemberView>.Invalid("reason", "除外の理由を入力してください。");
        if (reason.Length > MaxReason) return Outcome<MemberView>.Invalid("reason", $"理由は{MaxReason}文字以内で入力してください。");

        var now = clock.GetUtcNow().UtcDateTime;
        End(member, MemberState.Removed, user, reason, now);
        workspace.UpdatedAt = now;
        if (!member.IsRemote) await notices.RemovedAsync(workspace, member, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<MemberView>.Ok(MemberView.Of(member));
    }

    /// <summary>The lead moves a member between 参加団体 and オブザーバー (the lead role moves only by a handover).</summary>
    public async Task<Outcome<MemberView>> ChangeRoleAsync(long workspaceId, long memberId, MemberRoleChange input, ClaimsPrincipal user,
        CancellationToken ct = default)
    {
        var (workspace, seat) = await workspaces.SeatAsync(workspaceId, user, ct);
        if (workspace is null) return Outcome<MemberView>.NotFound("共同調達が見つかりません。");
        if (!seat.MayManage) return Outcome<MemberView>.Forbidden("立場を変えられるのは代表団体です。");
        if (input.Role is not { } role || role is not (MemberRole.Member or MemberRole.Observer) || !Enum.IsDefined(role))
            return Outcome<MemberView>.Invalid("role", "立場は「参加団体」（Member）か「オブザーバー」（Observer）を選んでください。代表団体は「代表団体を交代」で移します。");
        var member = await FindAsync(workspaceId, memberId, ct);
        if (member is null) return Outcome<MemberView>.NotFound("参加団体が見つかりません。");
        if (member.Role == MemberRole.Lead) return Outcome<MemberView>.Conflict("代表団体の立場は「代表団体を交代」で移してください。");
        if (member.State is not (MemberState.Active or MemberState.Invited))
            return Outcome<MemberView>.Conflict($"{member.OrganizationName}は{member.State.ToJapanese()}のため立場を変えられません。");
        member.Role = role;
        workspace.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return Outcome<MemberView>.Ok(MemberView.Of(member));
    }

    /// <summary>「代表団体を交代」: the lead hands its role to another active member of this tenant and becomes a member.</summary>
    public async Task<Outcome<WorkspaceView>> HandOverLeadAsync(long workspaceId, LeadHandover input, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var (workspace, seat) = await workspaces.SeatAsync(workspaceId, user, ct);
        if (workspace is null) return Outcome<WorkspaceView>.NotFound("共同調達が見つかりません。");
        if (!seat.MayManage) return Outcome<WorkspaceView>.Forbidden("代表団体を交代できるのは今の代表団体です。");
        if (input.MemberId is not { } id) return Outcome<WorkspaceView>.Invalid("memberId", "新しい代表団体を選んでください。");
        var next = await FindAsync(workspaceId, id, ct);
        if (next is not { IsActive: true, IsRemote: false } || next.Role == MemberRole.Lead)
            return Outcome<WorkspaceView>.Invalid("memberId", "新しい代表団体は、この都道府県の参加中の団体から選んでください。");
        var lead = await db.Set<WorkspaceMember>().FirstAsync(m => m.WorkspaceId == workspaceId && m.Role == MemberRole.Lead, ct);
        lead.Role = MemberRole.Member;
        next.Role = MemberRole.Lead;
        workspace.LeadOrganizationCode = next.OrganizationCode;
        workspace.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        var members = await db.Set<WorkspaceMember>().AsNoTracking().Where(m => m.WorkspaceId == workspaceId).ToListAsync(ct);
        await notices.MembersAsync(workspace, members, null, "代表団体が交代しました",
            $"共同調達「{workspace.Title}」の代表団体が{lead.OrganizationName}から{next.OrganizationName}に交代しました。", "/members", ct);
        await db.SaveChangesAsync(ct);
        return await workspaces.GetAsync(workspaceId, user, ct);
    }

    /// <summary>The invitations waiting for the user's 団体 (its officers answer them on the list page).</summary>
    public async Task<IReadOnlyList<InvitationView>> InvitationsAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (user.ActingOrganizationCode() is not { } code) return [];
        var rows = await (from m in db.Set<WorkspaceMember>().AsNoTracking()
                          join w in db.Set<Workspace>().AsNoTracking() on m.WorkspaceId equals w.Id
                          where m.OrganizationCode == code && m.State == MemberState.Invited && m.OrganizationTenant == null
                          select new { Member = m, Workspace = w }).ToListAsync(ct);
        var ids = rows.Select(r => r.Workspace.Id).ToList();
        var leads = await db.Set<WorkspaceMember>().AsNoTracking().Where(m => ids.Contains(m.WorkspaceId) && m.Role == MemberRole.Lead)
            .ToDictionaryAsync(m => m.WorkspaceId, m => m.OrganizationName, ct);
        return [.. rows.OrderByDescending(r => r.Member.InvitedAt).Select(r => new InvitationView(r.Member.Id, r.Workspace.Id, r.Workspace.Subject,
            r.Workspace.Title, leads.GetValueOrDefault(r.Workspace.Id, r.Workspace.LeadOrganizationCode), r.Member.Role, r.Member.Role.ToJapanese(),
            r.Member.InvitedAt, r.Member.InvitedBy))];
    }

    private Task<WorkspaceMember?> FindAsync(long workspaceId, long memberId, CancellationToken ct) =>
        // Another prefecture's member row is the cross-tenant slice's (RemoteMemberService): its changes must reach that tenant.
        db.Set<WorkspaceMember>().FirstOrDefaultAsync(m => m.Id == memberId && m.WorkspaceId == workspaceId && m.OrganizationTenant == null, ct);

    private async Task<string> LeadNameAsync(Workspace w, CancellationToken ct) =>
        await db.Set<WorkspaceMember>().AsNoTracking().Where(m => m.WorkspaceId == w.Id && m.Role == MemberRole.Lead)
            .Select(m => m.OrganizationName).FirstOrDefaultAsync(ct) ?? w.LeadOrganizationCode;

    /// <summary>A user who may read the workspace learns it is not theirs to do (403); anyone else learns nothing (404).</summary>
    private async Task<Outcome<MemberView>> HiddenOrForbiddenAsync(long workspaceId, ClaimsPrincipal user, string message, CancellationToken ct) =>
        (await workspaces.SeatAsync(workspaceId, user, ct)).Workspace is null
            ? Outcome<MemberView>.NotFound("招待が見つかりません。")
            : Outcome<MemberView>.Forbidden(message);

    private static void End(WorkspaceMember member, MemberState state, ClaimsPrincipal user, string? reason, DateTime now)
    {
        member.State = state;
        member.EndedAt = now;
        member.EndedBy = user.ActorLabel();
        member.EndedReason = reason;
    }
}
