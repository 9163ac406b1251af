using System.Security.Claims;
using DxCollab.Platform.Calendar;
using DxCollab.Platform.Data;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Notifications;
using DxCollab.Platform.Organizations;
using DxCollab.Platform.Results;
using DxCollab.Platform.Text;
using DxCollab.Platform.Validation;
using DxCollab.Procurement.Access;
using DxCollab.Procurement.Domain;
using DxCollab.Procurement.Workspaces;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Procurement.Polls;

/// <summary>意向調査: the lead asks candidate 団体 of the tenant whether they join by a deadline; each candidate's officers
/// answer (and may change it) until the deadline or the close; the close sets the member list (参加 and 条件付き参加 become
/// active members, 不参加 declined). A candidate that is not a member reads the poll it is asked and nothing else.</summary>
public sealed class PollService(DxCollabDbContext db, WorkspaceService workspaces, PhaseService phases, OrganizationDirectory organizations,
    NotificationService notifications, BusinessCalendar calendar, TimeProvider clock)
{
    public const int MaxQuestion = 2000, MaxConditions = 2000;

    public async Task<Outcome<PollView>> OpenAsync(long workspaceId, PollInput input, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var (workspace, seat) = await workspaces.SeatAsync(workspaceId, user, ct);
        if (workspace is null) return Outcome<PollView>.NotFound("共同調達が見つかりません。");
        if (!seat.MayManage) return Outcome<PollView>.Forbidden("意向調査を始められるのは代表団体です。");
        if (InputRefusals.Text<PollView>("question", input.Question, "問いかけ（例: ビジネスチャットの共同調達に参加しますか）を入力してください。") is { } refused) return refused;
        if (JapaneseText.Clean(input.Question) is not { Length: > 0 } question)
            return Outcome<PollView>.Invalid("question", "問いかけ（例: ビジネスチャットの共同調達に参加しますか）を入力してください。");
        if (question.Length > MaxQuestion) return Outcome<PollView>.Invalid("question", $"問いかけは{MaxQuestion}文字以内で入力してください。");
        var today = calendar.Today(clock);
        if (Workspaces.TokyoDates.Parse(input.Deadline) is not { } deadline) return Outcome<PollView>.Invalid("deadline", "回答期限を「2026-12-25」の形で入力してください。");
        if (InputRefusals.Date<PollView>("deadline", deadline) is { } outOfRange) return outOfRange;
        if (deadline < today) return Outcome<PollView>.Invalid("deadline", $"回答期限は今日（{JapaneseCalendar.Format(today)}）以降にしてください。");
        if (await db.Set<IntentPoll>().AnyAsync(p => p.WorkspaceId == workspaceId && p.ClosedAt == null, ct))
            return Outcome<PollView>.Conflict("実施中の意向調査があります。締め切ってから新しく始めてください。");

        var members = await db.Set<WorkspaceMember>().AsNoTracking().Where(m => m.WorkspaceId == workspaceId).ToListAsync(ct);
        var joined = members.Where(m => m.State is MemberState.Active or MemberState.Invited).Select(m => m.OrganizationCode).ToHashSet();
        List<OrganizationView> candidates;
        if (input.CandidateCodes is { Count: > 0 } chosen)
        {
            candidates = [];
            foreach (var code in chosen.Select(c => c?.Trim()).OfType<string>().Where(c => c.Length > 0).Distinct())
            {
                if (await organizations.FindAsync(code, ct) is not { AbolishedOn: null } org)
                    return Outcome<PollView>.Invalid("candidateCodes", $"団体コード「{code}」の団体はこの都道府県にありません。");
                if (joined.Contains(code)) return Outcome<PollView>.Invalid("candidateCodes", $"{org.Name}は既に参加中（または招待中）です。");
                candidates.Add(org);
            }
        }
        else candidates = [.. (await organizations.ActiveMunicipalitiesAsync(ct)).Where(o => !joined.Contains(o.Code))];
        if (candidates.Count == 0) return Outcome<PollView>.Invalid("candidateCodes", "尋ねる団体を1つ以上選んでください。");

        var now = clock.GetUtcNow().UtcDateTime;
        var poll = new IntentPoll { WorkspaceId = workspaceId, Question = question, Deadline = deadline, OpenedAt = now, OpenedBy = user.ActorLabel() };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Add(poll);
        await db.SaveChangesAsync(ct);
        db.AddRange(candidates.Select(o => new IntentAnswer { PollId = poll.Id, OrganizationCode = o.Code, OrganizationName = o.Name }));
        if (workspace.Phase == ProcurementPhase.Study) phases.Record(workspace, ProcurementPhase.IntentPoll, user.ActorLabel(), "意向調査の開始");
        workspace.UpdatedAt = now;
        var lead = members.FirstOrDefault(m => m.Role == MemberRole.Lead)?.OrganizationName ?? workspace.LeadOrganizationCode;
        foreach (var candidate in candidates)
            await notifications.NotifyOrganizationAsync(candidate.Code, new NotificationMessage(WorkspaceNotices.Category,
                $"意向調査: {workspace.Title}", $"{lead}（代表団体）から、共同調達「{workspace.Title}」（{workspace.Subject}）に参加するかのお尋ねです。" +
                $"回答期限は{JapaneseCalendar.FormatWithWestern(deadline)}です。", Link(workspace.Id, poll.Id)) { SourceKey = $"procurement:poll:{poll.Id}:opened" }, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await GetAsync(workspaceId, poll.Id, user, ct);
    }

    public async Task<Outcome<PollView>> AnswerAsync(long workspaceId, long pollId, AnswerInput input, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var loaded = await LoadAsync(workspaceId, pollId, user, ct);
        if (!loaded.Succeeded) return loaded.As<PollView>();
        var (_, poll, _, mine) = loaded.Value!;
        if (mine is null) return Outcome<PollView>.Forbidden("回答できるのは、尋ねられた団体の担当者です。");
        if (poll.IsClosed) return Outcome<PollView>.Conflict("この意向調査は締め切られました。回答は変えられません。");
        if (calendar.Today(clock) > poll.Deadline)
            return Outcome<PollView>.Conflict($"回答期限（{JapaneseCalendar.FormatWithWestern(poll.Deadline)}）を過ぎたため回答できません。代表団体にご連絡ください。");
        if (input.Choice is not { } choice || !Enum.IsDefined(choice))
            return Outcome<PollView>.Invalid("choice", "参加・不参加・条件付き参加のどれかを選んでください。");
        if (InputRefusals.Text<PollView>("conditions", input.Conditions) is { } refused) return refused;
        var conditions = JapaneseText.Clean(input.Conditions);
        if (choice == IntentChoice.Conditional && conditions is null)
            return Outcome<PollView>.Invalid("conditions", "条件付き参加の場合は、参加の条件を入力してください。");
        if (conditions is { Length: > MaxConditions }) return Outcome<PollView>.Invalid("conditions", $"条件は{MaxConditions}文字以内で入力してください。");

        var answer = await db.Set<IntentAnswer>().FirstAsync(a => a.Id == mine.Id, ct);
        answer.Choice = choice;
        answer.Conditions = choice == IntentChoice.Conditional ? conditions : null;
        answer.AnsweredAt = clock.GetUtcNow().UtcDateTime;
        answer.AnsweredBy = user.ActorLabel();
        await db.SaveChangesAsync(ct);
        return await GetAsync(workspaceId, pollId, user, ct);
    }

    /// <summary>The lead closes the poll; the answers set the member list in the same save.</summary>
    public async Task<Outcome<PollView>> CloseAsync(long workspaceId, long pollId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var loaded = await LoadAsync(workspaceId, pollId, user, ct); // a candidate knows the poll: it is told 403, not 404
        if (!loaded.Succeeded) return loaded.As<PollView>();
        if (!loaded.Value!.Seat.MayManage) return Outcome<PollView>.Forbidden("意向調査を締め切れるのは代表団体です。");
        var workspace = loaded.Value.Workspace; // tracked: the lead has a seat
        var poll = await db.Set<IntentPoll>().FirstAsync(p => p.Id == pollId, ct);
        if (poll.IsClosed) return Outcome<PollView>.Conflict("この意向調査は既に締め切られています。");

        var now = clock.GetUtcNow().UtcDateTime;
        poll.ClosedAt = now;
        poll.ClosedBy = user.ActorLabel();
        var answers = await db.Set<IntentAnswer>().AsNoTracking().Where(a => a.PollId == pollId && a.Choice != null).ToListAsync(ct);
        var codes = answers.Select(a => a.OrganizationCode).ToList();
        var rows = await db.Set<WorkspaceMember>().Where(m => m.WorkspaceId == workspaceId && codes.Contains(m.OrganizationCode))
            .ToDictionaryAsync(m => m.OrganizationCode, ct);
        foreach (var answer in answers)
        {
            var row = rows.GetValueOrDefault(answer.OrganizationCode);
            if (row is { State: MemberState.Active } && answer.Choice == IntentChoice.Decline) continue; // joined meanwhile by invitation
            // A 団体 that left or was removed after answering stays out: the poll's answer does not bring it back.
            if (row is { State: MemberState.Left or MemberState.Removed }) continue;
            if (row is null)
                db.Add(row = new WorkspaceMember
                {
                    WorkspaceId = workspaceId, OrganizationCode = answer.OrganizationCode, OrganizationName = answer.OrganizationName,
                    InvitedBy = user.ActorLabel(), InvitedAt = now,
                });
            if (answer.Choice == IntentChoice.Decline)
            {
                (row.State, row.EndedAt, row.EndedBy, row.EndedReason, row.Conditions) = (MemberState.Declined, now, answer.AnsweredBy, "意向調査で不参加", null);
                continue;
            }
            if (!row.IsActive)
            {
                (row.Role, row.State, row.JoinedAt) = (MemberRole.Member, MemberState.Active, now);
                (row.EndedAt, row.EndedBy, row.EndedReason) = (null, null, null);
            }
            row.Conditions = answer.Conditions;
        }
        workspace.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return await GetAsync(workspaceId, pollId, user, ct);
    }

    public async Task<Outcome<PollView>> GetAsync(long workspaceId, long pollId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var loaded = await LoadAsync(workspaceId, pollId, user, ct);
        return loaded.Succeeded ? Outcome<PollView>.Ok(await ViewAsync(loaded.Value!, ct)) : loaded.As<PollView>();
    }

    /// <summary>The workspace's polls for its readers; for a candidate that is not a member, the polls that ask it.</summary>
    public async Task<Outcome<IReadOnlyList<PollView>>> ListAsync(long workspaceId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var ids = await db.Set<IntentPoll>().AsNoTracking().Where(p => p.WorkspaceId == workspaceId).OrderByDescending(p => p.Id).Select(p => p.Id)
            .ToListAsync(ct);
        var views = new List<PollView>();
        foreach (var id in ids)
            if (await LoadAsync(workspaceId, id, user, ct) is { Succeeded: true } loaded) views.Add(await ViewAsync(loaded.Value!, ct));
        if (views.Count == 0 && (await workspaces.SeatAsync(workspaceId, user, ct)).Workspace is null)
            return Outcome<IReadOnlyList<PollView>>.NotFound("共同調達が見つかりません。");
        return Outcome<IReadOnlyList<PollView>>.Ok(views);
    }

    /// <summary>Open polls asking the user's 団体 (on the list page, beside its invitations).</summary>
    public async Task<IReadOnlyList<PollView>> AskedAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (user.ActingOrganizationCode() is not { } code) return [];
        var polls = await (from a in db.Set<IntentAnswer>().AsNoTracking()
                           join p in db.Set<IntentPoll>().AsNoTracking() on a.PollId equals p.Id
                           where a.OrganizationCode == code && p.ClosedAt == null
                           orderby p.Deadline
                           select new { p.Id, p.WorkspaceId }).ToListAsync(ct);
        var views = new List<PollView>();
        foreach (var p in polls)
            if (await LoadAsync(p.WorkspaceId, p.Id, user, ct) is { Succeeded: true } loaded) views.Add(await ViewAsync(loaded.Value!, ct));
        return views;
    }

    private sealed record Loaded(Workspace Workspace, IntentPoll Poll, WorkspaceSeat Seat, IntentAnswer? Mine);

    /// <summary>A reader of the workspace, or a candidate of this poll, may see it; anyone else learns nothing (404).</summary>
    private async Task<Outcome<Loaded>> LoadAsync(long workspaceId, long pollId, ClaimsPrincipal user, CancellationToken ct)
    {
        var poll = await db.Set<IntentPoll>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == pollId && p.WorkspaceId == workspaceId, ct);
        if (poll is null) return Outcome<Loaded>.NotFound("意向調査が見つかりません。");
        // A reader's seat comes with the workspace (tracked, so the lead's close updates it); a candidate without a seat
        // still needs the workspace's title.
        var (readable, seat) = await workspaces.SeatAsync(workspaceId, user, ct);
        var workspace = readable ?? await db.Set<Workspace>().AsNoTracking().FirstOrDefaultAsync(w => w.Id == workspaceId, ct);
        if (workspace is null) return Outcome<Loaded>.NotFound("意向調査が見つかりません。");
        var code = user.ActingOrganizationCode();
        var mine = code is null ? null : await db.Set<IntentAnswer>().AsNoTracking().FirstOrDefaultAsync(a => a.PollId == pollId && a.OrganizationCode == code, ct);
        if (!seat.MayRead && mine is null) return Outcome<Loaded>.NotFound("意向調査が見つかりません。");
        return Outcome<Loaded>.Ok(new(workspace, poll, seat, mine));
    }

    private async Task<PollView> ViewAsync(Loaded loaded, CancellationToken ct)
    {
        var (workspace, poll, seat, mine) = loaded;
        var today = calendar.Today(clock);
        var lead = await db.Set<WorkspaceMember>().AsNoTracking().Where(m => m.WorkspaceId == workspace.Id && m.Role == MemberRole.Lead)
            .Select(m => m.OrganizationName).FirstOrDefaultAsync(ct) ?? workspace.LeadOrganizationCode;
        PollResults? results = null;
        if (seat.MayRead)
        {
            var answers = (await db.Set<IntentAnswer>().AsNoTracking().Where(a => a.PollId == poll.Id).ToListAsync(ct))
                .OrderBy(a => a.OrganizationCode, StringComparer.Ordinal).ToList();
            results = new(answers.Count(a => a.Choice == IntentChoice.Join), answers.Count(a => a.Choice == IntentChoice.Conditional),
                answers.Count(a => a.Choice == IntentChoice.Decline), answers.Count(a => a.Choice is null),
                [.. answers.Where(a => a.Choice is not null).Select(AnswerView.Of)], [.. answers.Where(a => a.Choice is null).Select(AnswerView.Of)]);
        }
        var open = !poll.IsClosed;
        return new(poll.Id, workspace.Id, workspace.Title, workspace.Subject, lead, poll.Question, poll.Deadline, JapaneseCalendar.FormatWithWestern(poll.Deadline),
            open, today > poll.Deadline, poll.OpenedAt, poll.OpenedBy, poll.ClosedAt, open && mine is not null && today <= poll.Deadline,
            open && seat.MayManage, mine is null ? null : AnswerView.Of(mine), results);
    }

    private string Link(long workspaceId, long pollId) => $"/{db.TenantInfo?.Identifier}/procurement/{workspaceId}/polls/{pollId}";
}
