using DxCollab.Platform.Calendar;
using DxCollab.Platform.Reminders;
using DxCollab.TalentPool.Domain;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.TalentPool.Matching;

/// <summary>Reminders of an assignment to the expert (their account) and the 団体's officers: <see cref="StartDays"/>
/// 開庁日 before its first month begins and <see cref="EndDays"/> 開庁日 before its last month ends (Tokyo). Each is sent
/// once (key <c>talent:assignment-start:{id}:{day}</c> / <c>talent:assignment-end:{id}:{day}</c>), on a business day; a
/// scan missed is caught up until the start / the end itself. Cancelled and completed assignments remind no one.</summary>
public sealed class AssignmentReminderRule(BusinessCalendar calendar) : IReminderRule
{
    public const string StartPrefix = "talent:assignment-start:", EndPrefix = "talent:assignment-end:";
    public const int StartDays = 3, EndDays = 5;

    public string Name => "talent-assignment";

    public async Task<IReadOnlyList<DueReminder>> FindDueAsync(ReminderScanContext context, CancellationToken ct)
    {
        var (db, today) = (context.Db, context.TodayInTokyo);
        if (calendar.IsClosed(today)) return [];
        // The widest window: a start within the next month or so, an end in this or the next month.
        var horizon = new DateOnly(today.Year, today.Month, 1).AddMonths(2);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var rows = await (from a in db.Set<Assignment>().AsNoTracking()
                          join e in db.Set<Expert>().AsNoTracking() on a.ExpertId equals e.Id
                          join r in db.Set<SupportRequest>().AsNoTracking() on a.RequestId equals r.Id
                          where (a.State == AssignmentState.Planned || a.State == AssignmentState.Active)
                                && ((a.StartMonth > thisMonth && a.StartMonth <= horizon) || (a.EndMonth >= thisMonth && a.EndMonth <= horizon))
                          select new { a, e.Name, e.UserId, r.Title }).ToListAsync(ct);
        if (rows.Count == 0) return [];
        var officers = await ReminderRecipients.OfficersAsync(db, [.. rows.Select(x => x.a.OrganizationCode).Distinct()], ct);
        var tenant = db.TenantInfo?.Identifier;
        var due = new List<DueReminder>();
        foreach (var x in rows)
        {
            List<string> to = [.. officers[x.a.OrganizationCode]];
            if (x.UserId is { } userId) to.Insert(0, userId);
            if (to.Count == 0) continue;
            var link = $"/{tenant}/talent/assignments/{x.a.Id}";
            var start = x.a.StartMonth;
            if (today < start && today >= calendar.BusinessDaysBefore(start, StartDays))
                due.Add(new DueReminder(ReminderKeys.PerDay(StartPrefix, x.a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), start), to,
                    $"支援がまもなく始まります: {x.Title}",
                    $"{x.Name} さんの支援が {AssignmentNotices.Month(start)} から始まります（月 {x.a.HoursPerMonth} 時間、{x.a.Mode.ToJapanese()}）。",
                    link, start));
            var end = x.a.EndMonth.AddMonths(1).AddDays(-1);
            if (today <= end && today >= calendar.BusinessDaysBefore(end, EndDays))
                due.Add(new DueReminder(ReminderKeys.PerDay(EndPrefix, x.a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), end), to,
                    $"支援の終了が近づいています: {x.Title}",
                    $"{x.Name} さんの支援は {AssignmentNotices.Month(x.a.EndMonth)} で終わります。終了時の支援報告の準備をお願いします。",
                    link, end));
        }
        return due;
    }
}
