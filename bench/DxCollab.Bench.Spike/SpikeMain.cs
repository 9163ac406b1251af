using System.Net;

namespace DxCollab.Bench.Spike;

/// <summary>Deadline spike of 照会 (issue #9 budget): 180 北海道 団体 each save a draft and submit within 60 s on
/// PostgreSQL; p99 &lt; 500 ms, no 5xx, no lost answer — beside a baseline of trivial authenticated GETs on the same
/// schedule. Exit code 0 = budget met, 1 = not met, 2 = the answering API is missing (run after the merge).</summary>
public static class SpikeMain
{
    public static async Task<int> Main(string[] args)
    {
        var options = SpikeOptions.Parse(args);
        Console.WriteLine($"照会 締切スパイク: {options.Tenant}, {options.Organizations} 団体, {options.Window.TotalSeconds:0} 秒, 設問 {options.Questions}");

        await using var host = await SpikeHost.StartAsync(options);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1024, AutomaticDecompression = DecompressionMethods.None })
        {
            BaseAddress = new Uri(host.BaseUrl), Timeout = TimeSpan.FromMinutes(2),
        };
        Console.WriteLine($"app: {host.BaseUrl} (PostgreSQL database {host.Database})");
        var run = new SpikeRun(http, options);

        var missing = await run.MissingAnsweringRoutesAsync();
        if (missing.Count > 0)
        {
            Console.Error.WriteLine("回答の API がこのブランチにありません（照会の回答スライスをマージしてから実行してください）:");
            foreach (var route in missing) Console.Error.WriteLine("  - " + route);
            if (!options.BaselineOnly) return 2;
        }

        var (surveyId, form, respondents) = await SpikeSeed.SeedAsync(host, options, http);
        Console.WriteLine($"seeded: survey {surveyId}, {form.Questions.Count()} questions, {respondents.Count} respondents (officers signed in)");

        await run.BaselineAsync(respondents.Take(10).ToList());

        var baseline = await run.BaselineAsync(respondents);
        var rows = new List<PhaseSummary> { PhaseSummary.Of("baseline GET /me", [.. baseline]) };
        if (missing.Count > 0)
        {
            Print(rows);
            Console.Error.WriteLine("ベースラインのみ計測しました（--baseline-only）。スパイクは回答の API が必要です。");
            return 2;
        }

        var (spike, sent) = await run.SpikeAsync(surveyId, form, respondents);
        rows.AddRange(spike.GroupBy(s => s.Step).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => PhaseSummary.Of(g.Key, [.. g])));
        var all = PhaseSummary.Of("spike (all requests)", [.. spike]);
        rows.Add(all);
        var (lostAnswers, lostSubmits) = await SpikeRun.CountLostAsync(host, options, surveyId, sent);
        Print(rows);
        Console.WriteLine($"acknowledged saves: {sent.Saved.Count}/{respondents.Count}, acknowledged submits: {sent.Submitted.Count}/{respondents.Count}");
        Console.WriteLine($"lost answers: {lostAnswers}, lost submits: {lostSubmits}");

        var met = all.P99 < SpikeOptions.P99Budget && all.ServerErrors == 0 && lostAnswers == 0 && lostSubmits == 0
            && sent.Submitted.Count == respondents.Count;
        Console.WriteLine(met
            ? $"BUDGET MET: p99 {all.P99.TotalMilliseconds:0} ms < {SpikeOptions.P99Budget.TotalMilliseconds:0} ms, 0 × 5xx, 0 lost"
            : $"BUDGET NOT MET: p99 {all.P99.TotalMilliseconds:0} ms (budget {SpikeOptions.P99Budget.TotalMilliseconds:0}), 5xx {all.ServerErrors}, lost answers {lostAnswers}, lost submits {lostSubmits}, submitted {sent.Submitted.Count}/{respondents.Count}");
        return met ? 0 : 1;
    }

    private static void Print(IEnumerable<PhaseSummary> rows)
    {
        Console.WriteLine(PhaseSummary.Header);
        foreach (var row in rows) Console.WriteLine(row);
    }
}
