using System.Diagnostics;
using System.Globalization;

namespace DxCollab.Bench.Nation;

/// <summary>Figures of one hey run: requests/s counts 2xx answers only; latencies are of every answer.</summary>
internal sealed record LoadResult(int Connections, int Seconds, int Requests, int Ok, double P50Ms, double P99Ms, string Statuses = "")
{
    public double RequestsPerSecond => (double)Ok / Seconds;
    public int Failed => Requests - Ok;

    public string Describe() => FormattableString.Invariant(
        $"{RequestsPerSecond:0.0} req/s, p50 {Stats.Ms(P50Ms)} ms, p99 {Stats.Ms(P99Ms)} ms ({Requests} requests{(Failed > 0 ? $", **{Failed} not 2xx: {Statuses}**" : "")})");
}

/// <summary>hey (https://github.com/rakyll/hey, Debian package "hey") on loopback, bounded in time (-z), redirects not
/// followed (a login redirect counts as a failure), compressed as a browser asks; per-request CSV parsed here.</summary>
internal static class Hey
{
    public static async Task<LoadResult> RunAsync(Uri url, int connections, int seconds, params string[] headers)
    {
        var start = new ProcessStartInfo("hey") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-z", $"{seconds}s", "-c", connections.ToString(CultureInfo.InvariantCulture), "-t", "60", "-disable-redirects", "-o", "csv",
            "-H", "Accept-Encoding: br, gzip" })
            start.ArgumentList.Add(a);
        foreach (var header in headers)
        {
            start.ArgumentList.Add("-H");
            start.ArgumentList.Add(header);
        }
        start.ArgumentList.Add(url.ToString());
        using var process = Process.Start(start) ?? throw new InvalidOperationException("hey を起動できませんでした。");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"hey が失敗しました: {await stderr}");
        var latencies = new List<double>();
        var ok = 0;
        var statuses = new SortedDictionary<string, int>();
        foreach (var line in (await stdout).Split('\n'))
        {
            var cells = line.Split(',');
            if (cells.Length < 8 || !double.TryParse(cells[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds1)) continue;
            latencies.Add(seconds1 * 1000);
            if (int.TryParse(cells[6], out var status) && status is >= 200 and < 300) ok++;
            statuses[cells[6].Trim()] = statuses.GetValueOrDefault(cells[6].Trim()) + 1;
        }
        // hey's CSV has answered requests only: a request without an answer (timeout, reset, cut at the end of -z) is not in it.
        return new(connections, seconds, latencies.Count, ok, Stats.Percentile(latencies, 50), Stats.Percentile(latencies, 99),
            string.Join(", ", statuses.Select(kv => $"{kv.Key} × {kv.Value}")));
    }
}
