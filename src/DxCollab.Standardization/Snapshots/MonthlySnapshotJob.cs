using DxCollab.Platform.Jobs;
using DxCollab.Platform.Text;
using Microsoft.Extensions.Logging;

namespace DxCollab.Standardization.Snapshots;

/// <summary>The monthly snapshot of one tenant: on the 1st at 00:10 Tokyo it stores the figures of the month that
/// has just ended (「令和8年10月末時点」). Hangfire id <c>tenant:{id}:migration-snapshot</c>.</summary>
public sealed class MonthlySnapshotJob(SnapshotService snapshots, TimeProvider clock, ILogger<MonthlySnapshotJob> logger) : ITenantRecurringJob
{
    public const string Name = "migration-snapshot";
    /// <summary>00:10 on the 1st (Asia/Tokyo): a few minutes after midnight, so late edits of the last evening count.</summary>
    public const string Cron = "10 0 1 * *";

    public async Task RunAsync(CancellationToken ct)
    {
        var month = SnapshotMonth.Of(JapaneseCalendar.TodayInTokyo(clock.GetUtcNow())).AddMonths(-1);
        var taken = await snapshots.TakeMonthEndAsync(month, "月次ジョブ", ct);
        logger.LogInformation("Monthly snapshot {Month}: {Outcome}", SnapshotMonth.Format(month), taken ? "taken" : "already there");
    }
}
