using JapaneseCalendar = DxCollab.Platform.Text.JapaneseCalendar;
using DxCollab.Platform.Calendar;
using DxCollab.Platform.Organizations;
using DxCollab.Platform.Reminders;
using DxCollab.Platform.Text;
using DxCollab.Standardization.Tracking;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Standardization.Reminders;

/// <summary>「今月の進捗を更新してください」: from business day <see cref="MigrationSettings.MonthlyRequestBusinessDay"/>
/// of the month (Tokyo), every municipality with no step change this Tokyo month is asked once (key
/// <c>migration:monthly-request:{団体コード}:{yyyy-MM}</c>). A municipality that switched off all its 業務 is not asked;
/// nothing goes out on a closed day.</summary>
public sealed class MonthlyUpdateRequestRule(BusinessCalendar calendar) : IReminderRule
{
    public const string KeyPrefix = "migration:monthly-request:";

    public string Name => "migration-monthly-request";

    /// <summary>The Nth business day of the month (the last one when the month has fewer).</summary>
    public DateOnly RequestDay(DateOnly month, int businessDay) => calendar.NthBusinessDayOfMonth(month, Math.Max(1, businessDay));

    public async Task<IReadOnlyList<DueReminder>> FindDueAsync(ReminderScanContext context, CancellationToken ct)
    {
        var (db, today) = (context.Db, context.TodayInTokyo);
        var settings = await MigrationSettings.LoadAsync(db, ct);
        var month = new DateOnly(today.Year, today.Month, 1);
        if (calendar.IsClosed(today) || today < RequestDay(month, settings.MonthlyRequestBusinessDay)) return [];

        var from = TimeZoneInfo.ConvertTimeToUtc(month.ToDateTime(TimeOnly.MinValue), JapaneseCalendar.Tokyo);
        var to = TimeZoneInfo.ConvertTimeToUtc(month.AddMonths(1).ToDateTime(TimeOnly.MinValue), JapaneseCalendar.Tokyo);
        var updated = (await db.Set<StepProgressChange>().AsNoTracking().Where(c => c.ChangedAt >= from && c.ChangedAt < to)
            .Select(c => c.OrganizationCode).Distinct().ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var disabled = await SwitchedOffBusinesses.LoadAsync(db, ct);
        var municipalities = (await db.Organizations.AsNoTracking()
                .Where(o => o.AbolishedOn == null && o.Type != OrganizationType.Prefecture)
                .Select(o => new { o.Code, o.Name, o.Type }).ToListAsync(ct))
            .Where(o => !updated.Contains(o.Code) && MigrationCatalog.BusinessesOf(o.Type).Any(b => !disabled.Contains((o.Code, b))))
            .OrderBy(o => o.Code, StringComparer.Ordinal).ToList();
        if (municipalities.Count == 0) return [];
        var officers = await ReminderRecipients.OfficersAsync(db, municipalities.Select(o => o.Code).ToList(), ct);

        var monthText = Snapshots.SnapshotMonth.Japanese(month);
        return municipalities.Where(o => officers[o.Code].Any()).Select(o => new DueReminder(
                ReminderKeys.PerMonth(KeyPrefix, o.Code, month), officers[o.Code].ToList(),
                "今月の進捗を更新してください",
                $"{o.Name}の{monthText}の標準化の進捗がまだ更新されていません。変わりがなくても、予定日や状況を確認して更新してください。"
                + "月末時点の数値が都道府県の集計（毎月1日に記録）に使われます。",
                OverdueSteps.Link(db, o.Code), OrganizationName: o.Name))
            .ToList();
    }
}
