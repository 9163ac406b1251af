using DxCollab.Platform.Calendar;
using DxCollab.Platform.Reminders;
using DxCollab.Surveys.Domain;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Surveys.FollowUp;

/// <summary>回答期限の督促 → the officers of each 団体 that has not submitted: 5 and 1 開庁日 before its deadline and on
/// the day (its own 延長後の期限 when granted). Each stage is told once per 団体 and deadline (key
/// <c>surveys:deadline:{surveyId}:{団体コード}:{stage}:{deadline}</c>), on a business day; a stage missed (no scan that
/// day) is told at the next scan until the next stage is due. A deadline on a closed day is reminded the business day
/// before (繰上げ). Departments answer through the staff, who see the status board; they are not reminded.</summary>
public sealed class DeadlineReminderRule(BusinessCalendar calendar) : IReminderRule
{
    public const string KeyPrefix = "surveys:deadline:";

    /// <summary>Business days before the deadline at which a reminder is due, earliest first.</summary>
    public static readonly int[] Stages = [5, 1, 0];

    public string Name => "surveys-deadline";

    public async Task<IReadOnlyList<DueReminder>> FindDueAsync(ReminderScanContext context, CancellationToken ct)
    {
        var (db, today) = (context.Db, context.TodayInTokyo);
        if (calendar.IsClosed(today)) return [];
        var surveys = await db.Set<Survey>().AsNoTracking().Where(s => s.State == SurveyState.Published && s.ClosedAt == null).ToListAsync(ct); // a reopened survey reminds no one
        if (surveys.Count == 0) return [];
        var ids = surveys.Select(s => s.Id).ToList();
        // StartsWith("D") restates SurveyResponse.IsDepartmentCode in a form EF translates to SQL (a method call would not be).
        var open = await db.Set<SurveyResponse>().AsNoTracking()
            .Where(r => ids.Contains(r.SurveyId) && r.State != ResponseState.Submitted && !r.RespondentCode.StartsWith("D"))
            .Select(r => new { r.SurveyId, r.RespondentCode, r.ExtendedDeadline }).ToListAsync(ct);
        var due = open.Select(r => (r.SurveyId, r.RespondentCode, Deadline: SurveyResponse.EffectiveDeadline(r.ExtendedDeadline, surveys.First(s => s.Id == r.SurveyId).Deadline)))
            .Select(r => (r.SurveyId, r.RespondentCode, r.Deadline, Stage: StageDue(r.Deadline, today)))
            .Where(r => r.Stage is not null).ToList();
        if (due.Count == 0) return [];
        var codes = due.Select(d => d.RespondentCode).Distinct().ToList();
        var officers = await ReminderRecipients.OfficersAsync(db, codes, ct);
        var names = await Roster.NamesAsync(db, codes, ct);
        var reminders = new List<DueReminder>();
        foreach (var (surveyId, code, deadline, stage) in due)
        {
            var recipients = officers[code].ToList();
            if (recipients.Count == 0) continue;
            var survey = surveys.First(s => s.Id == surveyId);
            var name = names[code].Name;
            var left = Math.Max(0, calendar.BusinessDaysLeft(today, deadline));
            var message = SurveyReminders.Message(db, survey, code, name, deadline, left, "回答期限が近づいています。");
            reminders.Add(new DueReminder(ReminderKeys.PerDay(KeyPrefix, $"{surveyId}:{code}:{stage}", deadline), recipients,
                message.Title, message.Body, message.Link, deadline, name));
        }
        return reminders;
    }

    /// <summary>The latest stage whose day has come, as long as the deadline (end of that day, Tokyo) has not passed.</summary>
    public int? StageDue(DateOnly deadline, DateOnly today)
    {
        if (today > deadline) return null;
        int? stage = null;
        foreach (var s in Stages)
            if (calendar.BusinessDaysBefore(deadline, s) <= today) stage = s;
        return stage;
    }
}
