using System.Security.Claims;
using DxCollab.Platform.Calendar;
using DxCollab.Platform.Data;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Notifications;
using DxCollab.Platform.Organizations;
using DxCollab.Platform.Reminders;
using DxCollab.Platform.Results;
using DxCollab.Platform.Text;
using DxCollab.Surveys.Access;
using DxCollab.Surveys.Domain;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Surveys.FollowUp;

public sealed record StatusRow(string Code, string Name, string CategoryName, RespondentStatus Status, string StatusName,
    DateTime? LastActivityAt, string? LastActivityBy, DateOnly Deadline, int? BusinessDaysLeft);

public sealed record StatusCount(RespondentStatus Status, string Name, int Count);

public sealed record StatusBoardView(long SurveyId, string Title, SurveyState State, DateOnly Deadline, DateOnly Today,
    IReadOnlyList<StatusCount> Counts, IReadOnlyList<StatusRow> Rows, int RosterCount);

/// <summary>What to show: <see cref="Statuses"/> null = all; <see cref="Category"/> an <see cref="OrganizationCategory"/>
/// name or "Department"; <see cref="Sort"/> code | name | status | activity | days.</summary>
public sealed record StatusQuery(RespondentStatus[]? Statuses = null, string? Category = null, string Sort = "code", bool Descending = false)
{
    public static readonly string[] Sorts = ["code", "name", "status", "activity", "days"];
}

public sealed record RemindResult(int Reminded, int Notified, IReadOnlyList<string> WithoutOfficers);

/// <summary>状況一覧: every roster entry with its state, last activity and business days left (Asia/Tokyo), and the
/// 「今すぐ督促」 that tells every respondent not yet submitted.</summary>
public sealed class StatusBoard(DxCollabDbContext db, BusinessCalendar calendar, NotificationService notifications, TimeProvider clock)
{
    public DateOnly Today => calendar.Today(clock);

