using System.Text;
using DxCollab.Platform.Calendar;
using DxCollab.Platform.Reminders;
using DxCollab.Platform.Text;
using DxCollab.Surveys.Domain;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Surveys.FollowUp;

/// <summary>期限超過 → the prefecture's staff: on the first business day after a survey's deadline, one digest per survey
/// (key <c>surveys:escalation:{surveyId}:{latest passed deadline}</c>) listing the respondents still not submitted whose deadline has
/// passed; those granted a later deadline are only counted. Submitted ones are never listed.</summary>
public sealed class EscalationRule(BusinessCalendar calendar) : IReminderRule
{
    public const string KeyPrefix = "surveys:escalation:";

    public string Name => "surveys-escalation";

    public async Task<IReadOnlyList<DueReminder>> FindDueAsync(ReminderScanContext context, CancellationToken ct)
    {
        var (db, today) = (context.Db, context.TodayInTokyo);
        if (calendar.IsClosed(today)) return [];
        var surveys = await db.Set<Survey>().AsNoTracking().Where(s => s.State == SurveyState.Published && s.ClosedAt == null && s.Deadline < today).ToListAsync(ct); // not a reopened one
        if (surveys.Count == 0) return [];
        var staff = await ReminderRecipients.PrefectureStaffAsync(db, ct);
        if (staff.Count == 0) return [];
        var ids = surveys.Select(s => s.Id).ToList();
        var open = await db.Set<SurveyResponse>().AsNoTracking()
            .Where(r => ids.Contains(r.SurveyId) && r.State != ResponseState.Submitted)
            .Select(r => new { r.SurveyId, r.RespondentCode, r.ExtendedDeadline, r.State }).ToListAsync(ct);
        var names = await Roster.NamesAsync(db, open.Select(r => r.RespondentCode).Distinct().ToList(), ct);
        var reminders = new List<DueReminder>();
        foreach (var survey in surveys)
        {
            var overdue = open.Where(r => r.SurveyId == survey.Id && SurveyResponse.EffectiveDeadline(r.ExtendedDeadline, survey.Deadline) < today).ToList();
            var extended = open.Count(r => r.SurveyId == survey.Id && SurveyResponse.EffectiveDeadline(r.ExtendedDeadline, survey.Deadline) >= today && r.ExtendedDeadline > survey.Deadline);
            if (overdue.Count == 0) continue;
            var body = new StringBuilder()
                .Append($"照会「{survey.Title}」の回答期限 {JapaneseCalendar.FormatWithWestern(survey.Deadline)} を過ぎても、")
                .Append($"次の {overdue.Count} 団体が提出していません（{JapaneseCalendar.Format(today)}時点）。");
            foreach (var r in overdue.OrderBy(r => r.RespondentCode, StringComparer.Ordinal))
                body.Append($"\n・{names[r.RespondentCode].Name}（{r.RespondentCode}、{(r.State == ResponseState.Returned ? "差戻し中" : r.State == ResponseState.Drafting ? "回答中" : "未着手")}）");
            if (extended > 0) body.Append($"\nほかに期限延長中の団体が {extended} あります。");
            // Keyed by the latest deadline that has passed: a 団体 whose extension runs out later brings a new digest.
            var latest = overdue.Max(r => SurveyResponse.EffectiveDeadline(r.ExtendedDeadline, survey.Deadline));
            reminders.Add(new DueReminder(ReminderKeys.PerDay(KeyPrefix, survey.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), latest),
                staff, $"照会「{survey.Title}」: 期限を過ぎて未提出の団体が {overdue.Count} あります", body.ToString(),
                SurveyReminders.StatusLink(db, survey.Id), survey.Deadline));
        }
        return reminders;
    }
}
