using DxCollab.Platform.Calendar;
using DxCollab.Platform.Reminders;
using DxCollab.Platform.Text;

namespace DxCollab.Standardization.Reminders;

/// <summary>予定日超過 → the 団体's officers: at most one reminder per 団体 per day (key
/// <c>migration:step-overdue:{団体コード}:{day}</c>), sent only when a step has become overdue since the 団体 was last
/// told. It lists those steps (and counts the ones told before). A step re-planned to a later date becomes overdue
/// again on its new date, and is told again then. Nothing goes out on a closed day (土日祝, 年末年始): what became due
/// is told on the next business day.</summary>
public sealed class OverdueStepRule(BusinessCalendar calendar) : IReminderRule
{
    public const string KeyPrefix = "migration:step-overdue:";

    public string Name => "migration-step-overdue";

    public async Task<IReadOnlyList<DueReminder>> FindDueAsync(ReminderScanContext context, CancellationToken ct)
    {
        var (db, today) = (context.Db, context.TodayInTokyo);
        if (calendar.IsClosed(today)) return [];
        var overdue = await OverdueSteps.OfScanAsync(context, ct);
        if (overdue.Count == 0) return [];
        var lastTold = await ReminderHistory.LastToldAsync(db, KeyPrefix, today, ct);
        var officers = await ReminderRecipients.OfficersAsync(db, overdue.Select(o => o.OrganizationCode).Distinct().ToList(), ct);
        var due = new List<DueReminder>();
        foreach (var organization in overdue.GroupBy(o => o.OrganizationCode))
        {
            // Overdue since the day after its planned date; told already if that day was on or before the last reminder.
            var told = lastTold.TryGetValue(organization.Key, out var last) ? last : DateOnly.MinValue;
            var fresh = organization.Where(s => s.PlannedDate >= told).ToList();
            var recipients = officers[organization.Key].ToList();
            if (fresh.Count == 0 || recipients.Count == 0) continue;
            var earlier = organization.Count() - fresh.Count;
            var name = organization.First().OrganizationName;
            var body = $"{JapaneseCalendar.Format(today)}時点で、次のステップが予定日を過ぎています。作業が済んでいれば状況を更新し、"
                + $"遅れる場合は予定日を見直してください。\n{OverdueSteps.List(fresh)}"
                + (earlier > 0 ? $"\n以前お知らせした {earlier} 件も予定日を過ぎたままです。" : "");
            due.Add(new DueReminder(ReminderKeys.PerDay(KeyPrefix, organization.Key, today), recipients,
                $"予定日を過ぎたステップが {fresh.Count} 件あります（{name}）", body, OverdueSteps.Link(db, organization.Key),
                fresh.Min(s => s.PlannedDate), name));
        }
        return due;
    }
}
