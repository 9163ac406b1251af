using System.Security.Claims;
using DxCollab.Platform.Data;
using DxCollab.Platform.Files;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Messaging;
using DxCollab.Platform.Results;
using DxCollab.Platform.Text;
using DxCollab.Platform.Validation;
using DxCollab.Procurement.Access;
using DxCollab.Procurement.Domain;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Procurement.CrossTenant;

/// <summary>The invited tenant's side: the other prefectures' workspaces its organisations are invited to, answering
/// the invitation, leaving, and — for an active member — reading the workspace, downloading a revision and sending a
/// verdict, each asked of the lead's tenant over the bus. Every change here takes effect on this side at once and is
/// told to the lead through the outbox. An officer acts for its 団体; the prefecture's staff for the prefecture, and
/// they also see (not open) every invitation of the tenant's 団体.</summary>
public sealed class SharedWorkspaceService(DxCollabDbContext db, LeadTenantClient lead, FileGrants grants, TimeProvider clock)
{
    public async Task<Outcome<IReadOnlyList<SharedWorkspaceSummary>>> ListAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var code = user.ActingOrganizationCode();
        if (code is null && !user.IsPrefectureStaff())
            return Outcome<IReadOnlyList<SharedWorkspaceSummary>>.Forbidden("他の都道府県との共同調達を見られるのは、参加する団体の担当者と都道府県の職員です。");
        var rows = db.Set<SharedWorkspace>().AsNoTracking();
        if (!user.IsPrefectureStaff()) rows = rows.Where(s => s.OrganizationCode == code);
        var list = await rows.OrderByDescending(s => s.UpdatedAt).ThenByDescending(s => s.Id).ToListAsync(ct);
        return Outcome<IReadOnlyList<SharedWorkspaceSummary>>.Ok([.. list.Select(s => SharedWorkspaceSummary.Of(s, s.OrganizationCode == code))]);
    }

    /// <summary>This tenant's record of one shared workspace, when the user may see it (else null: 404).</summary>
    public async Task<SharedWorkspaceSummary?> FindAsync(long id, ClaimsPrincipal user, CancellationToken ct = default) =>
        await VisibleAsync(id, user, tracked: false, ct) is { } s ? SharedWorkspaceSummary.Of(s, s.OrganizationCode == user.ActingOrganizationCode()) : null;

    /// <summary>The workspace as the lead's tenant shows it to an active member, asked now (a removal there refuses at once).</summary>
    public async Task<Outcome<SharedWorkspaceView>> GetAsync(long id, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var (shared, refusal) = await ActiveSeatAsync(id, user, ct);
        if (shared is null) return refusal!.As<SharedWorkspaceView>();
        var asked = await lead.AskAsync<RemoteWorkspaceRequested, RemoteWorkspaceAnswer>(new RemoteWorkspaceRequested(shared.SourceTenant, db.CurrentTenantId!,
            shared.SourceWorkspaceId, shared.SourceMemberId, shared.OrganizationCode), shared.SourceTenant, ct);
        if (!asked.Succeeded) return asked.As<SharedWorkspaceView>();
        var answer = asked.Value!;
        if (!answer.Granted || answer.Workspace is not { } workspace) return (await RefusedByLeadAsync(shared, answer.State, ct)).As<SharedWorkspaceView>();

        // Keep this side's record as current as the lead's answer (the list shows title and phase without asking).
        if (shared.Title != workspace.Title || shared.Phase != workspace.Phase || shared.Subject != workspace.Subject || shared.LeadName != workspace.LeadName)
        {
            (shared.Title, shared.Subject, shared.Phase, shared.LeadName) = (workspace.Title, workspace.Subject, workspace.Phase, workspace.LeadName);
            shared.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
        }
        return Outcome<SharedWorkspaceView>.Ok(new SharedWorkspaceView(SharedWorkspaceSummary.Of(shared, true), workspace.Description,
            [.. answer.Members.Select(RemoteMemberView.Of)], answer.Documents));
    }

    /// <summary>A revision's file, through a grant the lead's tenant issues after checking membership and the label.</summary>
    public async Task<Outcome<GrantedFile>> DownloadAsync(long id, long revisionId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var (shared, refusal) = await ActiveSeatAsync(id, user, ct);
        if (shared is null) return refusal!.As<GrantedFile>();
        var asked = await lead.AskAsync<RemoteRevisionRequested, RemoteRevisionAnswer>(new RemoteRevisionRequested(shared.SourceTenant, db.CurrentTenantId!,
            shared.SourceWorkspaceId, shared.SourceMemberId, shared.OrganizationCode, revisionId), shared.SourceTenant, ct);
        if (!asked.Succeeded) return asked.As<GrantedFile>();
        if (!asked.Value!.Granted) return Outcome<GrantedFile>.NotFound("この版はダウンロードできません（参加していないか、文書の公開範囲の外です）。");
        return await grants.OpenAsync(asked.Value.Grant, ct) is { } file
            ? Outcome<GrantedFile>.Ok(file)
            : Outcome<GrantedFile>.NotFound("ファイルを開けませんでした。もう一度ダウンロードしてください。");
    }

    /// <summary>承認 / 差戻し of a revision by a member (not an observer): sent durably to the lead's tenant, which records it.</summary>
    public async Task<Outcome<VerdictSent>> SendVerdictAsync(long id, long revisionId, Documents.VerdictInput input, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var (shared, refusal) = await ActiveSeatAsync(id, user, ct);
        if (shared is null) return refusal!.As<VerdictSent>();
        if (shared.Role == MemberRole.Observer) return Outcome<VerdictSent>.Forbidden("オブザーバーは承認・差戻しできません。");
        if (input.Approved is not { } approved) return Outcome<VerdictSent>.Invalid("approved", "承認か差戻しかを選んでください。");
        if (InputRefusals.Text<VerdictSent>("comment", input.Comment) is { } refused) return refused;
        var comment = JapaneseText.Clean(input.Comment);
        if (comment is { Length: > 2000 }) return Outcome<VerdictSent>.Invalid("comment", "コメントは2000文字以内で入力してください。");
        db.SendToTenant(new RemoteVerdictSent(shared.SourceTenant, db.CurrentTenantId!, shared.SourceWorkspaceId, shared.SourceMemberId,
            shared.OrganizationCode, revisionId, approved, comment, user.ActorLabel()), $"procurement:{shared.SourceTenant}:{shared.SourceWorkspaceId}");
        await db.SaveChangesAsync(ct);
        return Outcome<VerdictSent>.Ok(new VerdictSent(revisionId, approved,
            $"{(approved ? "承認" : "差戻し")}を代表団体（{shared.LeadName}）に送りました。反映まで少しかかることがあります。"));
    }

    public Task<Outcome<SharedWorkspaceSummary>> AcceptAsync(long id, ClaimsPrincipal user, CancellationToken ct = default) => AnswerAsync(id, true, user, ct);

    public Task<Outcome<SharedWorkspaceSummary>> DeclineAsync(long id, ClaimsPrincipal user, CancellationToken ct = default) => AnswerAsync(id, false, user, ct);

    private async Task<Outcome<SharedWorkspaceSummary>> AnswerAsync(long id, bool accepted, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await VisibleAsync(id, user, tracked: true, ct) is not { } shared) return Outcome<SharedWorkspaceSummary>.NotFound("共同調達への招待が見つかりません。");
        if (shared.OrganizationCode != user.ActingOrganizationCode())
            return Outcome<SharedWorkspaceSummary>.Forbidden($"招待に回答できるのは{shared.OrganizationName}の担当者です。");
        if (shared.State != MemberState.Invited)
            return Outcome<SharedWorkspaceSummary>.Conflict($"この招待には回答できません（{shared.State.ToJapanese()}）。");
        var now = clock.GetUtcNow().UtcDateTime;
        shared.State = accepted ? MemberState.Active : MemberState.Declined;
        shared.UpdatedAt = now;
        shared.AnsweredBy = user.ActorLabel();
        db.SendToTenant(new RemoteInvitationAnswered(shared.SourceTenant, db.CurrentTenantId!, shared.SourceWorkspaceId, shared.SourceMemberId,
            shared.OrganizationCode, accepted, now, user.ActorLabel()), $"procurement:{shared.SourceTenant}:{shared.SourceWorkspaceId}");
        await db.SaveChangesAsync(ct);
        return Outcome<SharedWorkspaceSummary>.Ok(SharedWorkspaceSummary.Of(shared, true));
    }

    /// <summary>Leaves: this side refuses every read from now on, and the lead's tenant records 離脱.</summary>
    public async Task<Outcome<SharedWorkspaceSummary>> LeaveAsync(long id, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (await VisibleAsync(id, user, tracked: true, ct) is not { } shared) return Outcome<SharedWorkspaceSummary>.NotFound("共同調達が見つかりません。");
        if (shared.OrganizationCode != user.ActingOrganizationCode())
            return Outcome<SharedWorkspaceSummary>.Forbidden($"離脱できるのは{shared.OrganizationName}の担当者です。");
        if (shared.State != MemberState.Active)
            return Outcome<SharedWorkspaceSummary>.Conflict($"参加中ではないため離脱できません（{shared.State.ToJapanese()}）。");
        var now = clock.GetUtcNow().UtcDateTime;
        shared.State = MemberState.Left;
        shared.UpdatedAt = now;
        shared.AnsweredBy = user.ActorLabel();
        db.SendToTenant(new RemoteMembershipEnded(shared.SourceTenant, db.CurrentTenantId!, shared.SourceWorkspaceId, shared.SourceMemberId,
            shared.OrganizationCode, MemberState.Left, now, user.ActorLabel()), $"procurement:{shared.SourceTenant}:{shared.SourceWorkspaceId}");
        await db.SaveChangesAsync(ct);
        return Outcome<SharedWorkspaceSummary>.Ok(SharedWorkspaceSummary.Of(shared, true));
    }

    private async Task<SharedWorkspace?> VisibleAsync(long id, ClaimsPrincipal user, bool tracked, CancellationToken ct)
    {
        var code = user.ActingOrganizationCode();
        if (code is null && !user.IsPrefectureStaff()) return null;
        var rows = tracked ? db.Set<SharedWorkspace>() : db.Set<SharedWorkspace>().AsNoTracking();
        var shared = await rows.FirstOrDefaultAsync(s => s.Id == id, ct);
        return shared is not null && (shared.OrganizationCode == code || user.IsPrefectureStaff()) ? shared : null;
    }

    /// <summary>The record when the user acts for its organisation and this side holds it active; else the refusal.</summary>
    private async Task<(SharedWorkspace? Shared, Outcome<SharedWorkspace>? Refusal)> ActiveSeatAsync(long id, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await VisibleAsync(id, user, tracked: true, ct) is not { } shared) return (null, Outcome<SharedWorkspace>.NotFound("共同調達が見つかりません。"));
        if (shared.OrganizationCode != user.ActingOrganizationCode())
            return (null, Outcome<SharedWorkspace>.Forbidden($"この共同調達を開けるのは参加している{shared.OrganizationName}の担当者です。"));
        return shared.IsActive ? (shared, null) : (null, Refusal(shared.State));
    }

    /// <summary>The lead no longer counts the member: this side follows at once (its message may still be on its way).</summary>
    private async Task<Outcome<SharedWorkspace>> RefusedByLeadAsync(SharedWorkspace shared, MemberState state, CancellationToken ct)
    {
        if (state == MemberState.Invited)
            return Outcome<SharedWorkspace>.Fail(OutcomeKind.Unavailable, null, "参加の回答を代表団体に届けています。しばらくしてから開いてください。");
        if (state is MemberState.Removed or MemberState.Left or MemberState.Declined && shared.State == MemberState.Active)
        {
            shared.State = state;
            shared.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
        }
        return Refusal(state);
    }

    private static Outcome<SharedWorkspace> Refusal(MemberState state) => Outcome<SharedWorkspace>.Forbidden(state switch
    {
        MemberState.Invited => "招待に回答すると開けます。",
        MemberState.Removed => "代表団体によりこの共同調達から除外されたため、開けません。",
        MemberState.Left => "この共同調達から離脱したため、開けません。",
        MemberState.Declined => "この招待は辞退したため、開けません。",
        _ => "この共同調達は開けません。",
    });
}
