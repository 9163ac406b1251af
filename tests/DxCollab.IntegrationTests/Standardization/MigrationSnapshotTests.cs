using System.Net;
using System.Net.Http.Json;
using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.Platform.Data;
using DxCollab.Platform.Hosting;
using DxCollab.Standardization;
using DxCollab.Standardization.Snapshots;
using DxCollab.Standardization.Tracking;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.IntegrationTests.Standardization;

/// <summary>Monthly snapshots: a past month's figures are those of its month-end, reproduced by the same grouping as
/// today's tables, never duplicated or changed afterwards, and visible only to their own tenant. Each test uses its
/// own months (in 2031, far from the demo's six month-ends before today).</summary>
public abstract class MigrationSnapshotTests(AppFixture fixture) : AppTest(fixture)
{
    private record Progress(string Key, string Label, int Rows, int Completed, int InProgress, int NotStarted, int NotApplicable, double CompletionRate);
    private record Snapshot(string Month, string Label, string FiscalYear, string Kind);
    private record TrendPoint(string Month, string Label, int Rows, double CompletionRate);
    private record Trend(string Key, string Label, TrendPoint[] Points);

    private static readonly string[] Groupings = ["category", "organization", "business"];

    /// <summary>The monthly job as Hangfire runs it, at a Tokyo time of the test's choosing.</summary>
    private Task RunJobAsync(string tenant, DateTimeOffset utc) => App.InTenantAsync(tenant, sp =>
    {
        var clock = new FixedClock(utc);
        return ActivatorUtilities.CreateInstance<MonthlySnapshotJob>(sp, clock, sp.With<SnapshotService>(clock)).RunAsync(CancellationToken.None);
    });

