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
public sealed class NationalProgressReport(DxCollabDbContext db, ProgressFigures figures)
{
    public const string AllMunicipalitiesKey = ProgressReport.AllMunicipalitiesKey;

    /// <summary>The national table, summed by the database: per reported 団体 (団体区分, prefecture) or per 業務, a few
    /// thousand grouped rows instead of every one of the ≈ 35,000 rows (bench: 13–26× one SQL aggregate before). Equal to
    /// <see cref="Build"/> over every row, which stays the definition (tests compare both).</summary>
    public Task<IReadOnlyList<NationalProgressGroup>> ComputeAsync(NationalGrouping grouping, CancellationToken ct = default) =>
        // Computed once per change of the read model, not per request (ProgressFigures): the API and the national page.
        figures.GetNationalAsync(grouping.ToString(), c => ComputeFreshAsync(grouping, c), ct);

    private async Task<IReadOnlyList<NationalProgressGroup>> ComputeFreshAsync(NationalGrouping grouping, CancellationToken ct)
    {
        var rows = db.Set<NationalProgressRow>().AsNoTracking();
        var bodies = (await rows.GroupBy(r => new { r.PrefectureId, r.OrganizationCode, r.Type, r.IsEnabled })
            .Select(g => new { g.Key.PrefectureId, g.Key.OrganizationCode, g.Key.Type, g.Key.IsEnabled, Rows = g.Count(),
                Completed = g.Sum(r => r.Completed), InProgress = g.Sum(r => r.InProgress), NotStarted = g.Sum(r => r.NotStarted),
                NotApplicable = g.Sum(r => r.NotApplicable) })
            .ToListAsync(ct))
            .Select(g => new ReportedBody(g.PrefectureId, g.OrganizationCode, g.Type, g.IsEnabled, g.Rows,
                new StepCounts(g.Completed, g.InProgress, g.NotStarted, g.NotApplicable)))
            .ToList();
        if (grouping != NationalGrouping.Business) return NationalFold.ByBody(LocalGovernmentList.Bundled, bodies, grouping);

        var businesses = (await rows.GroupBy(r => new { r.BusinessNumber, r.IsEnabled })
            .Select(g => new { g.Key.BusinessNumber, g.Key.IsEnabled, Rows = g.Count(), Completed = g.Sum(r => r.Completed),
                InProgress = g.Sum(r => r.InProgress), NotStarted = g.Sum(r => r.NotStarted), NotApplicable = g.Sum(r => r.NotApplicable) })
            .ToListAsync(ct))
            .Select(g => new ReportedBusiness(g.BusinessNumber, g.IsEnabled, g.Rows, new StepCounts(g.Completed, g.InProgress, g.NotStarted, g.NotApplicable)))
            .ToList();
        // Rows of 団体 the list does not know (added later by a tenant): few or none, read one by one.
        var unlisted = NationalFold.Unlisted(LocalGovernmentList.Bundled, bodies).Select(b => (b.PrefectureId, b.OrganizationCode)).ToHashSet();
        var codes = unlisted.Select(u => u.OrganizationCode).Distinct().ToList();
        List<int> unlistedRows = codes.Count == 0 ? [] : (await rows.Where(r => codes.Contains(r.OrganizationCode))
            .Select(r => new { r.PrefectureId, r.OrganizationCode, r.BusinessNumber }).ToListAsync(ct))
            .Where(r => unlisted.Contains((r.PrefectureId, r.OrganizationCode))).Select(r => r.BusinessNumber).ToList();
        return NationalFold.ByBusiness(LocalGovernmentList.Bundled, businesses, unlistedRows);
    }

    /// <summary>The tenant id of a prefecture code (27 → osaka).</summary>
    public static string PrefectureIdOf(string prefectureCode) => PrefectureCatalog.Identifiers[int.Parse(prefectureCode, System.Globalization.CultureInfo.InvariantCulture) - 1];

    /// <summary>The national table from the 団体 list (the denominator) and every reported row: the definition
    /// <see cref="ComputeAsync"/> must equal.</summary>
    public static IReadOnlyList<NationalProgressGroup> Build(IEnumerable<LocalGovernmentRecord> bodies, IEnumerable<NationalRow> reported, NationalGrouping grouping)
    {
        var list = bodies.ToList();
        var rows = new Dictionary<(string Prefecture, string Code, int Business), NationalRow>();
        foreach (var body in NationalFold.Listed(list))
            foreach (var business in MigrationCatalog.BusinessesOf(body.Type))
                rows[(body.PrefectureId, body.Code, business)] = new(body.PrefectureId, body.Code, body.Type, business, true, NationalFold.Untouched(1));
        foreach (var row in reported)
        {
            var key = (row.PrefectureId, row.OrganizationCode, row.BusinessNumber);
            if (row.IsEnabled) rows[key] = row;
            else rows.Remove(key);
        }
        return NationalFold.Group(list, rows.Values.Select(r => new NationalPart(r.PrefectureId, r.Type, r.BusinessNumber, 1, r.Counts)), grouping);
    }
}
