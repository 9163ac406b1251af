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
/// steps with no record are 未着手.</summary>
public sealed class ProgressReport(DxCollabDbContext db)
{
    public const string AllMunicipalitiesKey = "all-municipalities";

    public async Task<IReadOnlyList<ProgressGroup>> ComputeAsync(ProgressGrouping grouping, CancellationToken ct = default)
    {
        var rows = await RowsAsync(ct);
        return grouping == ProgressGrouping.Step
            ? MigrationStepDefinition.All.Select(step => SumStep(step, rows)).ToList()
            : ProgressGrouper.Group(rows.Select(ToCell).ToList(), grouping);
    }

    /// <summary>Today's counts per 団体 × 業務 row: what a monthly snapshot stores and regroups later.</summary>
    public async Task<IReadOnlyList<ProgressCell>> CellsAsync(CancellationToken ct = default) =>
        (await RowsAsync(ct)).Select(ToCell).ToList();

    private async Task<List<Row>> RowsAsync(CancellationToken ct)
    {
        var organizations = await db.Organizations.AsNoTracking().Where(o => o.AbolishedOn == null)
            .Select(o => new { o.Code, o.Name, o.Type }).ToListAsync(ct);
        var disabled = await SwitchedOffBusinesses.LoadAsync(db, ct);
        var counts = await db.Set<StepProgress>().AsNoTracking()
            .GroupBy(p => new { p.OrganizationCode, p.BusinessNumber, p.StepNumber, p.Status })
            .Select(g => new { g.Key.OrganizationCode, g.Key.BusinessNumber, g.Key.StepNumber, g.Key.Status, Count = g.Count() })
            .ToListAsync(ct);
        var byCell = counts.ToLookup(c => (c.OrganizationCode, c.BusinessNumber));

        // One tally per (団体, 業務) row, split by step so every grouping can be built from it.
        return organizations.SelectMany(o => MigrationCatalog.BusinessesOf(o.Type)
                .Where(b => !disabled.Contains((o.Code, b)))
                .Select(b => new Row(o.Code, o.Name, o.Type, b, byCell[(o.Code, b)].ToDictionary(c => c.StepNumber, c => c.Status))))
            .ToList();
    }

    /// <summary>The heat map 団体 × 業務 or 団体 × step of the current tenant, narrowed to a 団体区分 and/or one 業務
    /// (then only the 団体 reporting it appear). The prefecture first, then 団体コード order, unless sorted by 完了率.</summary>
    public async Task<HeatMap> HeatMapAsync(HeatMapQuery query, CancellationToken ct = default)
    {
        var organizations = (await db.Organizations.AsNoTracking().Where(o => o.AbolishedOn == null)
                .Select(o => new { o.Code, o.Name, o.Type }).ToListAsync(ct))
            .Where(o => query.Category is not { } category || o.Type.ToCategory() == category)
            .OrderBy(o => o.Type == OrganizationType.Prefecture ? 0 : 1).ThenBy(o => o.Code, StringComparer.Ordinal).ToList();
        var disabled = await SwitchedOffBusinesses.LoadAsync(db, ct);
        var records = db.Set<StepProgress>().AsNoTracking();
        if (query.Business is { } only) records = records.Where(p => p.BusinessNumber == only);
        var statuses = (await records.Select(p => new { p.OrganizationCode, p.BusinessNumber, p.StepNumber, p.Status }).ToListAsync(ct))
            .ToLookup(p => (p.OrganizationCode, p.BusinessNumber));

        var rows = new List<HeatMapRow>();
        foreach (var org in organizations)
        {
            var businesses = MigrationCatalog.BusinessesOf(org.Type)
                .Where(b => !disabled.Contains((org.Code, b)) && (query.Business is not { } only || b == only)).ToList();
            if (businesses.Count == 0 && query.Business is not null) continue;
            var perBusiness = businesses.ToDictionary(b => b, b => StepCounts.Of(StepsOf(statuses[(org.Code, b)].Select(p => (p.StepNumber, p.Status)))));
            var total = ProgressMath.FromCounts(perBusiness.Values.Aggregate(default(StepCounts), (sum, c) => sum + c), businesses.Count);
            IReadOnlyDictionary<int, ProgressRates> cells = query.Axis == HeatMapAxis.Step
                ? MigrationStepDefinition.All.ToDictionary(s => s.Number, s => StepRates(businesses.Select(b =>
                    statuses[(org.Code, b)].FirstOrDefault(p => p.StepNumber == s.Number)?.Status ?? StepStatus.NotStarted).ToList()))
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

    /// <summary>The 40 statuses of one row from its recorded steps (absent = 未着手).</summary>
    private static IEnumerable<StepStatus> StepsOf(IEnumerable<(int Step, StepStatus Status)> recorded)
    {
        var byStep = recorded.ToDictionary(r => r.Step, r => r.Status);
        return MigrationStepDefinition.All.Select(s => byStep.GetValueOrDefault(s.Number, StepStatus.NotStarted));
    }

    /// <summary>One step over several 業務: the share done, in progress and not started (rows = the number of 業務).</summary>
    private static ProgressRates StepRates(IReadOnlyCollection<StepStatus> statuses)
    {
        if (statuses.Count == 0) return default;
        var counts = StepCounts.Of(statuses);
        decimal n = statuses.Count;
        return new ProgressRates(counts.Done / n, counts.InProgress / n, counts.NotStarted / n, statuses.Count);
    }

    private sealed record Row(string Code, string Name, OrganizationType Type, int Business, Dictionary<int, StepStatus> Steps);

    private static ProgressCell ToCell(Row row)
    {
        int completed = 0, inProgress = 0, notApplicable = 0;
        foreach (var status in row.Steps.Values)
            switch (status)
            {
                case StepStatus.Completed: completed++; break;
                case StepStatus.InProgress: inProgress++; break;
                case StepStatus.NotApplicable: notApplicable++; break;
            }
        return new(row.Code, row.Name, row.Type, row.Business,
            new StepCounts(completed, inProgress, MigrationCatalog.StepCount - completed - inProgress - notApplicable, notApplicable));
    }

    private static ProgressGroup SumStep(MigrationStepDefinition step, List<Row> rows)
    {
        int completed = 0, inProgress = 0, notApplicable = 0;
        foreach (var row in rows)
            switch (row.Steps.GetValueOrDefault(step.Number, StepStatus.NotStarted))
            {
                case StepStatus.Completed: completed++; break;
                case StepStatus.InProgress: inProgress++; break;
                case StepStatus.NotApplicable: notApplicable++; break;
            }
        return new(step.Number.ToString(), $"{step.StepId} {step.Name}", rows.Count, completed, inProgress,
            rows.Count - completed - inProgress - notApplicable, notApplicable);
    }
}