    private async Task UpdateAsync(HttpClient client, string org, string[] businesses, int fromStep, int toStep, string status)
    {
        using var response = await client.PostAsJsonAsync($"/api/v1/osaka/migration/{org}/bulk",
            new { businesses, steps = Enumerable.Range(fromStep, toStep - fromStep + 1).Select(s => s.ToString()).ToArray(), status });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_month_end_snapshot_reproduces_every_table_exactly_once_and_never_changes_afterwards()
    {
        using var admin = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        await UpdateAsync(admin, "272035", ["3", "4", "5"], 1, 16, "完了済み");
        await UpdateAsync(admin, "273830", ["1", "17"], 1, 6, "作業中");
        await UpdateAsync(admin, "273830", ["17"], 7, 8, "対象外");
        // A 業務 千早赤阪村 does not run: it counts nowhere, then or later.
        await App.InTenantAsync("osaka", async sp =>
        {
            var db = sp.GetRequiredService<DxCollabDbContext>();
            if (!await db.Set<BusinessSystem>().AnyAsync(s => s.OrganizationCode == "273830" && s.BusinessNumber == 9))
                db.Add(new BusinessSystem { OrganizationCode = "273830", BusinessNumber = 9, IsEnabled = false, UpdatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });
        var live = new Dictionary<string, Progress[]>();
        foreach (var g in Groupings) live[g] = (await admin.GetFromJsonAsync<Progress[]>($"/api/v1/osaka/migration/progress?groupBy={g}"))!;

        // 2031-02-01 00:10 Tokyo is still 01-31 in UTC: the job stores January.
        await RunJobAsync("osaka", FixedClock.Tokyo(2031, 2, 1, 0, 10));
        foreach (var g in Groupings)
            (await admin.GetFromJsonAsync<Progress[]>($"/api/v1/osaka/migration/progress?groupBy={g}&month=2031-01"))!.ShouldBe(live[g], g);
        live["organization"].Single(p => p.Key == "273830").Rows.ShouldBe(19);

        // Later changes, and the job running again (a retry, a second worker): January stays as it was, once.
        await UpdateAsync(admin, "272035", ["3", "4", "5"], 17, 40, "完了済み");
        await RunJobAsync("osaka", FixedClock.Tokyo(2031, 2, 1, 0, 10));
        await RunJobAsync("osaka", FixedClock.Tokyo(2031, 2, 3, 12, 0));
        foreach (var g in Groupings)
            (await admin.GetFromJsonAsync<Progress[]>($"/api/v1/osaka/migration/progress?groupBy={g}&month=2031-01"))!.ShouldBe(live[g], g);
        var snapshots = (await admin.GetFromJsonAsync<Snapshot[]>("/api/v1/osaka/migration/snapshots"))!;
        snapshots.Count(s => s.Month == "2031-01").ShouldBe(1);
        var january = snapshots.Single(s => s.Month == "2031-01");
        january.Label.ShouldBe("令和13年1月末時点");
        january.FiscalYear.ShouldBe("令和12年度");
        january.Kind.ShouldBe("月末");
        (await App.InTenantAsync("osaka", sp => sp.GetRequiredService<DxCollabDbContext>().Set<MigrationSnapshot>()
            .CountAsync(s => s.Month == new DateOnly(2031, 1, 1)))).ShouldBe(1);

        // February's snapshot has the later figures; the trend shows both months per 業務.
        await RunJobAsync("osaka", FixedClock.Tokyo(2031, 3, 1, 0, 10));
        var february = (await admin.GetFromJsonAsync<Progress[]>("/api/v1/osaka/migration/progress?groupBy=business&month=2031-02"))!;
        february.Single(p => p.Key == "3").Completed.ShouldBe(live["business"].Single(p => p.Key == "3").Completed + 24);
        var trend = (await admin.GetFromJsonAsync<Trend[]>("/api/v1/osaka/migration/trend?groupBy=business"))!;
        var juki = trend.Single(t => t.Key == "3");
        juki.Label.ShouldBe("住民基本台帳");
        juki.Points.Single(p => p.Month == "2031-01").CompletionRate.ShouldBe(live["business"].Single(p => p.Key == "3").CompletionRate, 1e-12);
        juki.Points.Single(p => p.Month == "2031-02").CompletionRate.ShouldBe(february.Single(p => p.Key == "3").CompletionRate, 1e-12);
        var months = juki.Points.Select(p => p.Month).ToList();
        months.ShouldBe(months.Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public async Task The_prefecture_admin_records_this_month_now_and_again_and_the_month_end_job_replaces_it()
    {
        using var admin = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        using var first = await admin.PostAsync("/api/v1/osaka/migration/snapshots", null);
        first.StatusCode.ShouldBe(HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        var taken = (await first.Content.ReadFromJsonAsync<Snapshot>())!;
        taken.Kind.ShouldBe("途中経過");
        taken.Label.ShouldContain("時点（途中経過）");

        await UpdateAsync(admin, "272035", ["7"], 1, 10, "完了済み");
        using var second = await admin.PostAsync("/api/v1/osaka/migration/snapshots", null);
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.GetFromJsonAsync<Snapshot[]>("/api/v1/osaka/migration/snapshots"))!.Count(s => s.Month == taken.Month).ShouldBe(1);
        var now = (await admin.GetFromJsonAsync<Progress[]>("/api/v1/osaka/migration/progress?groupBy=business"))!;
        (await admin.GetFromJsonAsync<Progress[]>($"/api/v1/osaka/migration/progress?groupBy=business&month={taken.Month}"))!.ShouldBe(now);

        // On the 1st of next month the job stores the month-end figures over the途中経過.
        var month = DateOnly.ParseExact(taken.Month + "-01", "yyyy-MM-dd");
        var next = month.AddMonths(1);
        await RunJobAsync("osaka", FixedClock.Tokyo(next.Year, next.Month, 1, 0, 10));
        (await admin.GetFromJsonAsync<Snapshot[]>("/api/v1/osaka/migration/snapshots"))!.Single(s => s.Month == taken.Month).Kind.ShouldBe("月末");

        using var officer = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        await (await officer.PostAsync("/api/v1/osaka/migration/snapshots", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("2026-1")]
    [InlineData("202610")]
    [InlineData("2026-10-01")]
    [InlineData("令和8年10月")]
    [InlineData("")]
    public async Task A_malformed_month_is_a_400_with_a_japanese_reason(string month)
    {
        using var client = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        using var response = await client.GetAsync($"/api/v1/osaka/migration/progress?groupBy=category&month={Uri.EscapeDataString(month)}");
        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldError("month").ShouldContain("2026-10 の形");
    }

    [Fact]
    public async Task A_month_without_a_snapshot_is_a_404_and_step_figures_of_a_month_are_a_400()
    {
        using var client = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        using var missing = await client.GetAsync("/api/v1/osaka/migration/progress?groupBy=category&month=2040-01");
        (await missing.ShouldBeProblemAsync(HttpStatusCode.NotFound)).GetProperty("title").GetString().ShouldBe("令和22年1月の記録はありません。");
        using var step = await client.GetAsync("/api/v1/osaka/migration/progress?groupBy=step&month=2026-10");
        (await step.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldError("groupBy").ShouldContain("ステップ別");
        using var trend = await client.GetAsync("/api/v1/osaka/migration/trend?groupBy=organization");
        (await trend.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldError("groupBy").ShouldContain("category");
    }

    [Fact]
    public async Task Kyotos_snapshots_are_invisible_to_osaka_through_the_api_and_directly()
    {
        await RunJobAsync("kyoto", FixedClock.Tokyo(2031, 4, 1, 0, 10));
        using var kyoto = await App.SignInAsync("kyoto", "pref.admin@kyoto.example");
        (await kyoto.GetFromJsonAsync<Snapshot[]>("/api/v1/kyoto/migration/snapshots"))!.ShouldContain(s => s.Month == "2031-03");
        (await kyoto.GetAsync("/api/v1/kyoto/migration/progress?month=2031-03")).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var osaka = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        (await osaka.GetFromJsonAsync<Snapshot[]>("/api/v1/osaka/migration/snapshots"))!.ShouldNotContain(s => s.Month == "2031-03");
        await (await osaka.GetAsync("/api/v1/osaka/migration/progress?month=2031-03")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await osaka.GetFromJsonAsync<Trend[]>("/api/v1/osaka/migration/trend"))!.SelectMany(t => t.Points).ShouldNotContain(p => p.Month == "2031-03");
        // Osaka's token on kyoto's address, and a write across tenants: refused.
        await (await osaka.GetAsync("/api/v1/kyoto/migration/snapshots")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await osaka.PostAsync("/api/v1/kyoto/migration/snapshots", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        // Directly: osaka's DbContext sees none of kyoto's snapshots or rows, even by id.
        var kyotoIds = await App.InTenantAsync("kyoto", async sp =>
            await sp.GetRequiredService<DxCollabDbContext>().Set<MigrationSnapshot>().Where(s => s.Month == new DateOnly(2031, 3, 1)).Select(s => s.Id).ToListAsync());
        kyotoIds.Count.ShouldBe(1);
        await App.InTenantAsync("osaka", async sp =>
        {
            var db = sp.GetRequiredService<DxCollabDbContext>();
            (await db.Set<MigrationSnapshot>().CountAsync(s => kyotoIds.Contains(s.Id))).ShouldBe(0);
            (await db.Set<MigrationSnapshotRow>().CountAsync(r => kyotoIds.Contains(r.SnapshotId))).ShouldBe(0);
            (await db.Set<MigrationSnapshotRow>().AnyAsync(r => r.OrganizationCode.StartsWith("26"))).ShouldBeFalse();
        });
    }

    [Fact]
    public void Every_tenant_has_the_monthly_snapshot_job_on_the_1st_at_0010_tokyo_time()
    {
        using var connection = App.Factory.Services.GetRequiredService<JobStorage>().GetConnection();
        var jobs = Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(connection);
        jobs.Count(j => j.Id.EndsWith(":" + MonthlySnapshotJob.Name, StringComparison.Ordinal)).ShouldBe(47);
        var osaka = jobs.Single(j => j.Id == "tenant:osaka:migration-snapshot");
        osaka.Cron.ShouldBe("10 0 1 * *");
        osaka.TimeZoneId.ShouldBeOneOf("Asia/Tokyo", "Tokyo Standard Time");
        osaka.Job.Args.ShouldContain("osaka");
        jobs.Single(j => j.Id == "tenant:osaka:reminder-scan").TimeZoneId.ShouldBeOneOf("Asia/Tokyo", "Tokyo Standard Time");
    }

    [Fact]
    public async Task The_demo_has_six_month_ends_before_today_rising_to_todays_figures()
    {
        await App.Factory.Services.GetRequiredService<DemoData>().SeedFiguresAsync(c => c is SnapshotDemoData);
        using var admin = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        var current = await App.InTenantAsync("osaka", sp => Task.FromResult(sp.GetRequiredService<SnapshotService>().CurrentMonth));
        var expected = Enumerable.Range(1, 6).Select(i => current.AddMonths(-i).ToString("yyyy-MM")).Order(StringComparer.Ordinal).ToList();
        var snapshots = (await admin.GetFromJsonAsync<Snapshot[]>("/api/v1/osaka/migration/snapshots"))!;
        snapshots.Where(s => expected.Contains(s.Month)).Select(s => s.Month).ShouldBe(expected);
        var all = (await admin.GetFromJsonAsync<Trend[]>("/api/v1/osaka/migration/trend"))!.Single(t => t.Key == ProgressReport.AllMunicipalitiesKey);
        var rates = all.Points.Where(p => expected.Contains(p.Month)).Select(p => p.CompletionRate).ToList();
        rates.ShouldBe(rates.Order().ToList()); // never falling
    }
}

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_MigrationSnapshots(SqliteAppFixture fixture) : MigrationSnapshotTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSql_MigrationSnapshots(PostgresAppFixture fixture) : MigrationSnapshotTests(fixture);
