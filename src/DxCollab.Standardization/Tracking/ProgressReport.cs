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
        var organizations = await db.Organizations.AsNoTracking().Where(o => o.AbolishedOn == null)
            .Select(o => new { o.Code, o.Name, o.Type }).ToListAsync(ct);
        var disabled = await SwitchedOffBusinesses.LoadAsync(db, ct);
        var counts = await db.Set<StepProgress>().AsNoTracking()
            .GroupBy(p => new { p.OrganizationCode, p.BusinessNumber, p.StepNumber, p.Status })
            .Select(g => new { g.Key.OrganizationCode, g.Key.BusinessNumber, g.Key.StepNumber, g.Key.Status, Count = g.Count() })
            .ToListAsync(ct);
        var byCell = counts.ToLookup(c => (c.OrganizationCode, c.BusinessNumber));

        // One tally per (団体, 業務) row, split by step so every grouping can be built from it.
        var rows = organizations.SelectMany(o => MigrationCatalog.BusinessesOf(o.Type)
                .Where(b => !disabled.Contains((o.Code, b)))
                .Select(b => new Row(o.Code, o.Name, o.Type, b, byCell[(o.Code, b)].ToDictionary(c => c.StepNumber, c => c.Status))))
            .ToList();

        return grouping switch
        {
            ProgressGrouping.Organization => rows.GroupBy(r => (r.Code, r.Name)).OrderBy(g => g.Key.Code)
                .Select(g => Sum(g.Key.Code, g.Key.Name, g)).ToList(),
            ProgressGrouping.Business => rows.GroupBy(r => r.Business).OrderBy(g => g.Key)
                .Select(g => Sum(g.Key.ToString(), StandardBusiness.All.First(b => b.Number == g.Key).OfficialName, g)).ToList(),
            ProgressGrouping.Step => MigrationStepDefinition.All.Select(step => SumStep(step, rows)).ToList(),
            _ => ByCategory(rows),
        };
    }

    private sealed record Row(string Code, string Name, OrganizationType Type, int Business, Dictionary<int, StepStatus> Steps);

    private static IReadOnlyList<ProgressGroup> ByCategory(List<Row> rows)
    {
        // The 総務省 table's order: 全市区町村, then each 団体区分, 都道府県 last.
        var result = new List<ProgressGroup> { Sum(AllMunicipalitiesKey, "全市区町村", rows.Where(r => r.Type != OrganizationType.Prefecture)) };
        OrganizationCategory[] order = [OrganizationCategory.DesignatedCity, OrganizationCategory.SpecialWard, OrganizationCategory.CoreCity,
            OrganizationCategory.OtherCity, OrganizationCategory.TownOrVillage, OrganizationCategory.Prefecture];
        result.AddRange(order.Select(c => Sum(c.ToString(), c.ToJapanese(), rows.Where(r => r.Type.ToCategory() == c))));
        return result;
    }

    private static ProgressGroup Sum(string key, string label, IEnumerable<Row> rows)
    {
        int count = 0, completed = 0, inProgress = 0, notApplicable = 0;
        foreach (var row in rows)
        {
            count++;
            foreach (var status in row.Steps.Values)
            {
                switch (status)
                {
                    case StepStatus.Completed: completed++; break;
                    case StepStatus.InProgress: inProgress++; break;
                    case StepStatus.NotApplicable: notApplicable++; break;
                }
            }
        }
        var notStarted = count * MigrationCatalog.StepCount - completed - inProgress - notApplicable;
        return new(key, label, count, completed, inProgress, notStarted, notApplicable);
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
