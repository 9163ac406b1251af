using System.Globalization;
using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.Platform.Data;
using DxCollab.Platform.Hosting;
using DxCollab.Platform.Identity;
using DxCollab.Platform.ReferenceData;
using DxCollab.Standardization;
using DxCollab.Standardization.Demo;
using DxCollab.Standardization.National;
using DxCollab.Standardization.Snapshots;
using DxCollab.Standardization.Tracking;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.IntegrationTests.Standardization;

/// <summary>The generated nation (tools/DxCollab.Seed) through its API, on each provider: every 団体 × 業務 has its
/// published 2026-01 完了率, the tally equals a recount, the national rows equal the tenant's counts, 12 month-ends
/// exist, the accounts sign in, the same seed gives the same rows, a second run changes nothing, and each tenant's rows
/// stay its own.</summary>
public abstract class NationSeederTests(AppFixture fixture) : AppTest(fixture)
{
    private static readonly DateTime Now = new(2026, 11, 30, 0, 0, 0, DateTimeKind.Utc);

    private static IEnumerable<string[]> Csv(string file) =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Data", file)).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','));

    private Task<NationTenantResult> SeedAsync(string tenant, int seed) =>
        App.InTenantAsync(tenant, sp => NationSeeder.SeedTenantAsync(sp.GetRequiredService<DxCollabDbContext>(), seed, Now));

    [Fact]
    public async Task Two_tenants_get_the_published_rates_a_consistent_tally_national_rows_snapshots_and_accounts()
    {
        foreach (var tenant in new[] { "tottori", "osaka" })
        {
            var result = await SeedAsync(tenant, 1);
            result.Skipped.ShouldBeNull(tenant);
            result.Steps.ShouldBeGreaterThan(10_000);
            result.Snapshots.ShouldBe(12);
            (await App.InTenantAsync(tenant, sp => NationAccounts.SeedAsync(sp.GetRequiredService<DxCollabDbContext>(),
                sp.GetRequiredService<IPasswordHasher<AppUser>>().HashPassword(new AppUser(), DemoData.Password),
                sp.GetRequiredService<ILookupNormalizer>(), 1, Now, default))).ShouldBeGreaterThan(19);
        }

        foreach (var (tenant, prefecture, prefix) in new[] { ("tottori", "鳥取県", "31"), ("osaka", "大阪府", "27") })
            await App.InTenantAsync(tenant, async sp =>
            {
                var db = sp.GetRequiredService<DxCollabDbContext>();
                var names = await db.Organizations.ToDictionaryAsync(o => o.Name, o => o.Code);
                var done = (await db.Set<StepProgress>().Where(s => s.Status == StepStatus.Completed || s.Status == StepStatus.NotApplicable)
                        .GroupBy(s => new { s.OrganizationCode, s.BusinessNumber }).Select(g => new { g.Key.OrganizationCode, g.Key.BusinessNumber, Count = g.Count() })
                        .ToListAsync()).ToDictionary(g => (g.OrganizationCode, g.BusinessNumber), g => g.Count);
                var published = Csv("Demo/municipality-business-rates.csv").Where(f => f[0] == prefecture).ToList();
                published.Count.ShouldBe((names.Count - 1) * 20);
                published.Select(f => (f, Rate: done.GetValueOrDefault((names[f[1]], StandardBusiness.Find(f[2])!.Number)) / 40m))
                    .Where(x => x.Rate != decimal.Parse(x.f[3], CultureInfo.InvariantCulture)).Select(x => $"{x.f[1]} {x.f[2]}: {x.Rate} ≠ {x.f[3]}")
                    .ShouldBeEmpty(tenant);
                foreach (var f in Csv("Demo/prefecture-published-rates.csv").Where(f => f[0] == prefecture))
                    (done.GetValueOrDefault((names[prefecture], StandardBusiness.Find(f[1])!.Number)) / 40m).ShouldBe(decimal.Parse(f[2], CultureInfo.InvariantCulture));

                (await ProgressTallies.DifferencesAsync(db)).ShouldBeEmpty(tenant);

                var tallies = await db.Set<BusinessTally>().ToDictionaryAsync(t => (t.OrganizationCode, t.BusinessNumber), t => t.Counts);
                var national = await db.Set<NationalProgressRow>().Where(r => r.PrefectureId == tenant).ToListAsync();
                national.Count.ShouldBe((names.Count - 1) * 20 + 2);
                national.Where(r => !r.IsEnabled || new StepCounts(r.Completed, r.InProgress, r.NotStarted, r.NotApplicable)
                        != tallies.GetValueOrDefault((r.OrganizationCode, r.BusinessNumber), new StepCounts(0, 0, 40, 0)))
                    .Select(r => $"{r.OrganizationCode}/{r.BusinessNumber}").ShouldBeEmpty(tenant);

                var snapshots = await db.Set<MigrationSnapshot>().OrderBy(s => s.Month).ToListAsync();
                snapshots.Select(s => s.Month).ShouldBe(Enumerable.Range(1, 12).Select(back => new DateOnly(2026, 11, 1).AddMonths(-back)).Reverse());
                snapshots.ShouldAllBe(s => s.Kind == SnapshotKind.MonthEnd);
                (await db.Set<MigrationSnapshotRow>().CountAsync()).ShouldBe(12 * national.Count);
                var trend = await sp.GetRequiredService<SnapshotService>().TrendAsync(ProgressGrouping.Category);
                trend[0].Points.Count.ShouldBe(12);

                // Isolation: this tenant's context sees only its own 団体's rows, each carrying its TenantId.
                (await db.Set<StepProgress>().AnyAsync(s => !s.OrganizationCode.StartsWith(prefix))).ShouldBeFalse(tenant);
                (await db.Set<StepProgress>().IgnoreQueryFilters().Where(s => s.OrganizationCode.StartsWith(prefix)).AllAsync(s => s.TenantId == tenant)).ShouldBeTrue();
                (await db.Set<BusinessTally>().IgnoreQueryFilters().Where(s => s.OrganizationCode.StartsWith(prefix)).AllAsync(s => s.TenantId == tenant)).ShouldBeTrue();
                (await db.Users.CountAsync(u => u.Email!.EndsWith($"@{tenant}.nation.example"))).ShouldBe(names.Count);
                (await db.Users.IgnoreQueryFilters().Where(u => u.Email!.EndsWith($"@{tenant}.nation.example")).AllAsync(u => u.TenantId == tenant)).ShouldBeTrue();
            });

        // The accounts sign in with the documented password, each in its own tenant only.
        using (await App.SignInAsync("tottori", "pref.admin@tottori.nation.example")) { }
        using (await App.SignInAsync("osaka", "272035@osaka.nation.example")) { }
        using var client = App.CreateClient();
        using var wrongTenant = await client.PostAsync(AppFixture.LoginPath("osaka"),
            System.Net.Http.Json.JsonContent.Create(new { email = "pref.admin@tottori.nation.example", password = DemoData.Password }));
        wrongTenant.IsSuccessStatusCode.ShouldBeFalse();

        // A second run changes nothing.
        var before = await CountsAsync("osaka");
        var again = await SeedAsync("osaka", 1);
        again.Skipped.ShouldNotBeNull();
        again.Rows.ShouldBe(0);
        (await App.InTenantAsync("osaka", sp => NationAccounts.SeedAsync(sp.GetRequiredService<DxCollabDbContext>(), "unused",
            sp.GetRequiredService<ILookupNormalizer>(), 1, Now, default))).ShouldBe(0);
        (await CountsAsync("osaka")).ShouldBe(before);
    }

