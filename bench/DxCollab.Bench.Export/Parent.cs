using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace DxCollab.Bench.Export;

/// <summary>Seeds the database once, runs each case in fresh processes (interleaved, one warm-up round not counted),
/// judges the medians against the budgets of issue #9 and records the figures.</summary>
internal static class Parent
{
    private const double BudgetMs = 2000, BudgetMb = 200, BudgetRatio = 2.0;

    private sealed record Run(double Ms, double Mb, bool PeakOk, int Rows, double Before)
    {
        public double Added => Mb - Before;
    }

    public static async Task<int> RunAsync(int runs)
    {
        var folder = Directory.CreateTempSubdirectory("dxcollab-bench-export-").FullName;
        try
        {
            var loadBefore = Load();
            await using (var host = ExportHost.Start(folder)) await BenchSeed.SeedAsync(host);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            var results = new Dictionary<string, List<Run>> { ["exporter"] = [], ["baseline"] = [] };
            for (var i = 0; i < runs + 1; i++)
            {
                foreach (var kind in results.Keys)
                {
                    var run = Child(kind, folder);
                    if (run is null) return 2;
                    if (i > 0) results[kind].Add(run);
                }
            }
            return Judge(runs, results, loadBefore, Load());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    private static Run? Child(string kind, string folder)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") start.ArgumentList.Add(typeof(Parent).Assembly.Location);
        foreach (var arg in kind == "exporter" ? ["--one", kind, folder] : new[] { "--one", kind }) start.ArgumentList.Add(arg);
        using var child = Process.Start(start)!;
        var errors = child.StandardError.ReadToEndAsync();
        var output = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        var line = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";
        var parts = line.Split(' ');
        if (child.ExitCode != 0 || parts.Length != 5)
        {
            Console.Error.WriteLine($"{kind} の計測が失敗しました（終了コード {child.ExitCode}）:\n{output}\n{errors.Result}");
            return null;
        }
        return new Run(double.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture),
            parts[2] == "1", int.Parse(parts[3], CultureInfo.InvariantCulture), double.Parse(parts[4], CultureInfo.InvariantCulture));
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static int Judge(int runs, Dictionary<string, List<Run>> results, string loadBefore, string loadAfter)
    {
        var report = new StringBuilder();
        var exporter = results["exporter"];
        var baseline = results["baseline"];
        // Memory is judged on what the export adds to the process (peak minus the resident set just before writing): the
        // harness hosts the whole web app, whose own ~200 MB is there whether or not anyone exports. The process peak is
        // printed beside it.
        var (ms, mb, baseMs) = (Median(exporter.Select(r => r.Ms)), Median(exporter.Select(r => r.Added)), Median(baseline.Select(r => r.Ms)));
        var (processPeak, hostBefore) = (Median(exporter.Select(r => r.Mb)), Median(exporter.Select(r => r.Before)));
        var ratio = ms / baseMs;
        var peakMeasured = exporter.All(r => r.PeakOk);
        var allRows = results.Values.SelectMany(r => r).All(r => r.Rows == BenchData.Organizations);
        report.AppendLine(CultureInfo.InvariantCulture, $"{BenchData.Organizations} 団体 × {BenchData.Questions} 設問 → xlsx, {runs} runs each (after one warm-up round), medians:");
        foreach (var (kind, list) in results)
            report.AppendLine(CultureInfo.InvariantCulture,
                $"  {kind,-9} time {Median(list.Select(r => r.Ms)),6:0} ms   peak {Median(list.Select(r => r.Mb)),6:0.0} MB   runs: {string.Join(", ", list.Select(r => r.Ms.ToString("0", CultureInfo.InvariantCulture)))} ms; {string.Join(", ", list.Select(r => r.Mb.ToString("0", CultureInfo.InvariantCulture)))} MB; resident before writing {Median(list.Select(r => r.Before)),5:0.0} MB, added by writing {Median(list.Select(r => r.Added)),5:0.0} MB{(list.All(r => r.PeakOk) ? "" : " (peak reset FAILED in some runs)")}");
        var verdicts = new List<(string Budget, bool? Met)>
        {
            ($"time < {BudgetMs:0} ms: {ms:0} ms", ms < BudgetMs),
            ($"peak memory of the export < {BudgetMb:0} MB: {(peakMeasured ? $"{mb:0.0} MB (process peak {processPeak:0.0} MB, of which the web app held {hostBefore:0.0} MB before writing)" : "not measured (VmHWM could not be reset)")}",
                peakMeasured ? mb < BudgetMb : null),
            ($"within {BudgetRatio:0}× plain MiniExcel: {ratio:0.00}×", ratio <= BudgetRatio),
            ($"every run wrote {BenchData.Organizations} rows", allRows),
        };
        foreach (var (budget, met) in verdicts)
            report.AppendLine(CultureInfo.InvariantCulture, $"  {(met switch { true => "MET   ", false => "MISSED", null => "UNKNOWN" })} {budget}");
        var code = verdicts.Any(v => v.Met == false) ? 1 : verdicts.Any(v => v.Met is null) ? 2 : 0;
        report.AppendLine(CultureInfo.InvariantCulture, $"  load average before {loadBefore}, after {loadAfter}; exit code {code}");
        Console.Write(report);
        Save(runs, report.ToString());
        return code;
    }

    /// <summary>bench/results/export-{UTC time}.md: the command, machine, commit and what was printed.</summary>
    private static void Save(int runs, string report)
    {
        var root = ExportHost.RepositoryRoot;
        var folder = Path.Combine(root, "bench", "results");
        Directory.CreateDirectory(folder);
        var now = DateTime.UtcNow;
        var path = Path.Combine(folder, $"export-{now:yyyyMMdd-HHmm}.md");
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?";
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"# Export bench, {now:yyyy-MM-dd HH:mm} UTC")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"- command: `dotnet run -c Release --project bench/DxCollab.Bench.Export -- {runs}`")
            .AppendLine(CultureInfo.InvariantCulture, $"- machine: {Environment.ProcessorCount} CPUs ({cpu}), {RuntimeInformation.OSDescription}, .NET {Environment.Version}, workstation GC")
            .AppendLine(CultureInfo.InvariantCulture, $"- commit: {Git(root, "rev-parse HEAD")}{(Git(root, "status --porcelain --untracked-files=no").Length > 0 ? " (with uncommitted changes)" : "")}")
            .AppendLine()
            .AppendLine("```")
            .Append(report)
            .AppendLine("```");
        File.WriteAllText(path, text.ToString());
        Console.WriteLine($"  written to {Path.GetRelativePath(root, path)}");
    }

    private static string Git(string root, string arguments)
    {
        try
        {
            var start = new ProcessStartInfo("git", arguments) { WorkingDirectory = root, RedirectStandardOutput = true };
            using var git = Process.Start(start)!;
            var output = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return output;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "?";
        }
    }

    private static string Load() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
}
