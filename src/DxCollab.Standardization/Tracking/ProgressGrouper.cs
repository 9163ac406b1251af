using DxCollab.Platform.Organizations;
using DxCollab.Platform.ReferenceData;

namespace DxCollab.Standardization.Tracking;

/// <summary>The status counts of one 団体 × 業務 row: what every grouping except "step" adds up, and what a monthly
/// snapshot keeps (with the 団体's name and type as they were, so a past table never changes).</summary>
public sealed record ProgressCell(string OrganizationCode, string OrganizationName, OrganizationType Type, int BusinessNumber, StepCounts Counts);

/// <summary>Groups 団体 × 業務 rows as the 総務省 table does (団体区分), or by 団体 or 業務: counts summed over the rows,
/// rates over 40 × rows. Used for today's figures (<see cref="ProgressReport"/>) and for every snapshot alike.</summary>
public static class ProgressGrouper
{
    /// <summary>The 総務省 table's order: 全市区町村, then each 団体区分, 都道府県 last.</summary>
    public static IReadOnlyList<OrganizationCategory> CategoryOrder { get; } =
    [
        OrganizationCategory.DesignatedCity, OrganizationCategory.SpecialWard, OrganizationCategory.CoreCity,
        OrganizationCategory.OtherCity, OrganizationCategory.TownOrVillage, OrganizationCategory.Prefecture,
    ];

    public static IReadOnlyList<ProgressGroup> Group(IReadOnlyCollection<ProgressCell> cells, ProgressGrouping grouping) => grouping switch
    {
        ProgressGrouping.Organization => cells.GroupBy(c => c.OrganizationCode).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Sum(g.Key, g.First().OrganizationName, g)).ToList(),
        ProgressGrouping.Business => cells.GroupBy(c => c.BusinessNumber).OrderBy(g => g.Key)
            .Select(g => Sum(g.Key.ToString(), BusinessName(g.Key), g)).ToList(),
        ProgressGrouping.Category => ByCategory(cells),
        _ => throw new ArgumentOutOfRangeException(nameof(grouping), grouping, "Step figures need the step statuses, not row counts."),
    };

    public static string BusinessName(int number) => StandardBusiness.All.First(b => b.Number == number).OfficialName;

    private static List<ProgressGroup> ByCategory(IReadOnlyCollection<ProgressCell> cells)
    {
        var result = new List<ProgressGroup> { Sum(ProgressReport.AllMunicipalitiesKey, "全市区町村", cells.Where(c => c.Type != OrganizationType.Prefecture)) };
        result.AddRange(CategoryOrder.Select(category => Sum(category.ToString(), category.ToJapanese(), cells.Where(c => c.Type.ToCategory() == category))));
        return result;
    }

    private static ProgressGroup Sum(string key, string label, IEnumerable<ProgressCell> cells)
    {
        var rows = 0;
        var counts = default(StepCounts);
        foreach (var cell in cells)
        {
            rows++;
            counts += cell.Counts;
        }
        return new(key, label, rows, counts.Completed, counts.InProgress, counts.NotStarted, counts.NotApplicable);
    }
}