    /// <summary>Another seed gives other rows with the same rates: DemoProgressGeneratorTests (no database needed).</summary>
    [Fact]
    public async Task The_same_seed_gives_the_same_rows()
    {
        (await SeedAsync("shimane", 1)).Skipped.ShouldBeNull();
        var first = await FingerprintAsync("shimane");
        await ClearAsync("shimane");
        (await SeedAsync("shimane", 1)).Skipped.ShouldBeNull();
        (await FingerprintAsync("shimane")).ShouldBe(first);
    }

    private Task<(int, int, int, int, int, int, int)> CountsAsync(string tenant) => App.InTenantAsync(tenant, async sp =>
    {
        var db = sp.GetRequiredService<DxCollabDbContext>();
        return (await db.Set<StepProgress>().CountAsync(), await db.Set<StepProgressChange>().CountAsync(), await db.Set<BusinessSystem>().CountAsync(),
            await db.Set<BusinessTally>().CountAsync(), await db.Set<MigrationSnapshotRow>().CountAsync(),
            await db.Set<NationalProgressRow>().CountAsync(r => r.PrefectureId == tenant), await db.Users.CountAsync());
    });

    private Task<string> FingerprintAsync(string tenant) => App.InTenantAsync(tenant, async sp =>
    {
        var db = sp.GetRequiredService<DxCollabDbContext>();
        var steps = await db.Set<StepProgress>().OrderBy(s => s.OrganizationCode).ThenBy(s => s.BusinessNumber).ThenBy(s => s.StepNumber).ToListAsync();
        var changes = await db.Set<StepProgressChange>().CountAsync();
        var systems = await db.Set<BusinessSystem>().Select(s => s.OrganizationCode + "/" + s.BusinessNumber).ToListAsync();
        var snapshot = await db.Set<MigrationSnapshotRow>().SumAsync(r => r.Completed);
        return string.Join(";", steps.Select(s => $"{s.OrganizationCode}/{s.BusinessNumber}/{s.StepNumber}/{s.Status}/{s.PlannedDate}/{s.ActualDate}/{s.UpdatedAt:O}"))
               + $"|{changes}|{string.Join(",", systems)}|{snapshot}";
    });

    /// <summary>Empties what the seeder wrote into the tenant (its national rows too), so it can be seeded again.</summary>
    private Task ClearAsync(string tenant) => App.InTenantAsync(tenant, async sp =>
    {
        var db = sp.GetRequiredService<DxCollabDbContext>();
        await db.Set<MigrationSnapshotRow>().ExecuteDeleteAsync();
        await db.Set<MigrationSnapshot>().ExecuteDeleteAsync();
        await db.Set<StepProgressChange>().ExecuteDeleteAsync();
        await db.Set<StepProgress>().ExecuteDeleteAsync();
        await db.Set<BusinessSystem>().ExecuteDeleteAsync();
        await db.Set<BusinessTally>().ExecuteDeleteAsync();
        await db.Set<StepTally>().ExecuteDeleteAsync();
        await db.Set<NationalProgressRow>().Where(r => r.PrefectureId == tenant).ExecuteDeleteAsync();
    });
}

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_NationSeeder(SqliteAppFixture fixture) : NationSeederTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSql_NationSeeder(PostgresAppFixture fixture) : NationSeederTests(fixture);
