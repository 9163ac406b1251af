using System.Data.Common;
using System.Diagnostics;
using System.Text.Json;
using DxCollab.Platform.Organizations;
using DxCollab.Platform.ReferenceData;

namespace DxCollab.Bench.Nation;

/// <summary>Counts of one row of a 団体区分 table, to check that a baseline computes what the product answers.</summary>
internal sealed record TableRow(string Key, int Rows, long Completed, long InProgress, long NotApplicable);

/// <summary>The 団体区分 table API (GET /api/v1/{tenant}/migration/progress?groupBy=category) beside a hand-written SQL
/// aggregate over the step rows (Migration_StepProgress) computing the same table on the same database.</summary>
internal static class CategoryBench
{
    public static async Task RunAsync(RunContext run)
    {
        var (o, report) = (run.Options, run.Report);
        var path = $"/api/v1/{run.Target.Tenant}/migration/progress?groupBy=category";
        report.Heading($"団体区分 table API — {run.Where}");
        var product = Parse(await run.Api.GetTextAsync(path));
        var baseline = await BaselineAsync(run.Db, run.Target.Tenant);
        var same = product.OrderBy(r => r.Key).SequenceEqual(baseline.OrderBy(r => r.Key));
        var (api, sql) = await AlternateAsync(o, () => RunContext.TimeGetAsync(run.Api.Client, path), () => TimeAsync(() => BaselineAsync(run.Db, run.Target.Tenant)));
        var load = await Hey.RunAsync(new Uri(run.Server.Address, path), 20, o.LoadSeconds, run.Api.Header);
        var (p50, b50) = (Stats.Median(api), Stats.Median(sql));
        var ratio = p50 / b50;
        report.Line($"`GET {path}` as the prefecture administrator (bearer token), body read whole (br/gzip), one request at a time; "
                + $"baseline: one hand-written SQL query on a pooled connection as dxcollab_app (団体 × 業務 rows less those switched off, "
                + $"joined to their step rows, counted by status and 団体 type; types folded into 団体区分 in C#). {o.Rounds} rounds each after {o.WarmUp} warm-up, alternated.")
            .Line()
            .Line("| | p50 (ms) | min | p90 |")
            .Line("|---|---|---|---|")
            .Line($"| API | {Stats.Ms(p50)} | {Stats.Ms(api.Min())} | {Stats.Ms(Stats.Percentile(api, 90))} |")
            .Line($"| hand-written SQL | {Stats.Ms(b50)} | {Stats.Ms(sql.Min())} | {Stats.Ms(Stats.Percentile(sql, 90))} |")
            .Line()
            .Line($"Same figures as the API: {(same ? "yes" : "**no**")} ({string.Join(", ", baseline.Select(r => $"{r.Key} {r.Rows} rows"))}). "
                + $"Under load (hey, 20 connections, {o.LoadSeconds} s, informative, no baseline): {load.Describe()}.");
        if (!same) report.Line("API: " + string.Join("; ", product) + " — SQL: " + string.Join("; ", baseline));
        report.Budget(new($"団体区分 API vs SQL, {run.Where}", FormattableString.Invariant($"p50 {Stats.Ms(p50)} ms ({ratio:0.00}×)"),
            $"SQL p50 {Stats.Ms(b50)} ms", "≤ 1.5× the baseline", ratio <= 1.5 ? Outcome.Met : Outcome.Missed,
            FormattableString.Invariant($"the API (HTTP, sign-in check, tally read, JSON) takes {ratio:0.0}× the time of one SQL aggregate over the step rows on {run.Db.Name}.")));
        if (run.Db.Provider == Provider.PostgreSql)
            report.Budget(new($"団体区分 API p50, {run.Where}", $"{Stats.Ms(p50)} ms", $"SQL {Stats.Ms(b50)} ms", "p50 < 50 ms",
                p50 < 50 ? Outcome.Met : Outcome.Missed, $"a prefecture waits {Stats.Ms(p50)} ms for its 団体区分 table."));
    }

    /// <summary>Alternates the product and its baseline (warm-up first), so both see the same machine state.</summary>
    public static async Task<(List<double> Product, List<double> Baseline)> AlternateAsync(BenchOptions o, Func<Task<double>> product, Func<Task<double>> baseline)
    {
        for (var i = 0; i < o.WarmUp; i++) { await product(); await baseline(); }
        var (p, b) = (new List<double>(), new List<double>());
        for (var i = 0; i < o.Rounds; i++)
        {
            p.Add(await product());
            b.Add(await baseline());
        }
        return (p, b);
    }

