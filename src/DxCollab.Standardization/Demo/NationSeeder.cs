using DxCollab.Platform.Data;
using DxCollab.Platform.Hosting;
using DxCollab.Platform.Organizations;
using DxCollab.Standardization.National;
using DxCollab.Standardization.Snapshots;
using DxCollab.Standardization.Tracking;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Standardization.Demo;

/// <summary>What the nation seeder wrote into one tenant (or why it wrote nothing).</summary>
public sealed record NationTenantResult(string Tenant, string? Skipped, int Steps, int Changes, int Systems, int Tallies, int NationalRows,
    int Snapshots, int SnapshotRows)
{
    public int Rows => Steps + Changes + Systems + Tallies + NationalRows + Snapshots + SnapshotRows;
}

/// <summary>The 標準化 side of a generated nation (tools/DxCollab.Seed), one tenant at a time: statuses shaped like the
/// published 2026-01 figures (<see cref="DemoProgressGenerator"/> with the seed mixed in), their history, one
/// 特定移行支援システム, the tally, 12 month-end snapshots and the tenant's rows of the national read model, all written
/// in bulk (<see cref="BulkInsert"/>) in one transaction. A tenant that already has statuses is left as it is.</summary>
public static class NationSeeder
{
    public const int Months = 12;
    public const string SnapshotTakenBy = "生成データ";

    private static readonly string[] SpecificReasons =
        ["メインフレームからの移行のため", "事業者の撤退により移行先の事業者を選び直しているため", "事業者のリソース不足により移行時期が遅れるため"];

    /// <param name="db">A context bound to the tenant to fill.</param>
    /// <param name="national">Where the national read model lives when the tenant has a database of its own (a host-level
    /// context); by default the tenant's context, so everything commits in one transaction.</param>
    public static async Task<NationTenantResult> SeedTenantAsync(DxCollabDbContext db, int seed, DateTime nowUtc, CancellationToken ct = default,
        DxCollabDbContext? national = null)
    {
        var tenant = db.CurrentTenantId ?? throw new InvalidOperationException("No tenant to seed.");
        if (await db.Set<StepProgress>().AnyAsync(ct))
        {
            var refilled = await RefillNationalRowsAsync(db, national ?? db, nowUtc, ct);
            return new(tenant, "already has statuses", 0, 0, 0, 0, refilled, 0, 0);
        }
        var organizations = await db.Organizations.AsNoTracking().Where(o => o.AbolishedOn == null)
            .Select(o => new DemoOrganization(o.Code, o.Name, o.Type)).ToListAsync(ct);
        var prefecture = organizations.FirstOrDefault(o => o.Type == OrganizationType.Prefecture);
        if (prefecture is null || PublishedFigures.For(prefecture.Name) is not { } figures)
            return new(tenant, "no published figures for its prefecture", 0, 0, 0, 0, 0, 0, 0);

        var progress = DemoProgressGenerator.Generate(organizations, figures, SpecificSupport(organizations, figures, seed), new Dictionary<string, string>(),
            nowUtc, seed);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var (tallies, stepTallies) = await WriteProgressAsync(db, progress, ct);
        var cells = await new ProgressReport(db, new ProgressReads(db)).CellsAsync(ct); // read back from the tally just written, as the dashboard does
        var (snapshots, snapshotRows) = await WriteMonthEndsAsync(db, cells, SnapshotMonth.Of(Platform.Text.JapaneseCalendar.TodayInTokyo(new DateTimeOffset(nowUtc, TimeSpan.Zero))), ct);
        var nationalRows = 0;
        if (national is null) nationalRows = await WriteNationalRowsAsync(db, tenant, cells, nowUtc, ct);
        await transaction.CommitAsync(ct);
        if (national is not null) nationalRows = await WriteNationalRowsAsync(national, tenant, cells, nowUtc, ct);
        return new(tenant, null, progress.Steps.Count, progress.Changes.Count, progress.Systems.Count, tallies.Count + stepTallies.Count,
            nationalRows, snapshots, snapshotRows);
    }

    /// <summary>Statuses, history and systems in bulk, with the tally counted from them (a bulk write bypasses the save
    /// interceptor that keeps it otherwise). Used by the nation and by the demo start.</summary>
    public static async Task<(List<BusinessTally> Businesses, List<StepTally> Steps)> WriteProgressAsync(DxCollabDbContext db, DemoProgress progress,
        CancellationToken ct)
    {
        var tenant = db.CurrentTenantId ?? throw new InvalidOperationException("No tenant to write to.");
        var (businesses, steps) = ProgressTallies.Count(tenant, progress.Steps, progress.Changes);
        await BulkInsert.WriteAsync(db, progress.Steps, ct);
        await BulkInsert.WriteAsync(db, progress.Changes, ct);
        await BulkInsert.WriteAsync(db, progress.Systems, ct);
        await BulkInsert.WriteAsync(db, businesses, ct);
        await BulkInsert.WriteAsync(db, steps, ct);
        await ProgressVersion.BumpAsync(db, ct); // a bulk write bypasses the save that bumps it
        return (businesses, steps);
    }

