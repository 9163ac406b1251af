using System.Globalization;
using System.Net.Http.Json;
using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.MultiTenancy;
using DxCollab.Platform.Data;
using DxCollab.Platform.Hosting;
using DxCollab.Platform.Messaging;
using DxCollab.Platform.Tenancy;
using DxCollab.Standardization;
using DxCollab.Standardization.Tracking;
using DxCollab.Standardization.Workbook;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace DxCollab.IntegrationTests.Standardization;

/// <summary>The embedded default opens on real-looking figures: osaka and kyoto as 総務省 published them for
/// 2026-01 (checked through the product's own export and dashboard API), with past-due steps, a 特定移行支援
/// system, and the same figures in the national roll-up.</summary>
[Collection(DemoSqliteCollection.Name)]
public sealed class DemoFiguresTests(DemoSqliteAppFixture fixture, ITestOutputHelper output) : AppTest(fixture)
{
    private record Progress(string Key, string Label, int Rows, int Completed, int InProgress, int NotStarted, int NotApplicable, double CompletionRate);

    private static IEnumerable<string[]> Csv(string file) =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Data", file)).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','));

    [Theory]
    [InlineData("osaka", "pref.admin@osaka.example", "大阪府", 43)]
    [InlineData("kyoto", "pref.admin@kyoto.example", "京都府", 26)]
    public async Task Every_row_of_the_export_has_the_published_rate(string tenant, string admin, string prefecture, int municipalities)
    {
        output.WriteLine($"host start-up with demo figures: {fixture.StartUp.TotalSeconds:0.0} s");
        using var client = await App.SignInAsync(tenant, admin);
        using var response = await client.GetAsync($"/api/v1/{tenant}/migration/export?format=csv");
        response.EnsureSuccessStatusCode();
        var rows = WorkbookReader.ReadCsv(await response.Content.ReadAsStreamAsync()).Rows.Select(r => r.Row).ToList();
        rows.Count.ShouldBe(municipalities * 20 + 2);

        var exported = rows.ToDictionary(r => (r.MunicipalityName ?? "-", r.Business.WorkbookName), r => ProgressMath.ForRow([.. r.Statuses]).CompletionRate);
        var municipal = Csv("Demo/municipality-business-rates.csv").Where(f => f[0] == prefecture).ToList();
        municipal.Count.ShouldBe(municipalities * 20);
        municipal.Where(f => exported[(f[1], f[2])] != decimal.Parse(f[3], CultureInfo.InvariantCulture))
            .Select(f => $"{f[1]} {f[2]}: {exported[(f[1], f[2])]} ≠ {f[3]}").ShouldBeEmpty();
        var own = Csv("prefecture-published-rates.csv").Where(f => f[0] == prefecture).ToList();
        own.Count.ShouldBe(2);
        foreach (var f in own) exported[("-", f[1])].ShouldBe(decimal.Parse(f[2], CultureInfo.InvariantCulture), f[1]);
    }

    [Fact]
    public async Task The_dashboard_opens_on_non_zero_rates()
    {
        using var client = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        var byCategory = (await client.GetFromJsonAsync<Progress[]>("/api/v1/osaka/migration/progress?groupBy=category"))!;
        byCategory[0].Label.ShouldBe("全市区町村");
        byCategory[0].CompletionRate.ShouldBeInRange(0.5, 0.95);
        byCategory.Count(c => c.Rows > 0).ShouldBeGreaterThan(2);
        byCategory.Where(c => c.Rows > 0).ShouldAllBe(c => c.CompletionRate > 0 && c.InProgress > 0 || c.Label == "都道府県");
        byCategory.Single(c => c.Label == "都道府県").CompletionRate.ShouldBe((0.475 + 0.075) / 2, 1e-9);
    }

