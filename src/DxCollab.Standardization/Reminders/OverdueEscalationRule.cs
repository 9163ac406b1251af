using DxCollab.Platform.Calendar;
using DxCollab.Platform.Reminders;
using DxCollab.Platform.Text;
using DxCollab.Standardization.Tracking;

namespace DxCollab.Standardization.Reminders;

/// <summary>Still overdue <see cref="MigrationSettings.EscalationAfterBusinessDays"/> business days (開庁日, so 祝日 and
/// 年末年始 do not count) after the planned date → the prefecture's staff. Each step × planned date is told once: one
/// reminder per 団体 per day (key <c>migration:step-escalation:{団体コード}:{day}</c>) lists the steps that reached
/// the threshold since the 団体's previous escalation. Nothing goes out on a closed day.</summary>
public sealed class OverdueEscalationRule(BusinessCalendar calendar) : IReminderRule
{
    public const string KeyPrefix = "migration:step-escalation:";

    public string Name => "migration-step-escalation";

    public async Task<IReadOnlyList<DueReminder>> FindDueAsync(ReminderScanContext context, CancellationToken ct)
    {
        var (db, today) = (context.Db, context.TodayInTokyo);
        if (calendar.IsClosed(today)) return [];
        var settings = await MigrationSettings.LoadAsync(db, ct);
        var after = Math.Max(0, settings.EscalationAfterBusinessDays);
        var escalated = (await OverdueSteps.OfScanAsync(context, ct))
            .Select(s => (Step: s, Day: calendar.AddBusinessDays(s.PlannedDate, after)))
            .Where(s => s.Day <= today).ToList();
        if (escalated.Count == 0) return [];
        var staff = await ReminderRecipients.PrefectureStaffAsync(db, ct);
        if (staff.Count == 0) return [];
        var lastTold = await ReminderHistory.LastToldAsync(db, KeyPrefix, today, ct);
        var due = new List<DueReminder>();
        foreach (var organization in escalated.GroupBy(s => s.Step.OrganizationCode))
        {
            var told = lastTold.TryGetValue(organization.Key, out var last) ? last : DateOnly.MinValue;
            var fresh = organization.Where(s => s.Day > told).Select(s => s.Step).ToList();
            if (fresh.Count == 0) continue;
            var name = fresh[0].OrganizationName;
            var body = $"{name}の次のステップが、予定日から {after} 開庁日を過ぎても完了していません（{JapaneseCalendar.Format(today)}時点）。"
                + $"団体の担当者には、予定日を過ぎた最初の開庁日にお知らせしています。\n{OverdueSteps.List(fresh)}";
            due.Add(new DueReminder(ReminderKeys.PerDay(KeyPrefix, organization.Key, today), staff,
                $"{name}: 予定日を {after} 開庁日過ぎたステップが {fresh.Count} 件あります", body, OverdueSteps.Link(db, organization.Key),
                fresh.Min(s => s.PlannedDate), name));
        }
        return due;
    }
}
