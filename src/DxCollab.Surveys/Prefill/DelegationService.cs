using System.Security.Claims;
using DxCollab.Platform.Data;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Notifications;
using DxCollab.Platform.Organizations;
using DxCollab.Platform.Results;
using DxCollab.Platform.Text;
using DxCollab.Platform.Validation;
using DxCollab.Surveys.Access;
using DxCollab.Surveys.Domain;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Surveys.Prefill;

/// <summary>分担: the officer of a 団体 gives sections of its response to colleagues of the same 団体 (other 課) with an
/// internal deadline; each assignee is told, sees "sections assigned to me", and marks a section done; the officer sees
/// who has what and reviews and submits the whole. Another 団体's response is not found (404), never forbidden, so
/// its existence is not revealed. Colleagues are the platform's users (the 団体's active officers), never another module's data.</summary>
public sealed class DelegationService(DxCollabDbContext db, NotificationService notifications, TimeProvider clock)
{
    public const string NotificationCategory = "survey-assignment";
    public const int NoteMaxLength = 1000;

    public async Task<Outcome<DelegationBoard>> BoardAsync(ClaimsPrincipal user, long surveyId, string code, CancellationToken ct = default)
    {
        var found = await FindAsync(user, surveyId, code, ct);
        if (!found.Succeeded) return found.As<DelegationBoard>();
        var (survey, response) = found.Value!;
        return Outcome<DelegationBoard>.Ok(await BuildBoardAsync(user, survey, response, null, ct));
    }

