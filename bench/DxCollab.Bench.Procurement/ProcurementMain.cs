using System.Globalization;
using System.Text;

namespace DxCollab.Bench.Procurement;

internal static class ProcurementMain
{
    public static async Task<int> Main(string[] args)
    {
        var only = args.FirstOrDefault();
        var report = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"# 共同調達 ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Command: `dotnet run -c Release --project bench/DxCollab.Bench.Procurement{(only is null ? "" : " -- " + only)}`; " +
                $"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}; commit {Commit()}.")
            .AppendLine();
        var met = true;
        if (only is null or "memory") met &= await MemoryAsync(report);
        if (only is null or "listing") met &= await ListingBench.RunAsync(report);
        var text = report.ToString();
        Console.WriteLine(text);
        var results = Path.Combine(BenchDatabase.RepositoryRoot, "bench", "results");
        Directory.CreateDirectory(results);
        await File.WriteAllTextAsync(Path.Combine(results, $"procurement-{DateTime.UtcNow:yyyyMMdd-HHmm}.md"), text);
        return met ? 0 : 1;
    }

    private static async Task<bool> MemoryAsync(StringBuilder report)
    {
        var (large, baseline) = await MemoryBench.RunAsync();
        static string Mb(long bytes) => (bytes / (1024.0 * 1024)).ToString("0.0", CultureInfo.InvariantCulture);
        static double Median(IEnumerable<double> xs) { var s = xs.Order().ToList(); return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2; }
        var upLarge = (long)Median(large.UploadGrowth.Select(x => (double)x));
        var downLarge = (long)Median(large.DownloadGrowth.Select(x => (double)x));
        var met = upLarge < MemoryBench.BudgetBytes && downLarge < MemoryBench.BudgetBytes;
        report.AppendLine("## Server memory while a revision is uploaded and downloaded")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"The web host as its own process on PostgreSQL (database file store), a member's client streaming from disk; the server's resident set (VmRSS) sampled every 5 ms, growth = peak − level just before; {MemoryBench.Rounds} rounds after a 1 MB warm-up, the two sizes alternated.")
            .AppendLine()
            .AppendLine("| revision | upload growth p50 (MB) | all rounds | download growth p50 (MB) | all rounds | upload s p50 | download s p50 |")
            .AppendLine("|---|---|---|---|---|---|---|");
        foreach (var f in new[] { large, baseline })
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {f.Mb} MB | {Mb((long)Median(f.UploadGrowth.Select(x => (double)x)))} | {string.Join(" / ", f.UploadGrowth.Select(Mb))} | {Mb((long)Median(f.DownloadGrowth.Select(x => (double)x)))} | {string.Join(" / ", f.DownloadGrowth.Select(Mb))} | {Median(f.UploadSeconds):0.00} | {Median(f.DownloadSeconds):0.00} |");
        report.AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Budget: a {MemoryBench.LargeMb} MB revision grows the server by < {Mb(MemoryBench.BudgetBytes)} MB on upload and on download: {(met ? "met" : "MISSED")}.")
            .AppendLine();
        return met;
    }

    private static string Commit()
    {
        try
        {
            var git = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("git", "rev-parse --short HEAD")
                { RedirectStandardOutput = true, WorkingDirectory = BenchDatabase.RepositoryRoot })!;
            var sha = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return sha;
        }
        catch (System.ComponentModel.Win32Exception) { return "?"; }
    }
}
