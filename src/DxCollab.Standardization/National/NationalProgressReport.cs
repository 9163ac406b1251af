using DxCollab.Platform.Data;
using DxCollab.Platform.Organizations;
using DxCollab.Platform.ReferenceData;
using DxCollab.Platform.Tenancy;
using DxCollab.Standardization.Tracking;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Standardization.National;

public enum NationalGrouping { Category, Prefecture, Business }

/// <summary>One row of the national read model as the report sees it.</summary>
public sealed record NationalRow(string PrefectureId, string OrganizationCode, OrganizationType Type, int BusinessNumber, bool IsEnabled, StepCounts Counts);

/// <summary>Summed counts of a group of 団体 × 業務 rows; rates as 総務省 computes them (sums / (40 × rows)).</summary>
public sealed record NationalProgressGroup(string Key, string Label, int Rows, StepCounts Counts)
{
    public ProgressRates Rates => ProgressMath.FromCounts(Counts, Rows);
}

/// <summary>National progress (host level), from the national read model only — never from tenant tables. The
/// denominator is every active 団体 of the bundled 総務省 list × the 業務 it reports: a row never reported counts as
/// 40 未着手, a row reported as switched off counts nowhere, and a reported row of a 団体 the list does not know
/// (added later by a tenant) still counts.</summary>
public sealed class NationalProgressReport(DxCollabDbContext db)
{
    public const string AllMunicipalitiesKey = ProgressReport.AllMunicipalitiesKey;

    public async Task<IReadOnlyList<NationalProgressGroup>> ComputeAsync(NationalGrouping grouping, CancellationToken ct = default)
    {
        var reported = await db.Set<NationalProgressRow>().AsNoTracking()
            .Select(r => new { r.PrefectureId, r.OrganizationCode, r.Type, r.BusinessNumber, r.IsEnabled, r.Completed, r.InProgress, r.NotStarted, r.NotApplicable })
            .ToListAsync(ct);
        return Build(LocalGovernmentList.Bundled, reported.Select(r => new NationalRow(r.PrefectureId, r.OrganizationCode, r.Type, r.BusinessNumber,
            r.IsEnabled, new StepCounts(r.Completed, r.InProgress, r.NotStarted, r.NotApplicable))), grouping);
    }

    /// <summary>The tenant id of a prefecture code (27 → osaka).</summary>
    public static string PrefectureIdOf(string prefectureCode) => PrefectureCatalog.Identifiers[int.Parse(prefectureCode, System.Globalization.CultureInfo.InvariantCulture) - 1];

    /// <summary>The national table from the 団体 list (the denominator) and the reported rows.</summary>
    public static IReadOnlyList<NationalProgressGroup> Build(IEnumerable<LocalGovernmentRecord> bodies, IEnumerable<NationalRow> reported, NationalGrouping grouping)
    {
        var untouched = new StepCounts(0, 0, ProgressMath.StepsPerRow, 0);
        var rows = new Dictionary<(string Prefecture, string Code, int Business), NationalRow>();
        var prefectureNames = new Dictionary<string, string>();
        foreach (var body in bodies)
        {
            var prefecture = PrefectureIdOf(body.PrefectureCode);
            if (body.Type == OrganizationType.Prefecture) prefectureNames[prefecture] = body.Name;
            if (body.SuccessorCode is not null) continue; // merged into another body
            foreach (var business in MigrationCatalog.BusinessesOf(body.Type))
                rows[(prefecture, body.Code, business)] = new(prefecture, body.Code, body.Type, business, true, untouched);
        }
        foreach (var row in reported)
        {
            var key = (row.PrefectureId, row.OrganizationCode, row.BusinessNumber);
            if (row.IsEnabled) rows[key] = row;
            else rows.Remove(key);
        }

        var all = rows.Values.ToList();
        return grouping switch
        {
            NationalGrouping.Prefecture => PrefectureCatalog.Identifiers
                .Select(id => Sum(id, prefectureNames.GetValueOrDefault(id, id), all.Where(r => r.PrefectureId == id))).ToList(),
            NationalGrouping.Business => StandardBusiness.All
                .Select(b => Sum(b.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), b.OfficialName, all.Where(r => r.BusinessNumber == b.Number)))
                .ToList(),
            _ => ByCategory(all),
        };
    }

    private static List<NationalProgressGroup> ByCategory(List<NationalRow> rows)
    {
        // The 総務省 table's order: 全市区町村, then each 団体区分, 都道府県 last.
        var result = new List<NationalProgressGroup> { Sum(AllMunicipalitiesKey, "全市区町村", rows.Where(r => r.Type != OrganizationType.Prefecture)) };
        OrganizationCategory[] order = [OrganizationCategory.DesignatedCity, OrganizationCategory.SpecialWard, OrganizationCategory.CoreCity,
            OrganizationCategory.OtherCity, OrganizationCategory.TownOrVillage, OrganizationCategory.Prefecture];
        result.AddRange(order.Select(c => Sum(c.ToString(), c.ToJapanese(), rows.Where(r => r.Type.ToCategory() == c))));
        return result;
    }

    private static NationalProgressGroup Sum(string key, string label, IEnumerable<NationalRow> rows)
    {
        var counts = default(StepCounts);
        var count = 0;
        foreach (var row in rows)
        {
            counts += row.Counts;
            count++;
        }
        return new(key, label, count, counts);
    }
}
