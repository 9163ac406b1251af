using System.Globalization;

namespace DxCollab.Bench.Nation;

internal static class NationMain
{
    public static async Task<int> Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        BenchOptions options;
        try { options = BenchOptions.Parse(args); }
        catch (UsageException ex)
        {
            Console.Error.WriteLine(ex.Message.Length > 0 ? ex.Message + "\n" + BenchOptions.Usage : BenchOptions.Usage);
            return ex.Message.Length > 0 ? 2 : 0;
        }
        var started = DateTime.UtcNow;
        var report = new Report();
        var data = new List<string>();

        foreach (var provider in options.Providers)
        {
            if (!NeedsDatabase(options, provider)) continue;
            try
            {
                await RunProviderAsync(options, report, provider, data);
            }
            catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or HttpRequestException or System.Data.Common.DbException)
            {
                Console.Error.WriteLine(ex);
                report.Heading($"{provider}: failed").Line("```").Line(ex.Message.Length > 3000 ? ex.Message[..3000] : ex.Message).Line("```");
                report.Unmeasured($"Everything on {provider}", "–", ex.Message.Split('\n')[0]);
            }
        }
        if (options.Runs("pages") && !options.DemoData)
        {
            // The nation holds 標準化 data only: the other modules' pages are measured on the demo (osaka), which has them all.
            try { await DemoPagesAsync(options, report, data); }
            catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or HttpRequestException)
            {
                report.Unmeasured("Page bytes (demo data)", "≤ 150 KB each", ex.Message.Split('\n')[0]);
            }
        }
        if (options.Runs("demo")) await DemoStartBench.RunAsync(report, options.DemoStartRounds);

        var header = new System.Text.StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"# National scale budgets (#12) — {started:yyyy-MM-dd HH:mm} UTC")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"- Command: `{options.CommandLine}`{(options.Quick ? " (**quick mode**: short load and few rounds, for trying the harness — not the figures to judge by)" : "")}")
            .AppendLine(CultureInfo.InvariantCulture, $"- Machine: {Machine.Describe()}")
            .AppendLine(CultureInfo.InvariantCulture, $"- Commit: {Machine.Commit()}")
            .AppendLine(CultureInfo.InvariantCulture, $"- Load: hey on loopback, {options.LoadSeconds} s per run; single requests: {options.Rounds} rounds after {options.WarmUp} warm-up, medians")
            .AppendLine(CultureInfo.InvariantCulture, $"- Data: {(data.Count == 0 ? "–" : string.Join("; ", data))}")
            .AppendLine(CultureInfo.InvariantCulture, $"- Took {(DateTime.UtcNow - started).TotalMinutes:0.0} min")
            .ToString();
        var text = report.Render(header);
        var results = Path.Combine(Machine.RepositoryRoot, "bench", "results");
        Directory.CreateDirectory(results);
        var file = Path.Combine(results, $"nation-{started:yyyyMMdd-HHmm}.md");
        await File.WriteAllTextAsync(file, text);
        Console.WriteLine();
        Console.WriteLine(text);
        Console.WriteLine($"Report: {Path.GetRelativePath(Machine.RepositoryRoot, file)} (exit {report.ExitCode})");
        return report.ExitCode;
    }

    private static readonly string[] ServerSections = ["category", "dashboard", "national", "import", "pages"];

    private static bool NeedsDatabase(BenchOptions o, Provider p) =>
        ServerSections.Any(o.Runs) || (o.Runs("reminders") && p == Provider.PostgreSql);

    private static async Task RunProviderAsync(BenchOptions o, Report report, Provider provider, List<string> data)
    {
        var db = await BenchDatabase.PrepareAsync(provider, o);
        var dropped = await db.DropUnsentEmailsAsync();
        data.Add($"{db.Name}: {(o.DemoData ? "demo (osaka)" : provider == Provider.PostgreSql ? "the generated nation (47 prefectures)" : "the generated nation, 北海道 only")}, {db.Origin}"
                 + (dropped > 0 ? $"; {dropped:N0} e-mails left unsent by earlier reminder scans removed first (the server would spend the run sending them)" : ""));
        // The nation: 47 prefectures on PostgreSQL (national API, reminders), 北海道 alone on SQLite.
        var national = provider == Provider.PostgreSql || o.DemoData;
        if (national && !o.DemoData && (o.Runs("national") || o.Runs("pages")))
        {
            await using var host = new AppHost(db);
            await host.EnsureNationalViewerAsync(db.Target.NationalViewer, db.Target.Password);
        }
        if (ServerSections.Any(o.Runs))
        {
            await using var server = await WebServer.StartAsync(db);
            using var api = await Session.ApiAsync(server.Address, db.Target.Tenant, db.Target.Admin, db.Target.Password);
            using var pages = await Session.CookieAsync(server.Address, db.Target.Tenant, db.Target.Admin, db.Target.Password);
            var run = new RunContext(o, report, db, server, api, pages);
            if (o.Runs("category")) await GuardAsync(report, $"団体区分 API, {run.Where}", () => CategoryBench.RunAsync(run));
            if (o.Runs("dashboard")) await GuardAsync(report, $"Dashboard under load, {run.Where}", () => DashboardBench.RunAsync(run));
            if (national && o.Runs("national"))
                await GuardAsync(report, $"National API, {db.Name}", async () =>
                {
                    using var viewer = await Session.ApiAsync(server.Address, null, db.Target.NationalViewer, db.Target.Password);
                    await NationalBench.RunAsync(run, viewer);
                });
            if (o.Runs("pages") && provider == o.Providers[0])
                await GuardAsync(report, $"Page bytes, {run.Where}", async () =>
                {
                    using var ops = national ? await Session.CookieAsync(server.Address, null, db.Target.NationalViewer, db.Target.Password) : null;
                    await PageBytesBench.RunAsync(o, report, run.Where, db.Target, pages, ops);
                });
            if (o.Runs("import")) await GuardAsync(report, $"Workbook import, {run.Where}", () => ImportBench.RunAsync(run));
        }
        if (o.Runs("reminders") && provider == Provider.PostgreSql)
            await GuardAsync(report, "Reminder scan, 47 tenants", () => ReminderBench.RunAsync(report, db));
    }

    /// <summary>A section that fails is reported as not measured; the others still run.</summary>
    private static async Task GuardAsync(Report report, string what, Func<Task> section)
    {
        try { await section(); }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or HttpRequestException or System.Data.Common.DbException
            or System.Text.Json.JsonException or IOException)
        {
            Console.Error.WriteLine(ex);
            report.Line().Line($"**{what}: failed** — {ex.Message.Split('\n')[0]}");
            report.Unmeasured(what, "–", ex.Message.Split('\n')[0]);
        }
    }

    /// <summary>Every module's pages on the demo data (osaka, Release build, SQLite file in bench/.work/).</summary>
    private static async Task DemoPagesAsync(BenchOptions o, Report report, List<string> data)
    {
        var db = await BenchDatabase.PrepareAsync(Provider.Sqlite, o with { DemoData = true });
        await using var server = await WebServer.StartAsync(db);
        data.Add($"SQLite demo (osaka, every module) for page bytes, {db.Origin}");
        using var pages = await Session.CookieAsync(server.Address, db.Target.Tenant, db.Target.Admin, db.Target.Password);
        using var ops = await Session.CookieAsync(server.Address, null, db.Target.NationalViewer, db.Target.Password);
        await PageBytesBench.RunAsync(o, report, "大阪府 demo, SQLite", db.Target, pages, ops);
    }
}
