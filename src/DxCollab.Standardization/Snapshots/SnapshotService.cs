using DxCollab.Platform.Data;
using DxCollab.Platform.Text;
using DxCollab.Standardization.Tracking;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Standardization.Snapshots;

public sealed record SnapshotInfo(DateOnly Month, SnapshotKind Kind, DateTime TakenAt, string? TakenBy)
{
    public string AsOf => SnapshotMonth.AsOf(Month, Kind, TakenAt);
}

/// <summary>One group's 完了率 over the months that have a snapshot (oldest first).</summary>
public sealed record TrendSeries(string Key, string Label, IReadOnlyList<TrendPoint> Points);
public sealed record TrendPoint(SnapshotInfo Snapshot, ProgressGroup Figures);

/// <summary>Takes and reads the monthly snapshots of the current tenant. A snapshot stores the counts per 団体 × 業務
/// (<see cref="ProgressReport.CellsAsync"/>); its tables are rebuilt with <see cref="ProgressGrouper"/>, the same code
/// that builds today's tables, so a past month reads exactly as it did.</summary>
public sealed class SnapshotService(DxCollabDbContext db, ProgressReport report, TimeProvider clock)
{
    /// <summary>The Tokyo month of today (as its first day).</summary>
    public DateOnly CurrentMonth => SnapshotMonth.Of(JapaneseCalendar.TodayInTokyo(clock.GetUtcNow()));

    /// <summary>The month-end snapshot of a month that has ended. Idempotent: once a month has its month-end figures they are
    /// never replaced (a rerun or a second worker changes nothing and returns false); a manual snapshot of that month
    /// taken while it ran is replaced.</summary>
    public async Task<bool> TakeMonthEndAsync(DateOnly month, string takenBy, CancellationToken ct = default)
    {
        month = SnapshotMonth.Of(month);
        if (month >= CurrentMonth) throw new ArgumentOutOfRangeException(nameof(month), month, "月末時点の記録は終わった月だけです。");
        var existing = await db.Set<MigrationSnapshot>().AsNoTracking().FirstOrDefaultAsync(s => s.Month == month, ct);
        if (existing is { Kind: SnapshotKind.MonthEnd }) return false;
        return await ReplaceAsync(month, SnapshotKind.MonthEnd, takenBy, await report.CellsAsync(ct), ct);
    }

    /// <summary>「今すぐ記録」: today's figures as the current month's snapshot (途中経過), replacing an earlier one of this month.</summary>
    public async Task<SnapshotInfo> TakeNowAsync(string takenBy, CancellationToken ct = default)
    {
        var month = CurrentMonth;
        await ReplaceAsync(month, SnapshotKind.Manual, takenBy, await report.CellsAsync(ct), ct);
        return (await FindAsync(month, ct))!;
    }

    /// <summary>Stores <paramref name="cells"/> as the snapshot of <paramref name="month"/> (also used by the demo data).
    /// False when another worker stored the same month at the same moment.</summary>
    internal async Task<bool> ReplaceAsync(DateOnly month, SnapshotKind kind, string takenBy, IReadOnlyCollection<ProgressCell> cells,
        CancellationToken ct, DateTime? takenAt = null)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var old = await db.Set<MigrationSnapshot>().Include(s => s.Rows).FirstOrDefaultAsync(s => s.Month == month, ct);
            if (old is not null)
            {
                db.RemoveRange(old.Rows);
                db.Remove(old);
                await db.SaveChangesAsync(ct);
            }
            db.Add(new MigrationSnapshot
            {
                Month = month, Kind = kind, TakenAt = takenAt ?? clock.GetUtcNow().UtcDateTime, TakenBy = takenBy,
                Rows = [.. cells.Select(c => new MigrationSnapshotRow
                {
                    OrganizationCode = c.OrganizationCode, OrganizationName = c.OrganizationName, OrganizationType = c.Type,
                    BusinessNumber = c.BusinessNumber, Completed = c.Counts.Completed, InProgress = c.Counts.InProgress,
                    NotStarted = c.Counts.NotStarted, NotApplicable = c.Counts.NotApplicable,
                })],
            });
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // The unique month: another worker stored it first; keep theirs.
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>Every snapshot of the tenant, oldest first.</summary>
    public async Task<IReadOnlyList<SnapshotInfo>> ListAsync(CancellationToken ct = default) =>
        (await db.Set<MigrationSnapshot>().AsNoTracking().OrderBy(s => s.Month)
            .Select(s => new { s.Month, s.Kind, s.TakenAt, s.TakenBy }).ToListAsync(ct))
        .Select(s => new SnapshotInfo(s.Month, s.Kind, DateTime.SpecifyKind(s.TakenAt, DateTimeKind.Utc), s.TakenBy)).ToList();

    public async Task<SnapshotInfo?> FindAsync(DateOnly month, CancellationToken ct = default) =>
        (await ListAsync(ct)).FirstOrDefault(s => s.Month == month);

    /// <summary>A month's table (団体区分, 団体 or 業務), or null when the month has no snapshot.</summary>
    public async Task<IReadOnlyList<ProgressGroup>?> GroupsAsync(DateOnly month, ProgressGrouping grouping, CancellationToken ct = default)
    {
        var snapshot = await db.Set<MigrationSnapshot>().AsNoTracking().Where(s => s.Month == month).Select(s => (long?)s.Id).FirstOrDefaultAsync(ct);
        if (snapshot is not { } id) return null;
        return ProgressGrouper.Group(await CellsAsync(r => r.SnapshotId == id, ct), grouping);
    }

    /// <summary>Per group (団体区分 or 業務) its figures in every month that has a snapshot.</summary>
    public async Task<IReadOnlyList<TrendSeries>> TrendAsync(ProgressGrouping grouping, CancellationToken ct = default)
    {
        var snapshots = await db.Set<MigrationSnapshot>().AsNoTracking().OrderBy(s => s.Month)
            .Select(s => new { s.Id, s.Month, s.Kind, s.TakenAt, s.TakenBy }).ToListAsync(ct);
        var rows = (await db.Set<MigrationSnapshotRow>().AsNoTracking().ToListAsync(ct)).ToLookup(r => r.SnapshotId);
        var months = snapshots.Select(s => (Info: new SnapshotInfo(s.Month, s.Kind, DateTime.SpecifyKind(s.TakenAt, DateTimeKind.Utc), s.TakenBy),
            Groups: ProgressGrouper.Group(rows[s.Id].Select(ToCell).ToList(), grouping))).ToList();
        if (months.Count == 0) return [];
        // The groups of the latest month, in its order (a group empty in every month is left out).
        return months[^1].Groups.Select(g => new TrendSeries(g.Key, g.Label, months
                .Select(m => new TrendPoint(m.Info, m.Groups.FirstOrDefault(x => x.Key == g.Key) ?? g with { Rows = 0, Completed = 0, InProgress = 0, NotStarted = 0, NotApplicable = 0 }))
                .ToList()))
            .Where(s => s.Points.Any(p => p.Figures.Rows > 0)).ToList();
    }

    private async Task<List<ProgressCell>> CellsAsync(System.Linq.Expressions.Expression<Func<MigrationSnapshotRow, bool>> filter, CancellationToken ct) =>
        (await db.Set<MigrationSnapshotRow>().AsNoTracking().Where(filter).ToListAsync(ct)).Select(ToCell).ToList();

    private static ProgressCell ToCell(MigrationSnapshotRow r) =>
        new(r.OrganizationCode, r.OrganizationName, r.OrganizationType, r.BusinessNumber, new StepCounts(r.Completed, r.InProgress, r.NotStarted, r.NotApplicable));
}