    /// <summary>One 特定移行支援システム per tenant: 住民記録 of a municipality (picked by the seed) that has not finished it.</summary>
    private static DemoSpecificSupport? SpecificSupport(IReadOnlyList<DemoOrganization> organizations, PublishedFigures figures, int seed)
    {
        const int Business = 3; // 住民記録
        var pick = organizations.Where(o => o.Type != OrganizationType.Prefecture
                                            && figures.MunicipalRates.TryGetValue((o.Name, Business), out var rate) && rate < 1)
            .OrderBy(o => DemoRandom.Hash($"{seed}:{o.Code}:specific")).FirstOrDefault();
        if (pick is null) return null;
        var random = new DemoRandom($"{seed}:{pick.Code}:specific");
        // Completion in FY2027 (April 2027 – March 2028), on the 1st of a month.
        return new(pick.Code, Business, SpecificReasons[random.Next(0, SpecificReasons.Length)], new DateOnly(2027, 4, 1).AddMonths(random.Next(0, 12)));
    }

    /// <summary>The <see cref="Months"/> month-ends before the current month (those the tenant has not got), rolled back from
    /// today's counts as the demo's trend is (<see cref="SnapshotDemoData.MonthEndBefore"/>).</summary>
    private static async Task<(int Snapshots, int Rows)> WriteMonthEndsAsync(DxCollabDbContext db, IReadOnlyList<ProgressCell> cells, DateOnly currentMonth,
        CancellationToken ct)
    {
        var existing = (await db.Set<MigrationSnapshot>().AsNoTracking().Select(s => s.Month).ToListAsync(ct)).ToHashSet();
        var monthEnds = Enumerable.Range(1, Months).Select(back => SnapshotDemoData.MonthEndBefore(cells, currentMonth, back))
            .Where(m => !existing.Contains(m.Month)).ToList();
        if (monthEnds.Count == 0) return (0, 0);
        await BulkInsert.WriteAsync(db, monthEnds.Select(m => new MigrationSnapshot
        {
            Month = m.Month, Kind = SnapshotKind.MonthEnd, TakenAt = m.TakenAt, TakenBy = SnapshotTakenBy,
        }).ToList(), ct);
        var months = monthEnds.Select(m => m.Month).ToList();
        var ids = await db.Set<MigrationSnapshot>().AsNoTracking().Where(s => months.Contains(s.Month)).ToDictionaryAsync(s => s.Month, s => s.Id, ct);
        var rows = monthEnds.SelectMany(m => m.Cells.Select(c => new MigrationSnapshotRow
        {
            SnapshotId = ids[m.Month], OrganizationCode = c.OrganizationCode, OrganizationName = c.OrganizationName, OrganizationType = c.Type,
            BusinessNumber = c.BusinessNumber, Completed = c.Counts.Completed, InProgress = c.Counts.InProgress, NotStarted = c.Counts.NotStarted,
            NotApplicable = c.Counts.NotApplicable,
        })).ToList();
        await BulkInsert.WriteAsync(db, rows, ct);
        return (monthEnds.Count, rows.Count);
    }

    /// <summary>The tenant's rows of the national read model, straight from its counts (what the roll-up would compute from
    /// one event per 団体), replacing any it had.</summary>
    private static async Task<int> WriteNationalRowsAsync(DxCollabDbContext national, string tenant, IReadOnlyList<ProgressCell> cells, DateTime nowUtc,
        CancellationToken ct)
    {
        var rows = cells.Select(c => new NationalProgressRow
        {
            PrefectureId = tenant, OrganizationCode = c.OrganizationCode, Type = c.Type, BusinessNumber = c.BusinessNumber, IsEnabled = true,
            Completed = c.Counts.Completed, InProgress = c.Counts.InProgress, NotStarted = c.Counts.NotStarted, NotApplicable = c.Counts.NotApplicable,
            UpdatedAt = nowUtc,
        }).ToList();
        var owned = national.Database.CurrentTransaction is null ? await national.Database.BeginTransactionAsync(ct) : null;
        try
        {
            await national.Set<NationalProgressRow>().Where(r => r.PrefectureId == tenant).ExecuteDeleteAsync(ct);
            await BulkInsert.WriteAsync(national, rows, ct);
            await NationalProgressVersion.BumpAsync(national, ct); // the bulk write bypassed the save that bumps it
            if (owned is not null) await owned.CommitAsync(ct);
        }
        finally
        {
            if (owned is not null) await owned.DisposeAsync();
        }
        return rows.Count;
    }

    /// <summary>A tenant seeded before whose national rows never got written (a run stopped in between, with a national
    /// database apart): they are written from its tally. Otherwise nothing changes.</summary>
    private static async Task<int> RefillNationalRowsAsync(DxCollabDbContext db, DxCollabDbContext national, DateTime nowUtc, CancellationToken ct)
    {
        var tenant = db.CurrentTenantId!;
        if (await national.Set<NationalProgressRow>().AnyAsync(r => r.PrefectureId == tenant, ct)) return 0;
        return await WriteNationalRowsAsync(national, tenant, await new ProgressReport(db, new ProgressReads(db)).CellsAsync(ct), nowUtc, ct);
    }

}
