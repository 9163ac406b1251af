using DxCollab.Platform.Calendar;
using DxCollab.Platform.Reminders;
using DxCollab.Platform.Text;
using DxCollab.TalentPool.Domain;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.TalentPool.Activity;

/// <summary>支援報告の督促: the assigned expert 1 開庁日 before a report's due date and on the day (the prefecture's staff
/// instead when the expert has no account); once it has passed, the prefecture's staff (escalation). Each stage once per report (key <c>talent:report:{reportId}:{stage}:{due}</c>);
/// a submitted report, or one of a cancelled assignment, reminds no one.</summary>
public sealed class ReportReminderRule(BusinessCalendar calendar) : IReminderRule
{
    public const string KeyPrefix = "talent:report:";

    public string Name => "talent-report";

    public async Task<IReadOnlyList<DueReminder>> FindDueAsync(ReminderScanContext context, CancellationToken ct)
    {
        var (db, today) = (context.Db, context.TodayInTokyo);
        if (calendar.IsClosed(today)) return [];
        var soon = calendar.AddBusinessDays(today, 1);
        var open = await (from r in db.Set<SupportReport>().AsNoTracking()
                          join a in db.Set<Assignment>().AsNoTracking() on r.AssignmentId equals a.Id
                          join e in db.Set<Expert>().AsNoTracking() on a.ExpertId equals e.Id
                          where r.SubmittedAt == null && a.State != AssignmentState.Cancelled && r.DueDate <= soon
                          select new { r.Id, r.AssignmentId, r.Kind, r.DueDate, e.Name, e.UserId, a.OrganizationCode }).ToListAsync(ct);
        if (open.Count == 0) return [];
        var codes = open.Select(o => o.OrganizationCode).Distinct().ToList();
        var names = await db.Organizations.AsNoTracking().Where(o => codes.Contains(o.Code)).ToDictionaryAsync(o => o.Code, o => o.Name, ct);
        var staff = open.Any(o => o.DueDate < today || o.UserId is not { Length: > 0 }) ? await ReminderRecipients.PrefectureStaffAsync(db, ct) : [];
        var tenant = db.CurrentTenantId;
        var reminders = new List<DueReminder>();
        foreach (var o in open)
        {
            var organization = names.GetValueOrDefault(o.OrganizationCode, o.OrganizationCode);
            var what = $"{organization}への支援の{o.Kind.ToJapanese()}";
            var due = JapaneseCalendar.FormatWithWestern(o.DueDate);
            var link = $"/{tenant}/talent/assignments/{o.AssignmentId}#report-{o.Id}";
            if (o.DueDate < today)
            {
                if (staff.Count == 0) continue;
                var late = calendar.BusinessDaysBetween(o.DueDate, today);
                reminders.Add(new DueReminder(Key(o.Id, "overdue", o.DueDate), staff, $"支援報告が期限を過ぎています（{o.Name} さん・{organization}）",
                    $"{o.Name} さんの{what}が、期限 {due} を {late} 開庁日過ぎても提出されていません。", $"/{tenant}/talent/reports", o.DueDate, organization));
            }
            else
            {
                var stage = o.DueDate == today ? "day" : "before";
                var when = o.DueDate == today ? "本日が提出期限です" : $"提出期限は {due}（あと 1 開庁日）です";
                if (o.UserId is { Length: > 0 } expertUser)
                    reminders.Add(new DueReminder(Key(o.Id, stage, o.DueDate), [expertUser], $"{what}を提出してください",
                        $"{what}の{when}。", link, o.DueDate, organization));
                else if (staff.Count > 0) // no account to remind: the staff, who may write the report on the expert's behalf
                    reminders.Add(new DueReminder(Key(o.Id, stage, o.DueDate), staff, $"{o.Name} さんの{what}（アカウント未作成）",
                        $"{o.Name} さんの{what}の{when}。{o.Name} さんにはアカウントがないため、職員の皆さんにお知らせしています（代わりに記録できます）。",
                        link, o.DueDate, organization));
            }
        }
        return reminders;
    }

    private static string Key(long reportId, string stage, DateOnly due) =>
        ReminderKeys.PerDay(KeyPrefix, $"{reportId.ToString(System.Globalization.CultureInfo.InvariantCulture)}:{stage}", due);
}
