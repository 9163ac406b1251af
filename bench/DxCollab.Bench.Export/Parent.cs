using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace DxCollab.Bench.Export;

/// <summary>Seeds the database once, runs each case in fresh processes (interleaved, one warm-up process not counted),
/// judges the medians against the budgets of issue #9 and records the figures.</summary>
internal static class Parent
{
    private const double BudgetMs = 2000, BudgetMb = 200, BudgetRatio = 2.0;

    private sealed record Write(double Ms, double Mb, bool PeakOk, int Rows, double Before)
    {
        public double Added => Mb - Before;

        public static Write Parse(string[] parts) => new(double.Parse(parts[0], CultureInfo.InvariantCulture),
            double.Parse(parts[1], CultureInfo.InvariantCulture), parts[2] == "1", int.Parse(parts[3], CultureInfo.InvariantCulture),
            double.Parse(parts[4], CultureInfo.InvariantCulture));
    }

    /// <summary>One process: its measured (warm) write, whose time is judged, and its first full-size write, whose
    /// memory is judged.</summary>
    private sealed record Run(Write Measured, Write First);

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
        if (child.ExitCode != 0 || parts.Length != 10)
        {
            Console.Error.WriteLine($"{kind} の計測が失敗しました（終了コード {child.ExitCode}）:\n{output}\n{errors.Result}");
            return null;
        }
        return new Run(Write.Parse(parts[..5]), Write.Parse(parts[5..]));
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
        // Time is judged on the measured write (warm code: the fourth full-size write of the process); the first is printed
        // beside it. Memory is judged by what a write adds to the process (peak minus the resident set just before writing,
        // after a collection that gave the free memory back): the harness hosts the whole web app, whose own memory is there
        // whether or not anyone exports. The process peak is printed beside it.
        var (ms, baseMs) = (Median(exporter.Select(r => r.Measured.Ms)), Median(baseline.Select(r => r.Measured.Ms)));
        // The larger of the two writes' medians (both start from a heap whose free memory was given back).
        var (firstAdded, measuredAdded) = (Median(exporter.Select(r => r.First.Added)), Median(exporter.Select(r => r.Measured.Added)));
        var largerWrite = firstAdded >= measuredAdded ? exporter.Select(r => r.First).ToList() : exporter.Select(r => r.Measured).ToList();
        var (mb, processPeak, hostBefore) = (Math.Max(firstAdded, measuredAdded), Median(largerWrite.Select(r => r.Mb)), Median(largerWrite.Select(r => r.Before)));
        var ratio = ms / baseMs;
        var peakMeasured = exporter.All(r => r.First.PeakOk && r.Measured.PeakOk);
        var allRows = results.Values.SelectMany(r => r).All(r => r.Measured.Rows == BenchData.Organizations && r.First.Rows == BenchData.Organizations);
        report.AppendLine(CultureInfo.InvariantCulture, $"{BenchData.Organizations} 団体 × {BenchData.Questions} 設問 → xlsx, {runs} processes each (after one warm-up process), server GC as the web app, medians:");
        foreach (var (kind, list) in results)
            foreach (var (which, writes) in new[] { ("measured (4th write)", list.Select(r => r.Measured).ToList()), ("first full write", list.Select(r => r.First).ToList()) })
                report.AppendLine(CultureInfo.InvariantCulture,
                    $"  {kind,-9} {which,-20} time {Median(writes.Select(r => r.Ms)),6:0} ms   peak {Median(writes.Select(r => r.Mb)),6:0.0} MB   runs: {string.Join(", ", writes.Select(r => r.Ms.ToString("0", CultureInfo.InvariantCulture)))} ms; {string.Join(", ", writes.Select(r => r.Mb.ToString("0", CultureInfo.InvariantCulture)))} MB; resident before writing {Median(writes.Select(r => r.Before)),5:0.0} MB, added by writing {Median(writes.Select(r => r.Added)),5:0.0} MB{(writes.All(r => r.PeakOk) ? "" : " (peak reset FAILED in some runs)")}");
        var verdicts = new List<(string Budget, bool? Met)>
        {
            ($"time < {BudgetMs:0} ms: {ms:0} ms (first full write {Median(exporter.Select(r => r.First.Ms)):0} ms)",
                ms < BudgetMs && Median(exporter.Select(r => r.First.Ms)) < BudgetMs),
            ($"peak memory of the export < {BudgetMb:0} MB: {(peakMeasured ? $"{mb:0.0} MB added by a full write (process peak {processPeak:0.0} MB, of which the web app held {hostBefore:0.0} MB before writing)" : "not measured (VmHWM could not be reset)")}",
                peakMeasured ? mb < BudgetMb : null),
            ($"within {BudgetRatio:0}× plain MiniExcel (measured writes): {ratio:0.00}×", ratio <= BudgetRatio),
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
            .AppendLine(CultureInfo.InvariantCulture, $"- machine: {Environment.ProcessorCount} CPUs ({cpu}), {RuntimeInformation.OSDescription}, .NET {Environment.Version}, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC")
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