    /// <summary>Sets the assignment of every section of the response (a section not listed, or listed without an
    /// assignee, goes back to the officer). A new assignee is notified; a changed assignee starts again (not done).</summary>
    public async Task<Outcome<DelegationBoard>> AssignAsync(ClaimsPrincipal user, long surveyId, string code,
        IReadOnlyList<AssignmentInput> inputs, CancellationToken ct = default)
    {
        var found = await FindAsync(user, surveyId, code, ct);
        if (!found.Succeeded) return found.As<DelegationBoard>();
        var (survey, response) = found.Value!;
        if (!user.MayAnswerFor(code))
            return Outcome<DelegationBoard>.Forbidden("分担を決められるのは、回答する団体の担当者だけです。");
        if (survey.State != SurveyState.Published)
            return Outcome<DelegationBoard>.Conflict("回答受付中の照会でだけ分担を決められます。");
        if (response.State == ResponseState.Submitted)
            return Outcome<DelegationBoard>.Conflict("提出済みの回答の分担は変えられません。差戻しを受けてから変更してください。");

        var form = survey.Form;
        var colleagueList = await ColleaguesAsync(code, ct);
        var colleagues = colleagueList.ToDictionary(c => c.UserId, StringComparer.Ordinal);
        var deadline = SurveyResponse.EffectiveDeadline(response.ExtendedDeadline, survey.Deadline);
        var wanted = new Dictionary<string, AssignmentInput>(StringComparer.Ordinal);
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            var field = $"assignments[{i}]";
            var section = form.Sections.FirstOrDefault(s => s.Key == input.SectionKey?.Trim());
            if (section is null)
                return Outcome<DelegationBoard>.Invalid(field + ".sectionKey", $"大問「{input.SectionKey}」はこの照会にありません。大問の一覧から選んでください。");
            if (!wanted.TryAdd(section.Key, input))
                return Outcome<DelegationBoard>.Invalid(field + ".sectionKey", $"大問「{section.Title}」が二度指定されています。一つの大問の担当者は一人です。");
            if (string.IsNullOrWhiteSpace(input.AssigneeUserId)) continue;
            if (!colleagues.ContainsKey(input.AssigneeUserId))
                return Outcome<DelegationBoard>.Invalid(field + ".assigneeUserId", $"「{section.Title}」の担当者は、同じ団体の職員から選んでください。");
            if (input.InternalDeadline is not { } internalDeadline)
                return Outcome<DelegationBoard>.Invalid(field + ".internalDeadline", $"「{section.Title}」の庁内締切を入力してください。");
            if (internalDeadline > deadline)
                return Outcome<DelegationBoard>.Invalid(field + ".internalDeadline",
                    $"「{section.Title}」の庁内締切は、回答期限（{JapaneseCalendar.FormatWithWestern(deadline)}）までの日付にしてください。");
            if ((InputRefusals.Date<DelegationBoard>(field + ".internalDeadline", internalDeadline)
                 ?? InputRefusals.Text<DelegationBoard>(field + ".note", input.Note)) is { } refused) return refused;
            if (input.Note?.Trim().Length > NoteMaxLength)
                return Outcome<DelegationBoard>.Invalid(field + ".note", $"「{section.Title}」の依頼メモは {NoteMaxLength} 文字以内で入力してください。");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var actor = user.ActorLabel();
        var existing = await db.Set<SurveySectionAssignment>().Where(a => a.ResponseId == response.Id).ToListAsync(ct);
        var told = new List<(Colleague To, string SectionTitle, DateOnly Deadline)>();
        foreach (var section in form.Sections)
        {
            var current = existing.FirstOrDefault(a => a.SectionKey == section.Key);
            var input = wanted.GetValueOrDefault(section.Key);
            if (input is null || string.IsNullOrWhiteSpace(input.AssigneeUserId))
            {
                if (current is not null) db.Remove(current);
                continue;
            }
            var assignee = colleagues[input.AssigneeUserId];
            var note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
            var internalDeadline = input.InternalDeadline!.Value;
            if (current is null)
            {
                db.Add(new SurveySectionAssignment
                {
                    SurveyId = survey.Id, ResponseId = response.Id, SectionKey = section.Key, AssigneeUserId = assignee.UserId,
                    AssigneeName = assignee.Name, InternalDeadline = internalDeadline, Note = note, AssignedAt = now, AssignedBy = actor,
                });
            }
            else if (current.AssigneeUserId != assignee.UserId)
            {
                current.AssigneeUserId = assignee.UserId;
                current.AssigneeName = assignee.Name;
                current.CompletedAt = null;
            }
            else if (current.InternalDeadline == internalDeadline && current.Note == note) continue;
            if (current is not null)
            {
                current.InternalDeadline = internalDeadline;
                current.Note = note;
            }
            told.Add((assignee, section.Title, internalDeadline));
            db.Add(Event(survey, response, ResponseEventKind.SectionAssigned, now, actor,
                $"{section.Title} → {assignee.Name}（庁内締切 {JapaneseCalendar.FormatWithWestern(internalDeadline)}）"));
        }

        var link = $"/{db.TenantInfo!.Identifier}/surveys/assignments";
        foreach (var (to, sectionTitle, internalDeadline) in told)
            await notifications.NotifyAsync([to.UserId], new NotificationMessage(NotificationCategory,
                $"照会「{survey.Title}」の「{sectionTitle}」の回答を依頼されました",
                $"{user.DisplayName()} さんから、照会「{survey.Title}」の大問「{sectionTitle}」の回答を依頼されました。" +
                $"庁内締切は {JapaneseCalendar.FormatWithWestern(internalDeadline)} です。回答したら「完了にする」を押してください。", link)
            { SourceKey = $"Surveys:{survey.Id}:{code}" }, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<DelegationBoard>.Ok(await BuildBoardAsync(user, survey, response, colleagueList, ct));
    }

    /// <summary>The assignee (or any officer of the 団体) marks a section done; the officer sees 完了.</summary>
    public async Task<Outcome<SectionAssignmentView>> CompleteAsync(ClaimsPrincipal user, long surveyId, string code, string sectionKey,
        CancellationToken ct = default)
    {
        var found = await FindAsync(user, surveyId, code, ct);
        if (!found.Succeeded) return found.As<SectionAssignmentView>();
        var (survey, response) = found.Value!;
        if (!user.MayAnswerFor(code)) return Outcome<SectionAssignmentView>.Forbidden("完了にできるのは、回答する団体の担当者だけです。");
        var assignment = await db.Set<SurveySectionAssignment>().FirstOrDefaultAsync(a => a.ResponseId == response.Id && a.SectionKey == sectionKey, ct);
        if (assignment is null) return Outcome<SectionAssignmentView>.NotFound($"大問「{sectionKey}」は誰にも分担されていません。");
        var title = survey.Form.Sections.FirstOrDefault(s => s.Key == sectionKey)?.Title ?? sectionKey;
        if (assignment.CompletedAt is null)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            assignment.CompletedAt = now;
            db.Add(Event(survey, response, ResponseEventKind.SectionCompleted, now, user.ActorLabel(), $"{title}（{user.DisplayName()}）"));
            // The officer who asked learns it can review the section (it asked by its e-mail, the actor label).
            var askedBy = await db.Users.AsNoTracking().Where(u => u.Email == assignment.AssignedBy && u.Id != user.UserId())
                .Select(u => u.Id).ToListAsync(ct);
            await notifications.NotifyAsync(askedBy, new NotificationMessage(NotificationCategory,
                $"照会「{survey.Title}」の「{title}」が完了しました",
                $"{user.DisplayName()} さんが、依頼した大問「{title}」を完了にしました。内容を確認してから提出してください。",
                $"/{db.TenantInfo!.Identifier}/surveys/{survey.Id}/answer/{Uri.EscapeDataString(code)}/delegation")
            { SourceKey = $"Surveys:{survey.Id}:{code}" }, ct);
            await db.SaveChangesAsync(ct);
        }
        return Outcome<SectionAssignmentView>.Ok(View(assignment, title));
    }

