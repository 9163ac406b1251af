using System.Diagnostics;
using System.Globalization;
using DxCollab.Platform.Data;
using DxCollab.Surveys.Domain;
using DxCollab.Surveys.FollowUp;
using DxCollab.Surveys.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace DxCollab.Bench.Export;

/// <summary>One measured case in its own process. Prints "milliseconds peakMB peakResetOk rowsWritten residentBeforeMB" of
/// the measured (warm) write, then the same five of the first full-size write.</summary>
internal static class Measurement
{
    /// <summary>The product: the app's <see cref="SurveyExporter"/> exporting the seeded survey, as
    /// GET /surveys/{id}/export?format=xlsx does (database read, answers, form, labels, MiniExcel), into a temp file.</summary>
    public static async Task<int> ExporterAsync(string folder)
    {
        await using var host = ExportHost.Start(folder);
        var path = Path.Combine(folder, $"exporter-{Environment.ProcessId}.xlsx");
        await ExportAsync(host, BenchSeed.WarmUpTitle, path);
        return await MeasureBothAsync(async () => { await ExportAsync(host, BenchSeed.FullTitle, path); return path; });
    }

    private static async Task ExportAsync(ExportHost host, string title, string path) => await host.InTenantAsync(async sp =>
    {
        var survey = await sp.GetRequiredService<DxCollabDbContext>().Set<Survey>().SingleAsync(s => s.Title == title);
        await using var file = File.Create(path);
        await sp.GetRequiredService<SurveyExporter>().WriteXlsxAsync(survey, file, CancellationToken.None);
        return 0;
    });

    /// <summary>Full-size writes before the one whose time is judged, the same number in both cases (as a benchmark's
    /// warm-up iterations): the first full write of a fresh process still runs partly unoptimised code on a heap the
    /// collector has not sized yet, which says little about a server that has been running (its memory is judged, though).</summary>
    public const int WarmUpRounds = 3;

    /// <summary>The baseline: the same cells (computed beforehand by the product's layout and held in memory), written by
    /// MiniExcel with no business logic: no database, no JSON, no form, no labels.</summary>
    public static int Baseline()
    {
        Write(Cells(BenchSeed.WarmUp)); // warm-up, not measured
        var cells = Cells(BenchData.Organizations);
        return MeasureBothAsync(() => Task.FromResult(Write(cells))).GetAwaiter().GetResult();
    }

    /// <summary>The same protocol for both cases, after a small warm-up write: the first full-size write, measured for its
    /// peak memory (on a heap the collector has not yet grown: the export's worst case), then
    /// <see cref="WarmUpRounds"/> − 1 more, then the measured write whose time is judged. Prints the measured write's
    /// figures, then the first's.</summary>
    private static async Task<int> MeasureBothAsync(Func<Task<string>> write)
    {
        var first = await MeasureAsync(write);
        for (var i = 1; i < WarmUpRounds; i++) File.Delete(await write());
        var measured = await MeasureAsync(write);
        Console.WriteLine($"{measured} {first}");
        return 0;
    }

    /// <summary>One measured write, the same for both cases: settle, reset the peak (checked), time the write, then read
    /// the peak and count the rows written to the file it returns.</summary>
    private static async Task<string> MeasureAsync(Func<Task<string>> write)
    {
        Settle();
        var resetOk = ResetPeak();
        var before = Status("VmRSS:");
        var watch = Stopwatch.StartNew();
        var path = await write();
        watch.Stop();
        var peak = PeakResidentMb();
        var rows = RowsIn(path);
        File.Delete(path);
        return Report(watch.Elapsed.TotalMilliseconds, peak, resetOk, rows, before);
    }

    public static List<Dictionary<string, object?>> Cells(int organizations)
    {
        var form = BenchData.Form();
        var layout = ExportLayout.Create(form);
        return [.. BenchData.Responses(form).Take(organizations)
            .Select(r => layout.Row(new ExportRespondent(r.Code, r.Name, "提出済", DateTime.UtcNow, AnswerSet.FromJson(r.AnswersJson))))
            .Select(row => layout.Headers.Select((h, i) => (h, row[i])).ToDictionary(x => x.h, x => x.Item2))];
    }

    public static string Write(List<Dictionary<string, object?>> cells)
    {
        var path = Path.Combine(Path.GetTempPath(), $"bench-baseline-{Environment.ProcessId}.xlsx");
        using var file = File.Create(path);
        file.SaveAs(cells, printHeader: true, sheetName: "回答一覧", excelType: ExcelType.XLSX);
        return path;
    }

    /// <summary>Collects the warm-up's garbage (returning the freed memory to the system) and gives the runtime (background compilation) and the host (its start-up
    /// jobs) ten seconds to settle (BENCH_SETTLE_MS to change): with two seconds the exporter measured about twice as
    /// slow, the host's start-up work still running beside it.</summary>
    private static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        // Aggressive: compacts and gives the free memory back to the system, so each measured write grows the heap again as
        // an export on a server idle since its last one would (the peak it adds is not hidden in memory kept from before).
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        Thread.Sleep(int.TryParse(Environment.GetEnvironmentVariable("BENCH_SETTLE_MS"), out var settle) ? settle : 10_000);
    }

    /// <summary>Data rows in the written sheet (checked after the measurement): the run wrote every 団体.</summary>
    private static int RowsIn(string path)
    {
        using var file = File.OpenRead(path);
        return file.Query(useHeaderRow: true).Count();
    }

    private static string Report(double ms, double peakMb, bool resetOk, int rows, double residentBeforeMb) =>
        string.Create(CultureInfo.InvariantCulture, $"{ms:0} {peakMb:0.0} {(resetOk ? 1 : 0)} {rows} {residentBeforeMb:0.0}");

    /// <summary>VmHWM: the process's peak resident set (Linux), runtime, host and input included.</summary>
    private static double PeakResidentMb() => Status("VmHWM:");

    private static double Status(string field)
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
            if (line.StartsWith(field, StringComparison.Ordinal))
                return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
        return double.NaN;
    }

    /// <summary>Resets VmHWM to the current resident set through /proc/self/clear_refs, and checks that it did: when the
    /// kernel refuses, the peak would be the warm-up's or the seeding's, so the run says so instead of reporting it.</summary>
    private static bool ResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
        var (hwm, rss) = (Status("VmHWM:"), Status("VmRSS:"));
        return !double.IsNaN(hwm) && hwm <= rss + 2;
    }
}
