using System.Security.Claims;
using DxCollab.Platform.Data;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Messaging;
using DxCollab.Platform.Notifications;
using DxCollab.Platform.Results;
using DxCollab.Platform.Text;
using DxCollab.Platform.Validation;
using DxCollab.Procurement.Access;
using DxCollab.Procurement.CrossTenant;
using DxCollab.Procurement.Domain;
using DxCollab.Procurement.Workspaces;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Procurement.Documents;

/// <summary>Approvals of one revision (the lead asks; the lead and members record 承認 / 差戻し) and comments on
/// revisions (everyone who reads). An approval belongs to its revision: a later upload neither carries it over nor
/// erases it.</summary>
public sealed class ApprovalService(DxCollabDbContext db, WorkspaceService workspaces, DocumentReader reader, NotificationService notifications,
    TimeProvider clock)
{
    private const string RevisionNotFound = "この版が見つかりません。";

    public async Task<Outcome<ApprovalView>> AskAsync(long workspaceId, long documentId, int number, ApprovalInput input, ClaimsPrincipal user,
        CancellationToken ct = default)
    {
        var (workspace, seat, document, revision) = await FindAsync(workspaceId, documentId, number, user, ct);
        if (revision is null) return Outcome<ApprovalView>.NotFound(RevisionNotFound);
        if (!seat.MayManage) return Outcome<ApprovalView>.Forbidden("承認を依頼できるのは代表団体です。");
        if (InputRefusals.Date<ApprovalView>("dueOn", input.DueOn) is { } refused) return refused;
        if (input.DueOn is { } due && due < JapaneseCalendar.TodayInTokyo(clock.GetUtcNow()))
            return Outcome<ApprovalView>.Invalid("dueOn", "回答期限は今日以降の日付にしてください。");
        if (await db.Set<ApprovalRequest>().AnyAsync(a => a.RevisionId == revision.Id, ct))
            return Outcome<ApprovalView>.Conflict($"{document!.Title} {RevisionLabels.Label(number)}の承認はすでに依頼しています。");
        db.Add(new ApprovalRequest { WorkspaceId = workspaceId, RevisionId = revision.Id, AskedAt = Now, AskedBy = user.ActorLabel(), DueOn = input.DueOn });
        // The voters of this tenant are told here.
        var voters = await db.Set<WorkspaceMember>().AsNoTracking()
            .Where(m => m.WorkspaceId == workspaceId && m.State == MemberState.Active && m.Role != MemberRole.Observer && m.OrganizationTenant == null)
            .Select(m => m.OrganizationCode).ToListAsync(ct);
        var message = new NotificationMessage("共同調達",
            $"承認のお願い: {JapaneseText.Shorten(document!.Title, 40)} {RevisionLabels.Label(number)}",
            $"「{workspace!.Title}」の代表団体から、{document.Title} {RevisionLabels.Label(number)}の承認を依頼されました。承認または差戻し（コメント付き）を記録してください。" +
            (input.DueOn is { } d ? $" 回答期限: {JapaneseCalendar.Format(d)}" : ""),
            $"/{user.TenantId()}/procurement/{workspaceId}/documents/{documentId}") { SourceKey = $"Procurement:Approval:{revision.Id}" };
        foreach (var code in voters) await notifications.NotifyOrganizationAsync(code, message, ct);
        // Another prefecture's voters are told through their own tenant.
        var remote = await db.Set<WorkspaceMember>().AsNoTracking()
            .Where(m => m.WorkspaceId == workspaceId && m.State == MemberState.Active && m.Role != MemberRole.Observer && m.OrganizationTenant != null)
            .ToListAsync(ct);
        foreach (var m in remote)
            db.SendToTenant(new RemoteApprovalAsked(m.OrganizationTenant!, user.TenantId()!, workspaceId, m.Id, m.OrganizationCode, workspace.Title,
                document.Title, number, input.DueOn), $"procurement-member:{m.Id}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Outcome<ApprovalView>.Conflict($"{document.Title} {RevisionLabels.Label(number)}の承認はすでに依頼しています。");
        }
        return Outcome<ApprovalView>.Ok((await reader.ApprovalsAsync(workspaceId, [revision.Id], ct))[revision.Id]);
    }

    /// <summary>The lead closes the approval: no verdict is recorded or changed after it.</summary>
    public async Task<Outcome<ApprovalView>> CloseAsync(long workspaceId, long documentId, int number, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var (_, seat, _, revision) = await FindAsync(workspaceId, documentId, number, user, ct);
        if (revision is null) return Outcome<ApprovalView>.NotFound(RevisionNotFound);
        if (!seat.MayManage) return Outcome<ApprovalView>.Forbidden("承認を締め切れるのは代表団体です。");
        var now = Now;
        var actor = user.ActorLabel();
        var closed = await db.Set<ApprovalRequest>().Where(a => a.RevisionId == revision.Id && a.ClosedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.ClosedAt, now).SetProperty(a => a.ClosedBy, actor), ct);
        if (closed == 0) return Outcome<ApprovalView>.Conflict("この版の承認は依頼されていないか、すでに締め切っています。");
        return Outcome<ApprovalView>.Ok((await reader.ApprovalsAsync(workspaceId, [revision.Id], ct))[revision.Id]);
    }

    /// <summary>The user's organisation records (or changes) its 承認 / 差戻し; a 差戻し needs a comment.</summary>
    public async Task<Outcome<ApprovalView>> RecordVerdictAsync(long workspaceId, long documentId, int number, VerdictInput input, ClaimsPrincipal user,
        CancellationToken ct = default)
    {
        var (_, seat, _, revision) = await FindAsync(workspaceId, documentId, number, user, ct);
        if (revision is null) return Outcome<ApprovalView>.NotFound(RevisionNotFound);
        if (!seat.MayVote) return Outcome<ApprovalView>.Forbidden("承認・差戻しを記録できるのは代表団体と参加団体です（オブザーバーはコメントのみ）。");
        var member = await db.Set<WorkspaceMember>().AsNoTracking()
            .FirstAsync(m => m.WorkspaceId == workspaceId && m.OrganizationCode == seat.OrganizationCode, ct);
        var outcome = await RecordAsync(revision.Id, member.OrganizationCode, member.OrganizationName, input.Approved, input.Comment, user.ActorLabel(), ct);
        return outcome.Succeeded ? Outcome<ApprovalView>.Ok((await reader.ApprovalsAsync(workspaceId, [revision.Id], ct))[revision.Id])
            : outcome.As<ApprovalView>();
    }

    /// <summary>The rule of a verdict, for this tenant's members and (through <c>IWorkspaceContent</c>) other prefectures'.</summary>
    internal async Task<Outcome<ApprovalVerdict>> RecordAsync(long revisionId, string organizationCode, string organizationName, bool? approved,
        string? comment, string actor, CancellationToken ct)
    {
        if (approved is null) return Outcome<ApprovalVerdict>.Invalid("approved", "承認（true）か差戻し（false）かを選んでください。");
        if (InputRefusals.Text<ApprovalVerdict>("comment", comment) is { } refused) return refused;
        var text = JapaneseText.Clean(comment);
        if (approved == false && text is null) return Outcome<ApprovalVerdict>.Invalid("comment", "差戻しの理由をコメントに書いてください。");
        if (text is { Length: > 2000 }) return Outcome<ApprovalVerdict>.Invalid("comment", "コメントは2000文字以内で入力してください。");
        var request = await db.Set<ApprovalRequest>().AsNoTracking().FirstOrDefaultAsync(a => a.RevisionId == revisionId, ct);
        if (request is null) return Outcome<ApprovalVerdict>.Conflict("この版の承認はまだ依頼されていません。");
        if (request.ClosedAt is not null) return Outcome<ApprovalVerdict>.Conflict("この版の承認は締め切られています。");
        var verdict = await db.Set<ApprovalVerdict>().FirstOrDefaultAsync(v => v.RequestId == request.Id && v.OrganizationCode == organizationCode, ct);
        if (verdict is null)
            db.Add(verdict = new ApprovalVerdict
            {
                RequestId = request.Id, RevisionId = revisionId, OrganizationCode = organizationCode, OrganizationName = organizationName, DecidedBy = actor,
            });
        verdict.Approved = approved.Value;
        verdict.Comment = text;
        verdict.DecidedAt = Now;
        verdict.DecidedBy = actor;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two officers of one 団体 answered at the same instant: the other answer stands; this one may be sent again.
            return Outcome<ApprovalVerdict>.Conflict("同じ団体の回答が同時に記録されました。内容を確かめて、もう一度記録してください。");
        }
        return Outcome<ApprovalVerdict>.Ok(verdict);
    }

    public async Task<Outcome<CommentView>> CommentAsync(long workspaceId, long documentId, int number, CommentInput input, ClaimsPrincipal user,
        CancellationToken ct = default)
    {
        var (_, seat, _, revision) = await FindAsync(workspaceId, documentId, number, user, ct);
        if (revision is null) return Outcome<CommentView>.NotFound(RevisionNotFound);
        if (!seat.MayComment) return Outcome<CommentView>.Forbidden("コメントできません。");
        if (InputRefusals.Text<CommentView>("body", input.Body, "コメントを入力してください。") is { } refused) return refused;
        if (JapaneseText.Clean(input.Body) is not { Length: > 0 } body) return Outcome<CommentView>.Invalid("body", "コメントを入力してください。");
        if (body.Length > 4000) return Outcome<CommentView>.Invalid("body", "コメントは4000文字以内で入力してください。");
        var comment = new RevisionComment { RevisionId = revision.Id, OrganizationCode = seat.OrganizationCode, Body = body, WrittenAt = Now, WrittenBy = user.ActorLabel() };
        db.Add(comment);
        await db.SaveChangesAsync(ct);
        return Outcome<CommentView>.Ok(new CommentView(comment.Id, comment.OrganizationCode, comment.Body, comment.WrittenAt, comment.WrittenBy));
    }

    /// <summary>第N版 of a document the seat may see (by its label), or nulls.</summary>
    private async Task<(Workspace?, WorkspaceSeat, ProcurementDocument?, DocumentRevision?)> FindAsync(long workspaceId, long documentId, int number,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var (workspace, seat) = await workspaces.SeatAsync(workspaceId, user, ct);
        if (workspace is null) return (null, seat, null, null);
        var document = await db.Set<ProcurementDocument>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId && d.WorkspaceId == workspaceId, ct);
        if (document is null || !seat.MaySee(document.Confidentiality, workspace.Phase)) return (workspace, seat, null, null);
        var revision = await db.Set<DocumentRevision>().AsNoTracking().FirstOrDefaultAsync(r => r.DocumentId == documentId && r.Number == number, ct);
        return (workspace, seat, document, revision);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
