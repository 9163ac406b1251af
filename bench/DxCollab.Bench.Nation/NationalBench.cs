using System.Globalization;
using DxCollab.Platform.Organizations;
using DxCollab.Standardization.Tracking;

namespace DxCollab.Bench.Nation;

/// <summary>The national progress API (GET /api/v1/national/migration/progress, 団体区分 over 47 prefectures) as a
/// NationalViewer calls it, beside hand-written SQL over the national read model (Migration_NationalRows).</summary>
internal static class NationalBench
{
    public const string Path = "/api/v1/national/migration/progress?groupBy=category";

    public static async Task RunAsync(RunContext run, Session viewer)
    {
        var (o, report) = (run.Options, run.Report);
        report.Heading($"National progress API — {run.Db.Name}");
        await using (var admin = await run.Db.OpenAdminAsync())
        {
            var prefectures = await BenchDatabase.ScalarAsync(admin, "SELECT COUNT(DISTINCT \"PrefectureId\") FROM \"Migration_NationalRows\"");
            report.Line(FormattableString.Invariant($"The read model holds rows of {prefectures} prefectures."));
        }
        var product = CategoryBench.Parse(await viewer.GetTextAsync(Path));
        var baseline = await BaselineAsync(run.Db);
        var same = product.OrderBy(r => r.Key).SequenceEqual(baseline.OrderBy(r => r.Key));
        var (api, sql) = await CategoryBench.AlternateAsync(o, () => RunContext.TimeGetAsync(viewer.Client, Path),
            () => CategoryBench.TimeAsync(() => BaselineAsync(run.Db)));
        var (p50, b50) = (Stats.Median(api), Stats.Median(sql));
        var ratio = p50 / b50;
        report.Line($"`GET {Path}` as a NationalViewer (bearer token), one request at a time; baseline: one `SELECT type, count, sums … FROM "
                + $"Migration_NationalRows GROUP BY type` as dxcollab_app, plus the 団体 the bundled 総務省 list expects but nobody reported (40 未着手 each, "
                + $"counts per type computed once), folded into 団体区分 in C#. {o.Rounds} rounds after {o.WarmUp} warm-up, alternated.")
            .Line()
            .Line($"| | p50 (ms) | min | p90 |")
            .Line("|---|---|---|---|")
            .Line($"| API | {Stats.Ms(p50)} | {Stats.Ms(api.Min())} | {Stats.Ms(Stats.Percentile(api, 90))} |")
            .Line($"| hand-written SQL | {Stats.Ms(b50)} | {Stats.Ms(sql.Min())} | {Stats.Ms(Stats.Percentile(sql, 90))} |")
            .Line()
            .Line($"Same figures as the API: {(same ? "yes" : "**no**")}.");
        if (!same) report.Line("API: " + string.Join("; ", product) + " — SQL: " + string.Join("; ", baseline));
        report.Budget(new($"National API vs SQL, {run.Db.Name}", FormattableString.Invariant($"p50 {Stats.Ms(p50)} ms ({ratio:0.00}×)"),
            $"SQL p50 {Stats.Ms(b50)} ms", "≤ 1.5× the baseline", ratio <= 1.5 ? Outcome.Met : Outcome.Missed,
            FormattableString.Invariant($"the national API takes {ratio:0.0}× one SQL aggregate over the read model: the database sums per 団体 (≈ 1,800 grouped rows, one query with the tenant setting and authentication around it) where the baseline groups by 団体 type (7 rows); the bundled list's never-reported rows are then added in C# (NationalFold).")));
    }

    /// <summary>Rows the bundled 総務省 list expects per 団体 type (active 団体 × the 業務 they report): a row never
    /// reported counts as 40 未着手, as the API counts it. Reference data, computed once.</summary>
    private static readonly Dictionary<OrganizationType, int> ExpectedRows = LocalGovernmentList.Bundled.Where(b => b.SuccessorCode is null)
        .GroupBy(b => b.Type).ToDictionary(g => g.Key, g => g.Count() * MigrationCatalog.BusinessesOf(g.Key).Count);

    /// <summary>One aggregate over the read model; rows per type = expected − reported + reported and enabled (a row
    /// reported as switched off counts nowhere).</summary>
    private static async Task<List<TableRow>> BaselineAsync(BenchDatabase db)
    {
        await using var connection = await db.OpenBaselineAsync(null);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT "Type", COUNT(*), SUM(CASE WHEN "IsEnabled" THEN 1 ELSE 0 END),
                   SUM(CASE WHEN "IsEnabled" THEN "Completed" ELSE 0 END), SUM(CASE WHEN "IsEnabled" THEN "InProgress" ELSE 0 END),
                   SUM(CASE WHEN "IsEnabled" THEN "NotApplicable" ELSE 0 END)
            FROM "Migration_NationalRows" GROUP BY "Type"
            """;
        var reported = new Dictionary<OrganizationType, (int All, int Enabled, long C, long I, long Na)>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                reported[Enum.Parse<OrganizationType>(reader.GetString(0))] = (Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture),
                    Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture), Convert.ToInt64(reader.GetValue(3), CultureInfo.InvariantCulture),
                    Convert.ToInt64(reader.GetValue(4), CultureInfo.InvariantCulture), Convert.ToInt64(reader.GetValue(5), CultureInfo.InvariantCulture));
        return CategoryBench.Fold(Enum.GetValues<OrganizationType>().Select(type =>
        {
            var r = reported.GetValueOrDefault(type);
            return (type, Math.Max(0, ExpectedRows.GetValueOrDefault(type) - r.All) + r.Enabled, r.C, r.I, r.Na);
        }));
    }
}
