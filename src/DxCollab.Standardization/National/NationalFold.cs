using DxCollab.Platform.Organizations;
using DxCollab.Platform.ReferenceData;
using DxCollab.Platform.Tenancy;
using DxCollab.Standardization.Tracking;

namespace DxCollab.Standardization.National;

/// <summary>Reported rows of one 団体 summed by the database (per 団体 and switch state).</summary>
public sealed record ReportedBody(string PrefectureId, string OrganizationCode, OrganizationType Type, bool IsEnabled, int Rows, StepCounts Counts);

/// <summary>Reported rows of one 業務 summed by the database (per switch state).</summary>
public sealed record ReportedBusiness(int BusinessNumber, bool IsEnabled, int Rows, StepCounts Counts);

/// <summary>Rows (possibly a negative number of them: expected rows a report replaced) with their counts, and what a
/// grouping needs to place them. <see cref="BusinessNumber"/> 0 = a whole 団体's rows (not grouped by 業務).</summary>
public sealed record NationalPart(string PrefectureId, OrganizationType Type, int BusinessNumber, int Rows, StepCounts Counts);

/// <summary>The national table from grouped sums: the bundled list's expected 団体 × 業務 rows (40 未着手 each), plus the
/// enabled reported rows, less the expected rows a report replaced (enabled) or removed (switched off). A listed 団体's
/// reported 業務 are the ones it is expected to report (the tenant's 団体 come from the same list).</summary>
public static class NationalFold
{
    public sealed record ListedBody(string PrefectureId, string Code, OrganizationType Type);

    public static StepCounts Untouched(int rows) => new(0, 0, ProgressMath.StepsPerRow * rows, 0);

    /// <summary>The active 団体 of the list (merged ones left out) with their tenant id.</summary>
    public static IEnumerable<ListedBody> Listed(IEnumerable<LocalGovernmentRecord> bodies) =>
        bodies.Where(b => b.SuccessorCode is null).Select(b => new ListedBody(NationalProgressReport.PrefectureIdOf(b.PrefectureCode), b.Code, b.Type));

    /// <summary>Reported 団体 the list does not hold (or holds under another prefecture).</summary>
    public static IEnumerable<ReportedBody> Unlisted(IReadOnlyList<LocalGovernmentRecord> bodies, IEnumerable<ReportedBody> reported)
    {
        var listed = Listed(bodies).Select(b => (b.PrefectureId, b.Code)).ToHashSet();
        return reported.Where(r => !listed.Contains((r.PrefectureId, r.OrganizationCode)));
    }

    /// <summary>By 団体区分 or prefecture, from per-団体 sums.</summary>
    public static IReadOnlyList<NationalProgressGroup> ByBody(IReadOnlyList<LocalGovernmentRecord> bodies, IEnumerable<ReportedBody> reported, NationalGrouping grouping)
    {
        var listed = Listed(bodies).ToDictionary(b => (b.PrefectureId, b.Code));
        var parts = new List<NationalPart>();
        foreach (var body in listed.Values)
        {
            var n = MigrationCatalog.BusinessesOf(body.Type).Count;
            parts.Add(new(body.PrefectureId, body.Type, 0, n, Untouched(n)));
        }
        foreach (var r in reported)
        {
            if (r.IsEnabled) parts.Add(new(r.PrefectureId, r.Type, 0, r.Rows, r.Counts));
            if (listed.TryGetValue((r.PrefectureId, r.OrganizationCode), out var body))
                parts.Add(new(body.PrefectureId, body.Type, 0, -r.Rows, Untouched(-r.Rows)));
        }
        return Group(bodies, parts, grouping);
    }

    /// <summary>By 業務, from per-業務 sums and the 業務 of the rows of unlisted 団体 (which replaced no expected row).</summary>
    public static IReadOnlyList<NationalProgressGroup> ByBusiness(IReadOnlyList<LocalGovernmentRecord> bodies, IEnumerable<ReportedBusiness> reported,
        IEnumerable<int> unlistedRowBusinesses)
    {
        // The list's expected rows, one part per 業務 (not one per 団体 × 業務: ≈ 35,000 of them).
        var parts = Listed(bodies).SelectMany(b => MigrationCatalog.BusinessesOf(b.Type)).CountBy(business => business)
            .Select(c => new NationalPart("", OrganizationType.City, c.Key, c.Value, Untouched(c.Value))).ToList();
        foreach (var r in reported)
        {
            if (r.IsEnabled) parts.Add(new("", OrganizationType.City, r.BusinessNumber, r.Rows, r.Counts));
            parts.Add(new("", OrganizationType.City, r.BusinessNumber, -r.Rows, Untouched(-r.Rows)));
        }
        foreach (var business in unlistedRowBusinesses) parts.Add(new("", OrganizationType.City, business, 1, Untouched(1)));
        return Group(bodies, parts, NationalGrouping.Business);
    }

    public static IReadOnlyList<NationalProgressGroup> Group(IEnumerable<LocalGovernmentRecord> bodies, IEnumerable<NationalPart> parts, NationalGrouping grouping)
    {
        var all = parts as IReadOnlyCollection<NationalPart> ?? parts.ToList();
        switch (grouping)
        {
            case NationalGrouping.Prefecture:
                var names = bodies.Where(b => b.Type == OrganizationType.Prefecture)
                    .ToDictionary(b => NationalProgressReport.PrefectureIdOf(b.PrefectureCode), b => b.Name);
                var byPrefecture = all.ToLookup(p => p.PrefectureId);
                return PrefectureCatalog.Identifiers.Select(id => Sum(id, names.GetValueOrDefault(id, id), byPrefecture[id])).ToList();
            case NationalGrouping.Business:
                var byBusiness = all.ToLookup(p => p.BusinessNumber);
                return StandardBusiness.All.Select(b => Sum(b.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), b.OfficialName,
                    byBusiness[b.Number])).ToList();
            default:
                var byCategory = all.ToLookup(p => p.Type.ToCategory());
                var result = new List<NationalProgressGroup>
                {
                    Sum(NationalProgressReport.AllMunicipalitiesKey, "全市区町村", all.Where(p => p.Type != OrganizationType.Prefecture)),
                };
                result.AddRange(ProgressGrouper.CategoryOrder.Select(c => Sum(c.ToString(), c.ToJapanese(), byCategory[c])));
                return result;
        }
    }

    private static NationalProgressGroup Sum(string key, string label, IEnumerable<NationalPart> parts)
    {
        var counts = default(StepCounts);
        var rows = 0;
        foreach (var part in parts)
        {
            counts += part.Counts;
            rows += part.Rows;
        }
        return new(key, label, rows, counts);
    }
}
