using DxCollab.Platform.Data;
using DxCollab.Platform.Organizations;
using DxCollab.Platform.ReferenceData;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Standardization.Tracking;

public enum ProgressGrouping { Category, Organization, Business, Step }

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