    public static async Task<double> TimeAsync<T>(Func<Task<T>> work)
    {
        var clock = Stopwatch.StartNew();
        await work();
        return clock.Elapsed.TotalMilliseconds;
    }

    public static List<TableRow> Parse(string json) =>
        [.. JsonDocument.Parse(json).RootElement.EnumerateArray().Select(e => new TableRow(e.GetProperty("key").GetString()!, e.GetProperty("rows").GetInt32(),
            e.GetProperty("completed").GetInt64(), e.GetProperty("inProgress").GetInt64(), e.GetProperty("notApplicable").GetInt64()))];

    /// <summary>Folds counts per 団体 type into the 総務省 table (全市区町村, each 団体区分, 都道府県).</summary>
    public static List<TableRow> Fold(IEnumerable<(OrganizationType Type, int Rows, long Completed, long InProgress, long NotApplicable)> perType)
    {
        var list = perType.ToList();
        TableRow Sum(string key, Func<OrganizationType, bool> which)
        {
            var rows = list.Where(t => which(t.Type)).ToList();
            return new(key, rows.Sum(r => r.Rows), rows.Sum(r => r.Completed), rows.Sum(r => r.InProgress), rows.Sum(r => r.NotApplicable));
        }
        var result = new List<TableRow> { Sum("all-municipalities", t => t != OrganizationType.Prefecture) };
        result.AddRange(Enum.GetValues<OrganizationCategory>().Select(c => Sum(c.ToString(), t => t.ToCategory() == c)));
        return result;
    }

    private static readonly string Sql = BuildSql();

    private static string BuildSql()
    {
        var all = string.Join(", ", StandardBusiness.All.Select(b => $"({b.Number})"));
        var prefecture = string.Join(", ", StandardBusiness.All.Where(b => b.ReportedByPrefecture).Select(b => b.Number));
        return $"""
            WITH b(n) AS (VALUES {all}),
            o AS (SELECT CAST("Code" AS VARCHAR(6)) AS code, "Type" AS type FROM "Platform_Organizations" WHERE "TenantId" = @t AND "AbolishedOn" IS NULL),
            r AS (SELECT o.code, o.type, b.n AS business FROM o CROSS JOIN b
                  WHERE (o.type <> {(int)OrganizationType.Prefecture} OR b.n IN ({prefecture}))
                    AND NOT EXISTS (SELECT 1 FROM "Migration_BusinessSystems" s WHERE s."TenantId" = @t AND s."OrganizationCode" = o.code
                                    AND s."BusinessNumber" = b.n AND NOT s."IsEnabled")),
            s AS (SELECT r.type,
                         SUM(CASE WHEN p."Status" = 'Completed' THEN 1 ELSE 0 END) AS completed,
                         SUM(CASE WHEN p."Status" = 'InProgress' THEN 1 ELSE 0 END) AS in_progress,
                         SUM(CASE WHEN p."Status" = 'NotApplicable' THEN 1 ELSE 0 END) AS not_applicable
                  FROM r JOIN "Migration_StepProgress" p ON p."TenantId" = @t AND p."OrganizationCode" = r.code AND p."BusinessNumber" = r.business
                  GROUP BY r.type),
            n AS (SELECT type, COUNT(*) AS row_count FROM r GROUP BY type)
            SELECT n.type, n.row_count, COALESCE(s.completed, 0), COALESCE(s.in_progress, 0), COALESCE(s.not_applicable, 0)
            FROM n LEFT JOIN s ON s.type = n.type
            """;
    }

    public static async Task<List<TableRow>> BaselineAsync(BenchDatabase db, string tenant)
    {
        await using var connection = await db.OpenBaselineAsync(tenant);
        await using var command = connection.CreateCommand();
        command.CommandText = Sql;
        var t = command.CreateParameter();
        t.ParameterName = "t";
        t.Value = tenant;
        command.Parameters.Add(t);
        var perType = new List<(OrganizationType, int, long, long, long)>();
        await using DbDataReader reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            perType.Add(((OrganizationType)Convert.ToInt32(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture),
                Convert.ToInt32(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture),
                Convert.ToInt64(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture),
                Convert.ToInt64(reader.GetValue(3), System.Globalization.CultureInfo.InvariantCulture),
                Convert.ToInt64(reader.GetValue(4), System.Globalization.CultureInfo.InvariantCulture)));
        return Fold(perType);
    }
}
