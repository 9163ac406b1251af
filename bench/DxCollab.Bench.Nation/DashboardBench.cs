namespace DxCollab.Bench.Nation;

/// <summary>The prefecture dashboard page (/{tenant}/migration) under load beside the municipality grid page
/// (/{tenant}/migration/{団体コード}) of the same app, same user (the prefecture administrator's cookie), same load.</summary>
internal static class DashboardBench
{
    public static async Task RunAsync(RunContext run)
    {
        var (o, report, t) = (run.Options, run.Report, run.Target);
        var dashboard = new Uri(run.Server.Address, $"/{t.Tenant}/migration");
        var grid = new Uri(run.Server.Address, $"/{t.Tenant}/migration/{t.GridOrganization}");
        report.Heading($"Prefecture dashboard under load — {run.Where}");
        // Warm-up: both pages compiled, caches and pools filled.
        foreach (var uri in new[] { dashboard, grid })
        {
            await RunContext.TimeGetAsync(run.Pages.Client, uri.PathAndQuery);
            await Hey.RunAsync(uri, 4, 2, run.Pages.Header);
        }
        report.Line($"hey on loopback, {o.LoadSeconds} s per run, the administrator's Identity cookie from the login form, Accept-Encoding br, gzip; "
                + $"the grid page of {t.GridName} ({t.GridOrganization}) is the baseline. Runs alternate grid, dashboard at each connection count, "
                + $"{o.LoadRounds} run(s) each; the table gives each page's median run (by req/s).")
            .Line()
            .Line("| connections | page | req/s | p50 (ms) | p99 (ms) | requests | not 2xx |")
            .Line("|---|---|---|---|---|---|---|");
        var notes = new List<string>();
        foreach (var connections in new[] { 20, 100 })
        {
            var (grids, dashboards) = (new List<LoadResult>(), new List<LoadResult>());
            for (var round = 0; round < o.LoadRounds; round++)
            {
                grids.Add(await Hey.RunAsync(grid, connections, o.LoadSeconds, run.Pages.Header));
                dashboards.Add(await Hey.RunAsync(dashboard, connections, o.LoadSeconds, run.Pages.Header));
            }
            var (g, d) = (MedianRun(grids), MedianRun(dashboards));
            foreach (var (name, r) in new[] { ("grid " + t.GridOrganization, g), ("dashboard", d) })
                report.Line(FormattableString.Invariant($"| {connections} | {name} | {r.RequestsPerSecond:0.0} | {Stats.Ms(r.P50Ms)} | {Stats.Ms(r.P99Ms)} | {r.Requests} | {(r.Failed == 0 ? "0" : r.Statuses)} |"));
            if (g.Failed + d.Failed > 0)
            {
                // A page that throws is redirected to /error/{status} (302): say what the server logged.
                var errors = System.Text.RegularExpressions.Regex.Matches(run.Server.LogTail, @"[A-Za-z.]+Exception( \(0x[0-9A-Fa-f]+\))?: [^\\""]{0,200}")
                    .Select(m => m.Value).Distinct().Take(3).ToList();
                notes.Add($"Not 2xx at {connections} connections (302 = the page threw and was sent to /error/…). Server log: "
                    + (errors.Count == 0 ? "no exception in its last lines." : string.Join(" / ", errors.Select(e => $"`{e.Replace('`', '\'')}`"))));
            }
            var share = d.RequestsPerSecond / g.RequestsPerSecond;
            var failed = d.Failed + g.Failed > 0;
            report.Budget(new($"Dashboard req/s vs grid page, {connections} connections, {run.Where}",
                FormattableString.Invariant($"{d.RequestsPerSecond:0.0} req/s ({share * 100:0.0}%)"), FormattableString.Invariant($"grid {g.RequestsPerSecond:0.0} req/s"),
                "≥ 50% of the grid's", failed ? Outcome.Unmeasured : share >= 0.5 ? Outcome.Met : Outcome.Missed,
                failed ? $"not every answer was 2xx (grid: {(g.Failed > 0 ? g.Statuses : "all 2xx")}; dashboard: {(d.Failed > 0 ? d.Statuses : "all 2xx")})"
                    : FormattableString.Invariant($"under {connections} connections the dashboard serves {share * 100:0.0}% of the grid page's rate: {d.RequestsPerSecond:0.0} vs {g.RequestsPerSecond:0.0} pages/s.")));
            if (connections == 20)
                report.Budget(new($"Dashboard p99 at 20 connections, {run.Where}", $"{Stats.Ms(d.P99Ms)} ms", $"grid p99 {Stats.Ms(g.P99Ms)} ms", "p99 < 300 ms",
                    failed ? Outcome.Unmeasured : d.P99Ms < 300 ? Outcome.Met : Outcome.Missed,
                    $"one request in a hundred waits {Stats.Ms(d.P99Ms)} ms or more for the dashboard while 20 users load it."));
        }
        foreach (var note in notes) report.Line().Line(note);
    }

    /// <summary>The run with the median requests/s (its latencies with it, so one row is one real run).</summary>
    private static LoadResult MedianRun(List<LoadResult> runs) => runs.OrderBy(r => r.RequestsPerSecond).ElementAt(runs.Count / 2);
}
