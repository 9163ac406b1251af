using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using System.Text;
using DxCollab.Platform.Data;
using DxCollab.Platform.Identity;
using DxCollab.TalentPool.Matching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.Bench.Candidates;

internal static class CandidatesMain
{
    public static async Task<int> Main(string[] args)
    {
        // Budgets of #10: the product's ranking within 2× of the hand-written SQL ranking, and p50 < 100 ms.
        const double RatioBudget = 2.0, P50BudgetMs = 100;
        var rounds = args.Length > 0 && int.TryParse(args[0], out var r) ? r : 41;

        await using var host = await CandidatesHost.StartAsync();
        var today = DxCollab.Platform.Text.JapaneseCalendar.TodayInTokyo(DateTimeOffset.UtcNow);
        var requestId = await CandidatesSeed.RunAsync(host, today);
        var request = await host.InTenantAsync(sp => sp.GetRequiredService<DxCollabDbContext>().Set<DxCollab.TalentPool.Domain.SupportRequest>()
            .AsNoTracking().SingleAsync(x => x.Id == requestId));
        var staff = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, Roles.PrefectureAdmin), new Claim(ClaimTypes.NameIdentifier, "bench")], "bench"));

        async Task<(double Ms, int Rows)> ProductAsync() => await host.InTenantAsync(async sp =>
        {
            var watch = Stopwatch.StartNew();
            var list = await sp.GetRequiredService<CandidateService>().RankAsync(requestId, staff);
            watch.Stop();
            return (watch.Elapsed.TotalMilliseconds, list.Value!.Candidates.Count);
        });

        async Task<(double Ms, int Rows)> BaselineAsync() => await host.InTenantAsync(async sp =>
        {
            var db = sp.GetRequiredService<DxCollabDbContext>();
            var watch = Stopwatch.StartNew();
            await db.Database.OpenConnectionAsync(); // the app's connection: the tenant's row-level security applies as to the product
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = BaselineSql.Text;
            BaselineSql.Bind(command, db.CurrentTenantId!, requestId, today, request);
            var rows = 0;
            await using (var reader = await command.ExecuteReaderAsync()) while (await reader.ReadAsync()) rows++;
            watch.Stop();
            return (watch.Elapsed.TotalMilliseconds, rows);
        });

        for (var i = 0; i < 5; i++) { await ProductAsync(); await BaselineAsync(); } // warm-up (JIT, pools, plans)
        var product = new List<double>();
        var baseline = new List<double>();
        int productRows = 0, baselineRows = 0;
        for (var i = 0; i < rounds; i++) // alternated so both see the same machine load
        {
            var p = await ProductAsync();
            var b = await BaselineAsync();
            (productRows, baselineRows) = (p.Rows, b.Rows);
            product.Add(p.Ms);
            baseline.Add(b.Ms);
        }
        static double Median(List<double> xs) { var s = xs.Order().ToList(); return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2; }
        var (pMed, bMed) = (Median(product), Median(baseline));
        var ratio = pMed / bMed;
        var met = ratio <= RatioBudget && pMed < P50BudgetMs && productRows == baselineRows;
        var pastAssignments = await host.InTenantAsync(sp => sp.GetRequiredService<DxCollabDbContext>().Set<DxCollab.TalentPool.Domain.Assignment>().CountAsync());

        var report = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"# 候補者の順位付け ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"PostgreSQL, {CandidatesSeed.Experts} experts, {pastAssignments} past assignments (seed kept those within capacity of {CandidatesSeed.PastAssignments}), {rounds} rounds after 5 warm-up, alternated.")
            .AppendLine()
            .AppendLine("| | p50 (ms) | min | max | candidates |")
            .AppendLine("|---|---|---|---|---|")
            .AppendLine(CultureInfo.InvariantCulture, $"| CandidateService.RankAsync | {pMed:0.00} | {product.Min():0.00} | {product.Max():0.00} | {productRows} |")
            .AppendLine(CultureInfo.InvariantCulture, $"| hand-written SQL | {bMed:0.00} | {baseline.Min():0.00} | {baseline.Max():0.00} | {baselineRows} |")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Ratio {ratio:0.00}× (budget ≤ {RatioBudget}×), p50 {pMed:0.00} ms (budget < {P50BudgetMs} ms): {(met ? "met" : "MISSED")}.")
            .ToString();
        Console.WriteLine(report);
        Directory.CreateDirectory(CandidatesHost.ResultsFolder);
        await File.WriteAllTextAsync(Path.Combine(CandidatesHost.ResultsFolder, $"candidates-{DateTime.UtcNow:yyyyMMdd-HHmm}.md"), report);
        return met ? 0 : 1;
    }
}
