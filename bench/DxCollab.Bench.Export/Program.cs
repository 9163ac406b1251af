using System.Diagnostics;
using System.Globalization;
using DxCollab.Bench.Export;
using DxCollab.Platform.Exports;
using DxCollab.Surveys.FollowUp;
using DxCollab.Surveys.Forms;
using MiniExcelLibs;

// Each measurement runs in a fresh process ("--one exporter|baseline"), so its peak memory (VmHWM) is its own. The
// parent runs the two cases interleaved, several times, and reports medians.
if (args is ["--one", var one])
{
    Console.WriteLine(Measure(one));
    return 0;
}

if (args is ["--profile"])
{
    var form = BenchData.Form();
    var responses = BenchData.Responses(form).ToList();
    var layout = ExportLayout.Create(form);
    for (var round = 0; round < 3; round++)
    {
        var w = Stopwatch.StartNew();
        var sets = responses.Select(r => AnswerSet.FromJson(r.AnswersJson)).ToList();
        var parse = w.ElapsedMilliseconds;
        w.Restart();
        var rows = sets.Select(a => layout.Row(new ExportRespondent("000000", "x", "提出済", null, a))).ToList();
        var build = w.ElapsedMilliseconds;
        Console.WriteLine($"parse {parse} ms, rows {build} ms, columns {layout.Headers.Count}");
    }
    return 0;
}

var runs = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 5;
var results = new Dictionary<string, List<(double Ms, double Mb)>> { ["exporter"] = [], ["baseline"] = [] };
for (var i = 0; i < runs + 1; i++)
{
    foreach (var kind in new[] { "exporter", "baseline" })
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") start.ArgumentList.Add(typeof(BenchData).Assembly.Location);
        start.ArgumentList.Add("--one");
        start.ArgumentList.Add(kind);
        using var child = Process.Start(start)!;
        var line = child.StandardOutput.ReadToEnd().Trim();
        child.WaitForExit();
        var parts = line.Split(' ');
        if (i > 0) results[kind].Add((double.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture)));
    }
}
static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}
Console.WriteLine($"{BenchData.Organizations} 団体 × {BenchData.Questions} 設問 → xlsx, {runs} runs each (after one warm-up run), medians:");
foreach (var (kind, list) in results)
    Console.WriteLine($"  {kind,-9} time {Median(list.Select(r => r.Ms)),8:0} ms   peak memory {Median(list.Select(r => r.Mb)),6:0.0} MB   (runs: {string.Join(", ", list.Select(r => r.Ms.ToString("0", CultureInfo.InvariantCulture)))} ms)");
var ratio = Median(results["exporter"].Select(r => r.Ms)) / Median(results["baseline"].Select(r => r.Ms));
Console.WriteLine($"  exporter / baseline time: {ratio:0.00}×");
return 0;

static string Measure(string which)
{
    // A server exports with its code already compiled: warm up on a few rows first (not measured).
    Run(which, 20, out _, out _);
    GC.Collect();
    GC.WaitForPendingFinalizers();
    return Run(which, BenchData.Organizations, out var ms, out var mb);
}

static string Run(string which, int organizations, out double ms, out double mb)
{
    var form = BenchData.Form();
    // Input as the database gives it: answer JSON per 団体. The baseline gets the cells already computed (no business
    // logic: no JSON, no visibility, no labels), only MiniExcel writing them.
    var responses = BenchData.Responses(form).Take(organizations).ToList();
    var layout = ExportLayout.Create(form);
    List<Dictionary<string, object?>>? cells = which == "baseline"
        ? [.. responses.Select(r => layout.Row(new ExportRespondent(r.Code, r.Name, "提出済", null, AnswerSet.FromJson(r.AnswersJson))))
            .Select(row => layout.Headers.Select((h, i) => (h, row[i])).ToDictionary(x => x.h, x => x.Item2))]
        : null;
    GC.Collect();
    GC.WaitForPendingFinalizers();
    var before = PeakResidentMb();
    ResetPeak();
    var path = Path.Combine(Path.GetTempPath(), $"bench-export-{Environment.ProcessId}.xlsx");
    var watch = Stopwatch.StartNew();
    using (var file = File.Create(path))
    {
        if (which == "exporter")
        {
            // What SurveyExporter does per row: parse the stored JSON, apply visibility, build the row, stream it.
            var rows = responses.Select(r => (IReadOnlyList<object?>)layout.Row(
                new ExportRespondent(r.Code, r.Name, "提出済", DateTime.UtcNow, AnswerSet.FromJson(r.AnswersJson))));
            TabularExport.WriteXlsx(file, layout.Headers, rows, "回答一覧");
        }
        else
        {
            file.SaveAs(cells!, printHeader: true, sheetName: "回答一覧", excelType: ExcelType.XLSX);
        }
    }
    watch.Stop();
    var peak = PeakResidentMb();
    File.Delete(path);
    // Peak resident memory of the whole process while writing (runtime and input data included).
    (ms, mb) = (watch.Elapsed.TotalMilliseconds, Math.Max(peak, before));
    return string.Create(CultureInfo.InvariantCulture, $"{ms:0} {mb:0.0}");
}

// VmHWM: the process's peak resident set (Linux). Reset through /proc/self/clear_refs where allowed.
static double PeakResidentMb()
{
    foreach (var line in File.ReadLines("/proc/self/status"))
        if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    return 0;
}

static void ResetPeak()
{
    try { File.WriteAllText("/proc/self/clear_refs", "5"); } catch (IOException) { } catch (UnauthorizedAccessException) { }
}
