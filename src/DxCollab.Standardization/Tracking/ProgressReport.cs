using DxCollab.Platform.Data;
using DxCollab.Platform.Organizations;
using DxCollab.Platform.ReferenceData;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Standardization.Tracking;

public enum ProgressGrouping { Category, Organization, Business, Step }

/// <summary>The columns of the heat map: 団体 × 業務 or 団体 × step.</summary>
public enum HeatMapAxis { Business, Step }

public enum HeatMapSort { Code, RateDescending, RateAscending }

/// <summary>Which heat map: its columns, the 団体区分 and 業務 it is narrowed to, and the order of the 団体.</summary>
public sealed record HeatMapQuery(HeatMapAxis Axis = HeatMapAxis.Business, OrganizationCategory? Category = null, int? Business = null,
    HeatMapSort Sort = HeatMapSort.Code);

/// <summary>One 団体 of the heat map. Cells by 業務 number (rates of that 団体 × 業務 row) or by step number (the share of
/// the 団体's counted 業務 that have the step done, <see cref="ProgressRates.Rows"/> = that number of 業務); no cell = not
/// reported (or switched off). Total: the 団体's rates over the counted 業務.</summary>
public sealed record HeatMapRow(string Code, string Name, OrganizationType Type, IReadOnlyDictionary<int, ProgressRates> Cells, ProgressRates Total);

public sealed record HeatMap(HeatMapQuery Query, IReadOnlyList<int> Columns, IReadOnlyList<HeatMapRow> Rows);

/// <summary>Step counts of a group of 団体 × 業務 rows. Rates as 総務省 computes them: completion =
/// (完了済み + 対象外) / (40 × rows); for a single step the denominator is the number of rows.</summary>
public sealed record ProgressGroup(string Key, string Label, int Rows, int Completed, int InProgress, int NotStarted, int NotApplicable)
{
    public int Steps => Completed + InProgress + NotStarted + NotApplicable;
    public double CompletionRate => Steps == 0 ? 0 : (double)(Completed + NotApplicable) / Steps;
    public double InProgressRate => Steps == 0 ? 0 : (double)InProgress / Steps;
    public double NotStartedRate => Steps == 0 ? 0 : (double)NotStarted / Steps;
}

/// <summary>Progress of the current tenant, grouped like the 総務省 table (団体区分) or by 団体, 業務 or step.
/// Rows are the 業務 each 団体 reports (20 for municipalities, 2 for the prefecture) less those switched off;
/// steps with no record are 未着手. Read from the tally (<see cref="BusinessTally"/>, <see cref="StepTally"/>), not from
/// every status.</summary>
public sealed class ProgressReport(DxCollabDbContext db, ProgressReads reads)
{
    public const string AllMunicipalitiesKey = "all-municipalities";

    private static readonly StepCounts Untouched = new(0, 0, MigrationCatalog.StepCount, 0);

    public async Task<IReadOnlyList<ProgressGroup>> ComputeAsync(ProgressGrouping grouping, CancellationToken ct = default)
    {
        if (grouping != ProgressGrouping.Step) return ProgressGrouper.Group(await CellsAsync(ct), grouping);
        var counted = await reads.CountedAsync(ct);
        var perStep = await StepCountsAsync(counted, null, ct);
        var rows = counted.Sum(o => o.Businesses.Count);
        return MigrationStepDefinition.All.Select(step =>
        {
            var sum = counted.Aggregate(default(StepCounts), (total, o) => total + perStep.GetValueOrDefault((o.Code, step.Number)));
            return new ProgressGroup(step.Number.ToString(), $"{step.StepId} {step.Name}", rows, sum.Completed, sum.InProgress,
                rows - sum.Completed - sum.InProgress - sum.NotApplicable, sum.NotApplicable);
        }).ToList();
    }

    /// <summary>Today's counts per 団体 × 業務 row: what a monthly snapshot stores and regroups later.</summary>
    public async Task<IReadOnlyList<ProgressCell>> CellsAsync(CancellationToken ct = default)
    {
        var counted = await reads.CountedAsync(ct);
        var tallies = await reads.BusinessesAsync(null, ct);
        return counted.SelectMany(o => o.Businesses.Select(b => new ProgressCell(o.Code, o.Name, o.Type, b,
            tallies.TryGetValue((o.Code, b), out var tally) ? tally.Counts : Untouched))).ToList();
    }

