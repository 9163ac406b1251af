using System.Diagnostics;
using DxCollab.Surveys.FollowUp;
using DxCollab.Surveys.Forms;

namespace DxCollab.Bench.Export;

/// <summary>Each measurement runs in a fresh process ("--one exporter {folder}" or "--one baseline"), so its peak memory
/// (VmHWM) is its own. The parent seeds one SQLite database, runs the two cases interleaved, reports medians, writes them
/// to bench/results/, and exits 1 when a budget is missed (2 when a figure could not be measured). Not top-level
/// statements: the web app's Program is referenced.</summary>
public static class ExportMain
{
    public static async Task<int> Main(string[] args) => args switch
    {
        ["--one", "exporter", var folder] => await Measurement.ExporterAsync(folder),
        ["--one", "baseline"] => Measurement.Baseline(),
        ["--profile"] => Profile(),
        ["--profile-host"] => await HostProfile.RunAsync(6),
        ["--profile-host", var rounds] when int.TryParse(rounds, out var r) && r > 0 => await HostProfile.RunAsync(r),
        _ => await Parent.RunAsync(args.Length > 0 && int.TryParse(args[0], out var n) ? n : 5),
    };

    /// <summary>In-process, warm: where the exporter's time goes (full reader vs the export's reader vs building rows).</summary>
    private static int Profile()
    {
        var form = BenchData.Form();
        var responses = BenchData.Responses(form).ToList();
        var layout = ExportLayout.Create(form);
        var reader = new ExportAnswerReader(form);
        for (var round = 0; round < 3; round++)
        {
            var (w, a) = (Stopwatch.StartNew(), GC.GetAllocatedBytesForCurrentThread());
            var full = responses.Select(r => AnswerSet.FromJson(r.AnswersJson)).ToList();
            var (fullMs, fullMb) = (w.ElapsedMilliseconds, (GC.GetAllocatedBytesForCurrentThread() - a) / 1e6);
            (w, a) = (Stopwatch.StartNew(), GC.GetAllocatedBytesForCurrentThread());
            var light = responses.Select(r => reader.Read(r.AnswersJson)).ToList();
            var (lightMs, lightMb) = (w.ElapsedMilliseconds, (GC.GetAllocatedBytesForCurrentThread() - a) / 1e6);
            (w, a) = (Stopwatch.StartNew(), GC.GetAllocatedBytesForCurrentThread());
            var rows = light.Select(x => layout.Row(new ExportRespondent("000000", "x", "提出済", null, x))).ToList();
            var (rowsMs, rowsMb) = (w.ElapsedMilliseconds, (GC.GetAllocatedBytesForCurrentThread() - a) / 1e6);
            Console.WriteLine($"full reader {fullMs} ms / {fullMb:0} MB allocated ({full.Count}), export reader {lightMs} ms / {lightMb:0} MB, " +
                              $"rows {rowsMs} ms / {rowsMb:0} MB; {layout.Headers.Count} columns × {rows.Count} rows, " +
                              $"answer JSON {responses.Sum(r => r.AnswersJson.Length) / 1e6:0.0} M characters");
        }
        return 0;
    }
}
