using System.Diagnostics;
using DxCollab.Platform.Backbone;
using DxCollab.Platform.Calendar;
using DxCollab.Platform.Jobs;
using DxCollab.Platform.Reminders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DxCollab.Bench.Nation;

/// <summary>The reminder scan (the Hangfire job's <see cref="ReminderEngine"/>, every rule of every module) for all 47
/// tenants on the nation's database, once the database is idle: by one worker four times (the first scan after start, then
/// three whose median is judged), then by two workers (two app hosts in this process, each with
/// its own DI scopes and connections) racing over the same tenants; every notification and e-mail they produce is
/// counted, and duplicates (the same reminder to the same person twice) must be zero.</summary>
internal static class ReminderBench
{
    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    /// <summary>Scans after the first whose median is judged.</summary>
    private const int WarmScans = 3;

    private sealed record Produced(long Sent, long Notifications, long Emails, long DuplicateNotifications, long DuplicateEmails, long Recipients);

    public static async Task RunAsync(Report report, BenchDatabase db)
    {
        report.Heading($"Reminder scan across 47 tenants — {db.Name}");
        await using var first = new AppHost(db);
        await using var second = new AppHost(db);
        // A business day around the 20th of next month, 09:00 in Tokyo: planned dates before it are overdue and the
        // monthly update request (10th business day by default) is due for every 団体 without a change that month.
        var calendar = first.Services.GetRequiredService<BusinessCalendar>();
        var tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, tokyo).DateTime);
        var day = new DateOnly(today.Year, today.Month, 20).AddMonths(1);
        while (!calendar.IsBusinessDay(day)) day = day.AddDays(1);
        var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(9));
        var tenants = (await first.Services.GetRequiredService<TenantJobRunner>().PrefecturesAsync()).Select(t => t.Id).ToList();

        // The database must be idle first: the sections before leave autovacuum work on the tables they rewrote.
        var (waited, idle) = await db.WaitForQuietAsync(TimeSpan.FromMinutes(3));
        var marks = await ForgetSentAsync(db);
        var (cold, coldResult) = await ScanAsync([first], tenants, at);
        var coldProduced = await ProducedSinceAsync(db, marks);
        // A Hangfire server scans every 15 minutes: its first scan after start compiles every query; the later ones are
        // the steady cost, so the budget is judged on their median.
        var warm = new List<(double Seconds, ReminderScanResult Result, Produced Produced)>();
        for (var i = 0; i < WarmScans; i++)
        {
            marks = await ForgetSentAsync(db);
            var (seconds, result) = await ScanAsync([first], tenants, at);
            warm.Add((seconds, result, await ProducedSinceAsync(db, marks)));
        }
        var typical = warm.OrderBy(w => w.Seconds).ElementAt(WarmScans / 2); // the median scan (an odd number of them)
        var single = typical.Seconds;
        marks = await ForgetSentAsync(db);
        var (race, raceResult) = await ScanAsync([first, second], tenants, at);
        var raceProduced = await ProducedSinceAsync(db, marks);
        var rules = await ProfileRulesAsync(first, tenants, day);

        report.Line(
                $"Scan date {day:yyyy-MM-dd} 09:00 Asia/Tokyo (a business day near the 20th of next month), {tenants.Count} tenants, every reminder rule of every module. "
                + "Before each scan the record of sent reminders is emptied, so both scans send everything that is due (as a first scan of the nation would). "
                + $"A worker is one Hangfire server: the scan is one job per tenant, run {JobWorkers(first)} at a time (Jobs:WorkerCount). "
                + "Two workers = two app hosts in this process (own DI scopes, DbContexts and connections) scanning the same tenants at the same time, as two Hangfire servers would. "
                + FormattableString.Invariant($"Before the first scan the bench waited {waited:0.0} s for the database to be idle (no other active session, no autovacuum)")
                + (idle ? "." : ", and it was still busy when the wait ended."))
            .Line()
            .Line("| | wall time (s) | due | sent | counted as already sent | notifications | e-mails | duplicate notifications | duplicate e-mails |")
            .Line("|---|---|---|---|---|---|---|---|---|")
            .Line(Row("one worker, first scan after start (queries compiled)", cold, coldResult, coldProduced))
            .Line(Row(FormattableString.Invariant($"one worker, next {WarmScans} scans: median ({string.Join(" / ", warm.Select(w => w.Seconds.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)))})"),
                single, typical.Result, typical.Produced))
            .Line(Row("two workers racing", race, raceResult, raceProduced))
            .Line()
            .Line(FormattableString.Invariant($"Recipients recorded on the sent reminders of the race: {raceProduced.Recipients:N0}; notifications written: {raceProduced.Notifications:N0}. "))
            .Line("The time budget (< 5 s) is judged on the median of one worker's later scans, what each Hangfire server does every 15 minutes; the first scan is given beside it; the race's wall time "
                + "(two hosts on the same cores, each conflict a rolled-back transaction) is given beside the duplicates.");
        var finding = rules.Sum(r => r.Ms) / 1000;
        report.Line().Line(
                $"Where the time goes: finding what is due (each rule's FindDueAsync, timed alone, one tenant after another) takes {finding:0.0} s in all; "
                + $"sending {typical.Result.Sent:N0} reminders is, per tenant, one \"already sent?\" query, then one transaction per {ReminderEngine.ChunkSize} reminders "
                + "(sent records, notifications, e-mails, commit). In the scan the tenants run side by side, so finding and sending overlap.")
            .Line()
            .Line("| rule | find time, 47 tenants (ms) | due |")
            .Line("|---|---|---|");
        foreach (var r in rules) report.Line(FormattableString.Invariant($"| {r.Name} | {r.Ms:0} | {r.Due:N0} |"));
        report.Budget(new("Reminder scan, 47 tenants, one worker", $"{Stats.F(single)} s (median of {WarmScans})",
            FormattableString.Invariant($"first scan after start {cold:0.00} s"), "< 5 s", single < 5 ? Outcome.Met : Outcome.Missed,
            FormattableString.Invariant($"one scan of the nation takes {single:0.0} s ({typical.Result.Due:N0} reminders due); the first after the server starts {cold:0.0} s.")));
        var duplicates = raceProduced.DuplicateNotifications + raceProduced.DuplicateEmails;
        report.Budget(new("Reminder scan, two workers racing: duplicates", duplicates.ToString(System.Globalization.CultureInfo.InvariantCulture),
            FormattableString.Invariant($"{raceProduced.Sent:N0} reminders sent once; the race took {race:0.0} s"), "0",
            duplicates == 0 ? Outcome.Met : Outcome.Missed, $"{duplicates} notifications or e-mails told someone the same thing twice."));
    }

    private static string Row(string name, double seconds, ReminderScanResult r, Produced p) => FormattableString.Invariant(
        $"| {name} | {seconds:0.00} | {r.Due:N0} | {r.Sent:N0} | {r.AlreadySent:N0} | {p.Notifications:N0} | {p.Emails:N0} | {p.DuplicateNotifications} | {p.DuplicateEmails} |");

    /// <summary>Each worker is a Hangfire server: the scan is one job per tenant, and a server runs as many at a time as
    /// it has workers (Jobs:WorkerCount, 5 by default), so each host here scans that many tenants at once.</summary>
    private static async Task<(double Seconds, ReminderScanResult Result)> ScanAsync(AppHost[] workers, IReadOnlyList<string> tenants, DateTimeOffset at)
    {
        var clock = Stopwatch.StartNew();
        var results = await Task.WhenAll(workers.Select(async w =>
        {
            var runner = w.Services.GetRequiredService<TenantJobRunner>();
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = JobWorkers(w) };
            var each = new System.Collections.Concurrent.ConcurrentBag<ReminderScanResult>();
            await Parallel.ForEachAsync(tenants, parallel, async (tenant, _) =>
                await runner.RunAsync(tenant, async sp => each.Add(await ActivatorUtilities.CreateInstance<ReminderEngine>(sp, new Clock(at)).RunAsync())));
            return Sum(each);
        }));
        var seconds = clock.Elapsed.TotalSeconds;
        return (seconds, Sum(results));
    }

    private static ReminderScanResult Sum(IEnumerable<ReminderScanResult> results) =>
        results.Aggregate(new ReminderScanResult(0, 0, 0), (a, r) => new(a.Due + r.Due, a.Sent + r.Sent, a.AlreadySent + r.AlreadySent));

    private static int JobWorkers(AppHost host) => host.Services.GetRequiredService<IOptions<JobsOptions>>().Value.WorkerCount;

    /// <summary>Each rule's FindDueAsync alone over every tenant (nothing sent): what finding costs, rule by rule.</summary>
    private static async Task<List<(string Name, double Ms, int Due)>> ProfileRulesAsync(AppHost host, IReadOnlyList<string> tenants, DateOnly day)
    {
        var totals = new Dictionary<string, (double Ms, int Due)>();
        var runner = host.Services.GetRequiredService<TenantJobRunner>();
        foreach (var tenant in tenants)
            await runner.RunAsync(tenant, async sp =>
            {
                var context = new ReminderScanContext(sp.GetRequiredService<DxCollab.Platform.Data.DxCollabDbContext>(), day, sp);
                foreach (var rule in sp.GetServices<IReminderRule>())
                {
                    var clock = Stopwatch.StartNew();
                    var due = (await rule.FindDueAsync(context, CancellationToken.None)).Count;
                    var t = totals.GetValueOrDefault(rule.Name);
                    totals[rule.Name] = (t.Ms + clock.Elapsed.TotalMilliseconds, t.Due + due);
                }
            });
        return [.. totals.OrderByDescending(t => t.Value.Ms).Select(t => (t.Key, t.Value.Ms, t.Value.Due))];
    }

    /// <summary>Empties the record of sent reminders (all tenants) and returns the last notification and e-mail ids.</summary>
    private static async Task<(long Notification, long Email)> ForgetSentAsync(BenchDatabase db)
    {
        await using var admin = await db.OpenAdminAsync();
        await BenchDatabase.ScalarAsync(admin, "WITH d AS (DELETE FROM \"Platform_SentReminders\" RETURNING 1) SELECT COUNT(*) FROM d");
        return (await BenchDatabase.ScalarAsync(admin, "SELECT COALESCE(MAX(\"Id\"), 0) FROM \"Platform_Notifications\""),
            await BenchDatabase.ScalarAsync(admin, "SELECT COALESCE(MAX(\"Id\"), 0) FROM \"Platform_PendingEmails\""));
    }

    private static async Task<Produced> ProducedSinceAsync(BenchDatabase db, (long Notification, long Email) marks)
    {
        await using var admin = await db.OpenAdminAsync();
        async Task<long> Q(string sql) => await BenchDatabase.ScalarAsync(admin, sql);
        var n = marks.Notification.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var e = marks.Email.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new(
            await Q("SELECT COUNT(*) FROM \"Platform_SentReminders\""),
            await Q($"SELECT COUNT(*) FROM \"Platform_Notifications\" WHERE \"Id\" > {n}"),
            await Q($"SELECT COUNT(*) FROM \"Platform_PendingEmails\" WHERE \"Id\" > {e}"),
            await Q($"SELECT COALESCE(SUM(c - 1), 0) FROM (SELECT COUNT(*) AS c FROM \"Platform_Notifications\" WHERE \"Id\" > {n} GROUP BY \"TenantId\", \"UserId\", \"SourceKey\") x"),
            await Q($"SELECT COALESCE(SUM(c - 1), 0) FROM (SELECT COUNT(*) AS c FROM \"Platform_PendingEmails\" WHERE \"Id\" > {e} GROUP BY \"TenantId\", \"UserId\", \"Subject\", \"Body\") x"),
            await Q("SELECT COALESCE(SUM(\"RecipientCount\"), 0) FROM \"Platform_SentReminders\""));
    }
}
