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
/// where its time goes and the ratio without fresh-process noise.</summary>
internal static class HostProfile
{
    public static async Task<int> RunAsync()
    {
        var folder = Directory.CreateTempSubdirectory("dxcollab-bench-export-").FullName;
        try
        {
            await using var host = ExportHost.Start(folder);
            await BenchSeed.SeedAsync(host);
            var cells = Measurement.Cells(BenchData.Organizations);
            for (var round = 0; round < 6; round++)
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
            }
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
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
