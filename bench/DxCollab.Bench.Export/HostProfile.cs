using System.Diagnostics;
using DxCollab.Platform.Data;
using DxCollab.Platform.Exports;
using DxCollab.Surveys.Domain;
using DxCollab.Surveys.FollowUp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.Bench.Export;

/// <summary>"--profile-host": in one warm process on the seeded database, the exporter's stages apart (reading the
/// answer rows alone, the CSV path without the xlsx writer, the whole xlsx export) and the baseline, alternating, to see
/// where its time goes and the ratio without fresh-process noise. With a round count it also prints the medians of the
/// rounds after the first third (the steady state of a running server, once the code has tiered up).</summary>
internal static class HostProfile
{
    public static async Task<int> RunAsync(int rounds)
    {
        var folder = Directory.CreateTempSubdirectory("dxcollab-bench-export-").FullName;
        try
        {
            await using var host = ExportHost.Start(folder);
            await BenchSeed.SeedAsync(host);
            var cells = Measurement.Cells(BenchData.Organizations);
            var (exports, baselines) = (new List<long>(), new List<long>());
            for (var round = 0; round < rounds; round++)
            {
                var read = await TimeAsync(host, async (db, _, survey) =>
                {
                    var ids = await db.Set<SurveyResponse>().AsNoTracking().Where(r => r.SurveyId == survey.Id).Select(r => r.Id).ToListAsync();
                    var chars = 0L;
                    foreach (var batch in ids.Chunk(200))
                        foreach (var r in await db.Set<SurveyResponse>().AsNoTracking().Where(r => batch.Contains(r.Id))
                                     .Select(r => new { r.Id, r.RespondentCode, r.State, r.SubmittedAt, r.AnswersJson }).ToListAsync())
                            chars += r.AnswersJson.Length;
                });
                var csv = await TimeAsync(host, (_, exporter, survey) => exporter.WriteCsvAsync(survey, Stream.Null, ExportEncoding.Utf8, CancellationToken.None));
                var path = Path.Combine(folder, "profile.xlsx");
                var xlsx = await TimeAsync(host, async (_, exporter, survey) =>
                {
                    await using var file = File.Create(path);
                    await exporter.WriteXlsxAsync(survey, file, CancellationToken.None);
                });
                var watch = Stopwatch.StartNew();
                File.Delete(Measurement.Write(cells));
                Console.WriteLine($"round {round}: read rows {read} ms, csv (read + parse + rows + csv) {csv} ms, xlsx {xlsx} ms, baseline {watch.ElapsedMilliseconds} ms");
                if (round < rounds / 3) continue;
                exports.Add(xlsx);
                baselines.Add(watch.ElapsedMilliseconds);
            }
            if (exports.Count > 0)
            {
                var (export, baseline) = (Median(exports), Median(baselines));
                Console.WriteLine($"steady state, medians of rounds {rounds / 3}–{rounds - 1} ({exports.Count}): xlsx {export} ms, baseline {baseline} ms, "
                    + $"ratio {(double)export / baseline:0.00}×; per-round ratios: {string.Join(", ", exports.Zip(baselines, (e, b) => $"{(double)e / b:0.00}"))}");
            }
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    private static long Median(List<long> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static Task<long> TimeAsync(ExportHost host, Func<DxCollabDbContext, SurveyExporter, Survey, Task> work) => host.InTenantAsync(async sp =>
    {
        var db = sp.GetRequiredService<DxCollabDbContext>();
        var survey = await db.Set<Survey>().SingleAsync(s => s.Title == BenchSeed.FullTitle);
        var watch = Stopwatch.StartNew();
        await work(db, sp.GetRequiredService<SurveyExporter>(), survey);
        return watch.ElapsedMilliseconds;
    });
}