    /// <summary>The sections given to the signed-in user in surveys still visible to the 団体, open ones first.</summary>
    public async Task<IReadOnlyList<MyAssignment>> MineAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (user.UserId() is not { } userId) return [];
        var rows = await (from a in db.Set<SurveySectionAssignment>().AsNoTracking()
                          join r in db.Set<SurveyResponse>().AsNoTracking() on a.ResponseId equals r.Id
                          join s in db.Set<Survey>().AsNoTracking() on a.SurveyId equals s.Id
                          where a.AssigneeUserId == userId && s.State != SurveyState.Draft
                          select new { a, r.RespondentCode, s.Title, s.FormJson }).ToListAsync(ct);
        var tenant = db.TenantInfo!.Identifier;
        return rows.Where(x => user.MayAnswerFor(x.RespondentCode))
            .Select(x => new MyAssignment(x.a.SurveyId, x.Title, x.RespondentCode, x.a.SectionKey,
                Forms.SurveyForm.FromJson(x.FormJson).Sections.FirstOrDefault(s => s.Key == x.a.SectionKey)?.Title ?? x.a.SectionKey,
                x.a.InternalDeadline, x.a.Note, x.a.AssignedBy, x.a.AssignedAt.AsUtc(),
                x.a.CompletedAt.AsUtc(),
                AnswerLink(tenant, x.a.SurveyId, x.RespondentCode, x.a.SectionKey)))
            .OrderBy(m => m.IsDone).ThenBy(m => m.InternalDeadline).ThenBy(m => m.SurveyId).ToList();
    }

    /// <summary>The place of a section in the answer form (the answer page gives each section the id <c>section-{key}</c>).</summary>
    public static string AnswerLink(string tenant, long surveyId, string code, string sectionKey) =>
        $"/{tenant}/surveys/{surveyId}/answer/{Uri.EscapeDataString(code)}#section-{Uri.EscapeDataString(sectionKey)}";

    /// <summary>Active officers of the 団体 (MunicipalOfficers of it, as <c>CurrentUser.IsOfficerOf</c> and
    /// <c>ReminderRecipients.OfficersAsync</c> define them); for a prefecture department, the prefecture's active staff.
    /// One query, for these users only.</summary>
    public async Task<IReadOnlyList<Colleague>> ColleaguesAsync(string code, CancellationToken ct = default)
    {
        var department = SurveyResponse.IsDepartmentCode(code);
        string[] roles = department ? [Roles.PrefectureAdmin, Roles.PrefectureStaff] : [Roles.MunicipalOfficer];
        var rows = await db.Users.AsNoTracking()
            .Where(u => u.IsActive && (department || u.OrganizationCode == code)
                && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && roles.Contains(r.Name!))))
            .Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(ct);
        return rows.Select(u => new Colleague(u.Id, string.IsNullOrWhiteSpace(u.DisplayName) ? u.Email ?? "" : u.DisplayName, u.Email ?? ""))
            .OrderBy(c => c.Email, StringComparer.Ordinal).ToList();
    }

    /// <summary>The survey and the response, when the user may read that response; otherwise 404 (never 403), so an
    /// officer of another 団体 learns nothing, and an officer never sees a draft survey.</summary>
    private Task<Outcome<(Survey, SurveyResponse)>> FindAsync(ClaimsPrincipal user, long surveyId, string code, CancellationToken ct) =>
        VisibleSurveys.FindAnswerAsync(db, user, surveyId, code, tracked: false, "照会または回答が見つかりません。", ct);

    /// <param name="colleagues">The colleagues when the caller has them already (read once per request).</param>
    private async Task<DelegationBoard> BuildBoardAsync(ClaimsPrincipal user, Survey survey, SurveyResponse response,
        IReadOnlyList<Colleague>? colleagues, CancellationToken ct)
    {
        var assignments = await db.Set<SurveySectionAssignment>().AsNoTracking().Where(a => a.ResponseId == response.Id).ToListAsync(ct);
        var sections = survey.Form.Sections.Select(s => assignments.FirstOrDefault(a => a.SectionKey == s.Key) is { } a
            ? View(a, s.Title)
            : new SectionAssignmentView(s.Key, s.Title, null, null, null, null, null, null, null)).ToList();
        var canAssign = user.MayAnswerFor(response.RespondentCode);
        return new DelegationBoard(survey.Id, survey.Title, response.RespondentCode, await RespondentNameAsync(response.RespondentCode, ct),
            SurveyResponse.EffectiveDeadline(response.ExtendedDeadline, survey.Deadline), response.State, canAssign,
            sections, !canAssign ? [] : colleagues ?? await ColleaguesAsync(response.RespondentCode, ct));
    }

    private Task<string> RespondentNameAsync(string code, CancellationToken ct) => FollowUp.Roster.NameAsync(db, code, ct);

    private static SectionAssignmentView View(SurveySectionAssignment a, string title) => new(a.SectionKey, title, a.AssigneeUserId,
        a.AssigneeName, a.InternalDeadline, a.Note, a.AssignedAt.AsUtc(), a.AssignedBy,
        a.CompletedAt.AsUtc());

    private static SurveyResponseEvent Event(Survey survey, SurveyResponse response, ResponseEventKind kind, DateTime at, string by, string detail) =>
        new() { SurveyId = survey.Id, ResponseId = response.Id, Kind = kind, At = at, By = by, Detail = detail };
}