    /// <summary>The survey, for the prefecture's staff only (an officer: 403; another tenant's id: 404).</summary>
    public static async Task<Outcome<Survey>> StaffSurveyAsync(DxCollabDbContext db, ClaimsPrincipal user, long surveyId, CancellationToken ct)
    {
        var survey = await db.Set<Survey>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == surveyId, ct);
        if (survey is null) return Outcome<Survey>.NotFound("照会が見つかりません。");
        if (!user.MayAuthor()) return Outcome<Survey>.Forbidden("回答状況・集計・書き出しは都道府県の職員だけが見られます。");
        return Outcome<Survey>.Ok(survey);
    }

    public async Task<Outcome<StatusBoardView>> GetAsync(ClaimsPrincipal user, long surveyId, StatusQuery query, CancellationToken ct)
    {
        var found = await StaffSurveyAsync(db, user, surveyId, ct);
        if (!found.Succeeded) return found.As<StatusBoardView>();
        var survey = found.Value!;
        var rows = await RowsAsync(survey, ct);
        var counts = RespondentStatuses.All.Select(s => new StatusCount(s, s.ToJapanese(), rows.Count(r => r.Row.Status == s))).ToList();
        IEnumerable<(StatusRow Row, OrganizationCategory? Category)> shown = rows;
        if (query.Statuses is { } statuses) shown = shown.Where(r => statuses.Contains(r.Row.Status));
        if (!string.IsNullOrEmpty(query.Category))
            shown = query.Category == "Department" ? shown.Where(r => r.Category is null)
                : shown.Where(r => r.Category?.ToString() == query.Category);
        var sorted = Sort(shown.Select(r => r.Row), query.Sort, query.Descending).ToList();
        return Outcome<StatusBoardView>.Ok(new StatusBoardView(survey.Id, survey.Title, survey.State, survey.Deadline, Today, counts, sorted, rows.Count));
    }

    private static IEnumerable<StatusRow> Sort(IEnumerable<StatusRow> rows, string sort, bool descending)
    {
        var ordered = sort switch
        {
            "name" => rows.OrderBy(r => r.Name, StringComparer.Ordinal),
            "status" => rows.OrderBy(r => Array.IndexOf(RespondentStatuses.All, r.Status)),
            "activity" => rows.OrderBy(r => r.LastActivityAt ?? DateTime.MinValue),
            "days" => rows.OrderBy(r => r.BusinessDaysLeft ?? int.MaxValue),
            _ => rows.OrderBy(r => SurveyResponse.IsDepartmentCode(r.Code) ? 1 : 0).ThenBy(r => r.Code, StringComparer.Ordinal),
        };
        var thenByCode = ordered.ThenBy(r => r.Code, StringComparer.Ordinal);
        return descending ? thenByCode.Reverse() : thenByCode;
    }

    private async Task<List<(StatusRow Row, OrganizationCategory? Category)>> RowsAsync(Survey survey, CancellationToken ct)
    {
        var responses = await db.Set<SurveyResponse>().AsNoTracking().Where(r => r.SurveyId == survey.Id).ToListAsync(ct);
        var names = await Roster.NamesAsync(db, responses.Select(r => r.RespondentCode).ToList(), ct);
        // Who acted last: the latest event other than the prefecture's reminders.
        var events = await db.Set<SurveyResponseEvent>().AsNoTracking()
            .Where(e => e.SurveyId == survey.Id && e.Kind != ResponseEventKind.Reminded && e.Kind != ResponseEventKind.FormChanged
                        && e.Kind != ResponseEventKind.Reopened && e.Kind != ResponseEventKind.Reclosed)
            .Select(e => new { e.ResponseId, e.At, e.By, e.Id }).ToListAsync(ct);
        var last = events.GroupBy(e => e.ResponseId).ToDictionary(g => g.Key, g => g.OrderBy(e => e.At).ThenBy(e => e.Id).Last());
        var today = Today;
        return responses.Select(r =>
        {
            var entry = names[r.RespondentCode];
            var status = RespondentStatuses.Of(r);
            var deadline = SurveyResponse.EffectiveDeadline(r.ExtendedDeadline, survey.Deadline);
            var (at, by) = last.TryGetValue(r.Id, out var e) ? (e.At, e.By) : (r.LastActivityAt, r.SubmittedBy ?? r.LastSavedBy);
            if (r.LastActivityAt is { } latest && (at is null || latest > at)) (at, by) = (latest, r.SubmittedBy ?? r.LastSavedBy ?? by);
            return (new StatusRow(r.RespondentCode, entry.Name, entry.CategoryName, status, status.ToJapanese(), at, by, deadline,
                status == RespondentStatus.Submitted ? null : calendar.BusinessDaysLeft(today, deadline)), entry.Category);
        }).ToList();
    }

    /// <summary>「未提出の団体に今すぐ督促」: notifies the officers of every roster 団体 not yet submitted and records a
    /// 督促 event on each; submitted ones are never told. Departments have no officers (the staff answer for them).</summary>
    public async Task<Outcome<RemindResult>> RemindNowAsync(ClaimsPrincipal user, long surveyId, CancellationToken ct)
    {
        var found = await StaffSurveyAsync(db, user, surveyId, ct);
        if (!found.Succeeded) return found.As<RemindResult>();
        var survey = found.Value!;
        if (survey.State != SurveyState.Published) return Outcome<RemindResult>.Conflict("督促できるのは回答受付中の照会だけです。");
        var laggards = await db.Set<SurveyResponse>().Where(r => r.SurveyId == surveyId && r.State != ResponseState.Submitted)
            .OrderBy(r => r.RespondentCode).ToListAsync(ct);
        var organizations = laggards.Where(r => !r.IsDepartment).ToList();
        var officers = await ReminderRecipients.OfficersAsync(db, organizations.Select(r => r.RespondentCode).ToList(), ct);
        var names = await Roster.NamesAsync(db, organizations.Select(r => r.RespondentCode).ToList(), ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = Today;
        int reminded = 0, notified = 0;
        var without = new List<string>();
        foreach (var response in organizations)
        {
            var recipients = officers[response.RespondentCode].ToList();
            var name = names[response.RespondentCode].Name;
            if (recipients.Count == 0) { without.Add(name); continue; }
            var deadline = SurveyResponse.EffectiveDeadline(response.ExtendedDeadline, survey.Deadline);
            notified += await notifications.NotifyAsync(recipients, SurveyReminders.Message(db, survey, response.RespondentCode, name, deadline,
                calendar.BusinessDaysLeft(today, deadline), "都道府県の担当者からの督促です。") with { SourceKey = $"Surveys:{survey.Id}:remind-now" }, ct);
            db.Add(new SurveyResponseEvent
            {
                TenantId = response.TenantId, SurveyId = survey.Id, ResponseId = response.Id, Kind = ResponseEventKind.Reminded, At = now,
                By = user.ActorLabel(), Detail = "今すぐ督促",
            });
            reminded++;
        }
        await db.SaveChangesAsync(ct);
        return Outcome<RemindResult>.Ok(new RemindResult(reminded, notified, without));
    }
}