    /// <summary>Per 団体 × step, the statuses over the 団体's counted 業務 (or over <paramref name="onlyBusiness"/> alone):
    /// the step tally less the rows of 業務 that do not count (switched off or not reported), read from those few rows
    /// themselves. 未着手 = counted 業務 − the others.</summary>
    private async Task<Dictionary<(string Code, int Step), StepCounts>> StepCountsAsync(IReadOnlyCollection<CountedOrganization> counted, int? onlyBusiness,
        CancellationToken ct)
    {
        var result = new Dictionary<(string, int), StepCounts>();
        if (onlyBusiness is { } only)
        {
            // One 業務: its own rows (one per 団体 × step) are as few as the tally's.
            var recorded = await db.Set<StepProgress>().AsNoTracking().Where(p => p.BusinessNumber == only)
                .Select(p => new { p.OrganizationCode, p.StepNumber, p.Status }).ToListAsync(ct);
            var counting = counted.Where(o => o.Businesses.Contains(only)).Select(o => o.Code).ToHashSet();
            foreach (var p in recorded.Where(p => counting.Contains(p.OrganizationCode)))
                result[(p.OrganizationCode, p.StepNumber)] = StepCounts.Of([p.Status]);
        }
        else
        {
            var businesses = await reads.BusinessesAsync(null, ct);
            var steps = await reads.StepsAsync(ct);
            foreach (var ((code, step), tally) in steps)
                result[(code, step)] = new StepCounts(tally.Completed, tally.InProgress, tally.NotStarted, tally.NotApplicable);
            var countedPairs = counted.SelectMany(o => o.Businesses.Select(b => (o.Code, b))).ToHashSet();
            var excluded = businesses.Values
                .Where(t => t.Completed + t.InProgress + t.NotStarted + t.NotApplicable > 0 && !countedPairs.Contains((t.OrganizationCode, t.BusinessNumber)))
                .Select(t => (t.OrganizationCode, t.BusinessNumber)).ToHashSet();
            if (excluded.Count > 0)
            {
                var codes = excluded.Select(e => e.OrganizationCode).Distinct().ToList();
                var rows = await db.Set<StepProgress>().AsNoTracking().Where(p => codes.Contains(p.OrganizationCode))
                    .Select(p => new { p.OrganizationCode, p.BusinessNumber, p.StepNumber, p.Status }).ToListAsync(ct);
                foreach (var p in rows.Where(p => excluded.Contains((p.OrganizationCode, p.BusinessNumber))))
                {
                    var one = StepCounts.Of([p.Status]);
                    var c = result[(p.OrganizationCode, p.StepNumber)];
                    result[(p.OrganizationCode, p.StepNumber)] = new StepCounts(c.Completed - one.Completed, c.InProgress - one.InProgress,
                        c.NotStarted - one.NotStarted, c.NotApplicable - one.NotApplicable);
                }
            }
        }
        // Recorded counts → counts over the counted 業務 (absent = 未着手).
        var n = counted.ToDictionary(o => o.Code, o => onlyBusiness is { } b ? (o.Businesses.Contains(b) ? 1 : 0) : o.Businesses.Count);
        foreach (var key in result.Keys.ToList())
        {
            if (!n.TryGetValue(key.Item1, out var rows)) { result.Remove(key); continue; }
            var c = result[key];
            result[key] = c with { NotStarted = rows - c.Completed - c.InProgress - c.NotApplicable };
        }
        foreach (var o in counted)
            foreach (var step in MigrationStepDefinition.All)
                result.TryAdd((o.Code, step.Number), new StepCounts(0, 0, n[o.Code], 0));
        return result;
    }

    /// <summary>The heat map 団体 × 業務 or 団体 × step of the current tenant, narrowed to a 団体区分 and/or one 業務
    /// (then only the 団体 reporting it appear). The prefecture first, then 団体コード order, unless sorted by 完了率.</summary>
    public async Task<HeatMap> HeatMapAsync(HeatMapQuery query, CancellationToken ct = default)
    {
        var counted = await reads.CountedAsync(ct);
        var organizations = counted
            .Where(o => query.Category is not { } category || o.Type.ToCategory() == category)
            .OrderBy(o => o.Type == OrganizationType.Prefecture ? 0 : 1).ThenBy(o => o.Code, StringComparer.Ordinal).ToList();
        var tallies = await reads.BusinessesAsync(null, ct);
        var perStep = query.Axis == HeatMapAxis.Step ? await StepCountsAsync(organizations, query.Business, ct) : null;

        var rows = new List<HeatMapRow>();
        foreach (var org in organizations)
        {
            var businesses = org.Businesses.Where(b => query.Business is not { } only || b == only).ToList();
            if (businesses.Count == 0 && query.Business is not null) continue;
            var perBusiness = businesses.ToDictionary(b => b, b => tallies.TryGetValue((org.Code, b), out var tally) ? tally.Counts : Untouched);
            var total = ProgressMath.FromCounts(perBusiness.Values.Aggregate(default(StepCounts), (sum, c) => sum + c), businesses.Count);
            IReadOnlyDictionary<int, ProgressRates> cells = perStep is not null
                ? MigrationStepDefinition.All.ToDictionary(s => s.Number, s => StepRates(perStep[(org.Code, s.Number)], businesses.Count))
                : perBusiness.ToDictionary(c => c.Key, c => ProgressMath.FromCounts(c.Value, 1));
            if (businesses.Count == 0) cells = new Dictionary<int, ProgressRates>();
            rows.Add(new HeatMapRow(org.Code, org.Name, org.Type, cells, total));
        }
        var sorted = query.Sort switch
        {
            HeatMapSort.RateDescending => rows.OrderByDescending(r => r.Total.CompletionRate).ThenBy(r => r.Code, StringComparer.Ordinal).ToList(),
            HeatMapSort.RateAscending => rows.OrderBy(r => r.Total.CompletionRate).ThenBy(r => r.Code, StringComparer.Ordinal).ToList(),
            _ => rows,
        };
        IReadOnlyList<int> columns = query.Axis == HeatMapAxis.Step
            ? [.. MigrationStepDefinition.All.Select(s => s.Number)]
            : [.. StandardBusiness.All.Select(b => b.Number).Where(b => query.Business is not { } only || b == only)];
        return new HeatMap(query, columns, sorted);
    }

    /// <summary>One step over several 業務: the share done, in progress and not started (rows = the number of 業務).</summary>
    private static ProgressRates StepRates(StepCounts counts, int rows)
    {
        if (rows == 0) return default;
        decimal n = rows;
        return new ProgressRates(counts.Done / n, counts.InProgress / n, counts.NotStarted / n, rows);
    }
}