    [Fact]
    public async Task Past_due_steps_and_one_specific_migration_support_system_per_tenant()
    {
        foreach (var tenant in DemoData.Tenants)
        {
            await using var scope = await TenantScopeAsync(tenant);
            var db = scope.Db;
            var today = Platform.Text.JapaneseCalendar.TodayInTokyo(DateTimeOffset.UtcNow);
            var overdue = await db.Set<StepProgress>()
                .Where(s => (s.Status == StepStatus.InProgress || s.Status == StepStatus.NotStarted) && s.PlannedDate < today).CountAsync();
            overdue.ShouldBeInRange(5, 10, tenant);
            var specific = await db.Set<BusinessSystem>().Where(s => s.IsSpecificMigrationSupport).ToListAsync();
            specific.ShouldHaveSingleItem().SpecificSupportReason.ShouldNotBeNullOrEmpty();
            specific[0].SpecificSupportPlannedCompletion!.Value.Year.ShouldBeInRange(2027, 2028);
        }
        await using var osaka = await TenantScopeAsync("osaka");
        (await osaka.Db.Set<BusinessSystem>().SingleAsync(s => s.IsSpecificMigrationSupport)).OrganizationCode.ShouldBe("273830");
        // 豊中市 sees what changed in the last month.
        var monthAgo = DateTime.UtcNow.AddMonths(-1);
        (await osaka.Db.Set<StepProgressChange>().CountAsync(c => c.OrganizationCode == "272035" && c.ChangedAt >= monthAgo)).ShouldBeGreaterThan(5);
    }

    [Fact]
    public async Task Seeding_again_changes_nothing()
    {
        async Task<(int, int, int, int)> CountAsync()
        {
            await using var scope = await TenantScopeAsync("osaka");
            return (await scope.Db.Set<StepProgress>().CountAsync(), await scope.Db.Set<StepProgressChange>().CountAsync(),
                await scope.Db.Set<BusinessSystem>().CountAsync(), await scope.Db.OutboxMessages.IgnoreQueryFilters().CountAsync());
        }
        var before = await CountAsync();
        before.Item1.ShouldBeGreaterThan(20_000);
        await App.Factory.Services.GetRequiredService<DemoData>().SeedAsync();
        (await CountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task The_national_roll_up_shows_the_demo_figures()
    {
        using var osaka = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        var own = (await osaka.GetFromJsonAsync<Progress[]>("/api/v1/osaka/migration/progress?groupBy=organization"))!;
        using var national = await App.SignInAsync(null, "national@dxcollab.example");
        Progress? rolledUp = null;
        for (var deadline = DateTime.UtcNow.AddSeconds(60); DateTime.UtcNow < deadline; await Task.Delay(500))
        {
            rolledUp = (await national.GetFromJsonAsync<Progress[]>("/api/v1/national/migration/progress?groupBy=prefecture"))!.Single(p => p.Key == "osaka");
            if (rolledUp.Completed == own.Sum(o => o.Completed)) break;
        }
        rolledUp!.Completed.ShouldBe(own.Sum(o => o.Completed));
        rolledUp.NotApplicable.ShouldBe(own.Sum(o => o.NotApplicable));
        rolledUp.InProgress.ShouldBe(own.Sum(o => o.InProgress));
        rolledUp.Rows.ShouldBe(own.Sum(o => o.Rows));
    }

    private sealed class Scope(IDisposable tenant, AsyncServiceScope services) : IAsyncDisposable
    {
        public DxCollabDbContext Db { get; } = services.ServiceProvider.GetRequiredService<DxCollabDbContext>();

        public async ValueTask DisposeAsync()
        {
            await services.DisposeAsync();
            tenant.Dispose();
        }
    }

    private async Task<Scope> TenantScopeAsync(string id)
    {
        var tenant = await App.Factory.Services.GetRequiredService<IMultiTenantStore<PrefectureTenant>>().GetAsync(id);
        var begun = App.Factory.Services.GetRequiredService<TenantScope<PrefectureTenant>>().Begin(tenant, "test");
        return new Scope(begun, App.Factory.Services.CreateAsyncScope());
    }
}
