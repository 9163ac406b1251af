using DxCollab.Platform.Hosting;
using DxCollab.Platform.Tenancy;
using DxCollab.Platform.Text;
using DxCollab.Standardization.Tracking;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.Standardization.Snapshots;

/// <summary>A month-end snapshot as it would have been taken (see <see cref="SnapshotDemoData.MonthEndBefore"/>).</summary>
public sealed record MonthEnd(DateOnly Month, DateTime TakenAt, IReadOnlyList<ProgressCell> Cells);

/// <summary>Demo: the six month-ends before today (Tokyo) for the trend chart, rising to today's demo figures. Each
/// earlier month rolls back a deterministic share of each 団体 × 業務's 完了済み steps (half to 作業中, half to 未着手)
/// and of its 作業中 steps (to 未着手); 対象外 stays. Runs after the demo statuses (<see cref="RunsAfter"/>); a month that already
/// has a snapshot is left as it is.</summary>
public sealed class SnapshotDemoData : IDemoDataContributor
{
    public const int Months = 6;

    /// <summary>The month-ends are rolled back from the demo statuses, so those must exist first.</summary>
    public IReadOnlyCollection<Type> RunsAfter => [typeof(Demo.MigrationDemoData)];

    public async Task SeedAsync(PrefectureTenant tenant, IServiceProvider services, CancellationToken ct)
    {
        var snapshots = services.GetRequiredService<SnapshotService>();
        var existing = (await snapshots.ListAsync(ct)).Select(s => s.Month).ToHashSet();
        var current = snapshots.CurrentMonth;
        var missing = Enumerable.Range(1, Months).Select(back => (Back: back, Month: current.AddMonths(-back))).Where(m => !existing.Contains(m.Month)).ToList();
        if (missing.Count == 0) return;
        var today = await services.GetRequiredService<ProgressReport>().CellsAsync(ct);
        foreach (var (back, _) in missing)
        {
            var monthEnd = MonthEndBefore(today, current, back);
            await snapshots.ReplaceAsync(monthEnd.Month, SnapshotKind.MonthEnd, "デモデータ", monthEnd.Cells, ct, monthEnd.TakenAt);
        }
    }

    /// <summary>The month-end <paramref name="back"/> months before <paramref name="currentMonth"/>: that month, when the
    /// monthly job would have taken it (the 1st after, 00:10 Tokyo), and today's cells rolled back to it. Also the
    /// generated nation's 12 month-ends (<see cref="Demo.NationSeeder"/>).</summary>
    public static MonthEnd MonthEndBefore(IReadOnlyCollection<ProgressCell> today, DateOnly currentMonth, int back)
    {
        var month = currentMonth.AddMonths(-back);
        var takenAt = TimeZoneInfo.ConvertTimeToUtc(month.AddMonths(1).ToDateTime(new TimeOnly(0, 10)), JapaneseCalendar.Tokyo);
        return new MonthEnd(month, takenAt, [.. today.Select(c => RollBack(c, back))]);
    }

    /// <summary>The row as it might have stood <paramref name="back"/> month-ends ago (0 = today).</summary>
    public static ProgressCell RollBack(ProgressCell cell, int back)
    {
        // 5–11 % of the row's progress per month, the same for a row at every start.
        var share = Math.Min(1.0, back * (0.05 + Stable(cell.OrganizationCode, cell.BusinessNumber) * 0.06));
        var c = cell.Counts;
        var undone = (int)Math.Round(c.Completed * share, MidpointRounding.AwayFromZero);
        var toInProgress = undone / 2;
        var unstarted = (int)Math.Round(c.InProgress * share / 2, MidpointRounding.AwayFromZero);
        var counts = new StepCounts(c.Completed - undone, c.InProgress + toInProgress - unstarted, c.NotStarted + (undone - toInProgress) + unstarted, c.NotApplicable);
        return cell with { Counts = counts };
    }

    /// <summary>A number in [0, 1) fixed by the row (not string.GetHashCode, which differs per process).</summary>
    private static double Stable(string code, int business)
    {
        uint hash = 2166136261;
        foreach (var ch in $"{code}:{business}") hash = (hash ^ ch) * 16777619;
        return hash % 1000 / 1000.0;
    }
}
