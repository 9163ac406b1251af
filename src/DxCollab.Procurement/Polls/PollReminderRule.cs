using System.Globalization;
using DxCollab.Platform.Calendar;
using DxCollab.Platform.Reminders;
using JapaneseCalendar = DxCollab.Platform.Text.JapaneseCalendar;
using DxCollab.Procurement.Domain;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Procurement.Polls;

/// <summary>意向調査の督促: the officers of each candidate that has not answered an open poll, <see cref="BusinessDaysBefore"/>
/// 開庁日 before its deadline and on the day — each stage once per poll and 団体 (key
/// <c>procurement:poll:{pollId}:{団体コード}:{stage}:{deadline}</c>).</summary>
public sealed class PollReminderRule(BusinessCalendar calendar) : IReminderRule
{
    public const string KeyPrefix = "procurement:poll:";
    public const int BusinessDaysBefore = 2;

    public string Name => "procurement-poll";

    public async Task<IReadOnlyList<DueReminder>> FindDueAsync(ReminderScanContext context, CancellationToken ct)
    {
        var (db, today) = (context.Db, context.TodayInTokyo);
        if (calendar.IsClosed(today)) return [];
        var soon = calendar.AddBusinessDays(today, BusinessDaysBefore);
        var open = await (from a in db.Set<IntentAnswer>().AsNoTracking()
                          join p in db.Set<IntentPoll>().AsNoTracking() on a.PollId equals p.Id
                          join w in db.Set<Workspace>().AsNoTracking() on p.WorkspaceId equals w.Id
                          where a.Choice == null && p.ClosedAt == null && p.Deadline >= today && p.Deadline <= soon
                          select new { PollId = p.Id, p.WorkspaceId, p.Deadline, w.Title, a.OrganizationCode, a.OrganizationName }).ToListAsync(ct);
        if (open.Count == 0) return [];
        var officers = await ReminderRecipients.OfficersAsync(db, [.. open.Select(o => o.OrganizationCode).Distinct()], ct);
        var tenant = db.CurrentTenantId;
        var reminders = new List<DueReminder>();
        foreach (var o in open)
        {
            var recipients = officers[o.OrganizationCode].ToList();
            if (recipients.Count == 0) continue;
            var onTheDay = o.Deadline == today;
            var stage = onTheDay ? "day" : "before";
            var when = onTheDay ? "本日が回答期限です" : $"回答期限は{JapaneseCalendar.FormatWithWestern(o.Deadline)}です";
            reminders.Add(new DueReminder(
                ReminderKeys.PerDay(KeyPrefix, $"{o.PollId.ToString(CultureInfo.InvariantCulture)}:{o.OrganizationCode}:{stage}", o.Deadline), recipients,
                $"意向調査への回答をお願いします: {o.Title}", $"共同調達「{o.Title}」の意向調査にまだ回答がありません。{when}。",
                $"/{tenant}/procurement/{o.WorkspaceId}/polls/{o.PollId}", o.Deadline, o.OrganizationName));
        }
        return reminders;
    }
}
