using System.Net;
using System.Net.Http.Json;
using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.MultiTenancy;
using DxCollab.Platform.Data;
using DxCollab.Platform.Tenancy;
using DxCollab.Standardization;
using DxCollab.Standardization.Tracking;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.IntegrationTests.Standardization;

/// <summary>What the mean hides, through the API: overdue steps, stalled systems, 特定移行支援 systems and the
/// distribution; who may see which 団体; and that one prefecture's rows never show in another's lists.</summary>
public abstract class MigrationInsightsTests(AppFixture fixture) : AppTest(fixture)
{
    private record Overdue(string OrganizationCode, string OrganizationName, int Business, string BusinessName, int Step, string StepId,
        string Status, DateOnly PlannedDate, int DaysOverdue);
    private record Stalled(string OrganizationCode, int Business, double CompletionRate, DateTime? LastChangedAt, DateTime StalledSince, int WeeksWithoutChange);
    private record StalledList(int StalledAfterWeeks, Stalled[] Items);
    private record Specific(string OrganizationCode, int Business, string? Reason, DateOnly? PlannedCompletion, double CompletionRate);
    private record Distribution(int Business, int Organizations, int[] Buckets, double Min, double Median, double Max, double Mean, bool MeanHidesLaggards);

    private const string Toyonaka = "272035", Chihayaakasaka = "273830", Kasagi = "263648";

    [Fact]
    public async Task Overdue_steps_of_osaka_show_to_osaka_only_and_a_municipality_sees_only_its_own()
    {
        using var osaka = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        using var kyoto = await App.SignInAsync("kyoto", "pref.admin@kyoto.example");
        // 豊中市: 児童手当 ①-1 late since 2026-01-05 (作業中), ①-2 late but done (not overdue), ①-3 planned far ahead.
        (await osaka.PatchAsJsonAsync($"/api/v1/osaka/migration/{Toyonaka}/1/steps/1", new { status = "作業中", plannedDate = "2026-01-05" })).EnsureSuccessStatusCode();
        (await osaka.PatchAsJsonAsync($"/api/v1/osaka/migration/{Toyonaka}/1/steps/2", new { status = "完了済み", plannedDate = "2026-01-05" })).EnsureSuccessStatusCode();
        (await osaka.PatchAsJsonAsync($"/api/v1/osaka/migration/{Toyonaka}/1/steps/3", new { status = "未着手", plannedDate = "2099-01-01" })).EnsureSuccessStatusCode();
        (await osaka.PatchAsJsonAsync($"/api/v1/osaka/migration/{Chihayaakasaka}/2/steps/4", new { status = "未着手", plannedDate = "2025-12-01" })).EnsureSuccessStatusCode();
        (await kyoto.PatchAsJsonAsync($"/api/v1/kyoto/migration/{Kasagi}/1/steps/1", new { status = "作業中", plannedDate = "2025-10-01" })).EnsureSuccessStatusCode();

        var list = (await osaka.GetFromJsonAsync<Overdue[]>("/api/v1/osaka/migration/insights/overdue"))!;
        list.Select(o => (o.OrganizationCode, o.Business, o.Step)).ShouldBe([(Chihayaakasaka, 2, 4), (Toyonaka, 1, 1)]); // most days late first
        var toyonaka = list.Single(o => o.OrganizationCode == Toyonaka);
        toyonaka.OrganizationName.ShouldBe("豊中市");
        toyonaka.BusinessName.ShouldBe("児童手当");
        toyonaka.StepId.ShouldBe("①-1");
        toyonaka.Status.ShouldBe("作業中");
        var today = Platform.Text.JapaneseCalendar.TodayInTokyo(DateTimeOffset.UtcNow);
        toyonaka.DaysOverdue.ShouldBeInRange(today.DayNumber - new DateOnly(2026, 1, 5).DayNumber - 1, today.DayNumber - new DateOnly(2026, 1, 5).DayNumber);
        (await osaka.GetFromJsonAsync<Overdue[]>("/api/v1/osaka/migration/insights/overdue?sort=organization"))!
            .Select(o => o.OrganizationCode).ShouldBe([Toyonaka, Chihayaakasaka]);

        // Kyoto sees its own late step and nothing of osaka's; osaka nothing of kyoto's.
        (await kyoto.GetFromJsonAsync<Overdue[]>("/api/v1/kyoto/migration/insights/overdue"))!.Select(o => o.OrganizationCode).ShouldBe([Kasagi]);
        list.ShouldNotContain(o => o.OrganizationCode == Kasagi);
        (await kyoto.GetAsync("/api/v1/osaka/migration/insights/overdue")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // 豊中市's officer sees its own step by default, and 千早赤阪村's when asking for it: statuses and dates are what a
        // peer may see (docs/visibility.md), as on its grid.
        using var officer = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        (await officer.GetFromJsonAsync<Overdue[]>("/api/v1/osaka/migration/insights/overdue"))!.Select(o => o.OrganizationCode).ShouldBe([Toyonaka]);
        (await officer.GetFromJsonAsync<Overdue[]>($"/api/v1/osaka/migration/insights/overdue?orgCode={Chihayaakasaka}"))!
            .Select(o => o.OrganizationCode).ShouldBe([Chihayaakasaka]);
        (await officer.GetAsync("/api/v1/osaka/migration/insights/distribution")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var bad = await osaka.GetAsync("/api/v1/osaka/migration/insights/overdue?sort=late");
        (await bad.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldError("sort").ShouldContain("days");
        (await App.CreateClient().GetAsync("/api/v1/osaka/migration/insights/overdue")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_system_with_no_change_for_the_set_weeks_is_stalled_unless_finished_or_switched_off()
    {
        var now = DateTime.UtcNow;
        await InTenantAsync("osaka", db =>
        {
            // 豊中市: 印鑑登録 last changed 10 weeks ago; 固定資産税 finished 10 weeks ago; 法人住民税 switched off.
            AddOld(db, Toyonaka, 5, [1, 2], StepStatus.Completed, now.AddDays(-70));
            AddOld(db, Toyonaka, 7, [.. Enumerable.Range(1, 40)], StepStatus.Completed, now.AddDays(-70));
            AddOld(db, Toyonaka, 9, [1], StepStatus.InProgress, now.AddDays(-70));
            db.Add(new BusinessSystem { OrganizationCode = Toyonaka, BusinessNumber = 9, IsEnabled = false, UpdatedAt = now });
        });
        using var osaka = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        // 選挙人名簿管理 changes today.
        (await osaka.PatchAsJsonAsync($"/api/v1/osaka/migration/{Toyonaka}/6/steps/1", new { status = "作業中" })).EnsureSuccessStatusCode();

        var stalled = (await osaka.GetFromJsonAsync<StalledList>("/api/v1/osaka/migration/insights/stalled"))!;
        stalled.StalledAfterWeeks.ShouldBe(MigrationSettings.DefaultStalledAfterWeeks);
        var inkan = stalled.Items.Single(s => s.OrganizationCode == Toyonaka && s.Business == 5);
        inkan.LastChangedAt.ShouldNotBeNull().ShouldBe(now.AddDays(-70), TimeSpan.FromSeconds(5));
        inkan.WeeksWithoutChange.ShouldBe(10);
        inkan.CompletionRate.ShouldBe(2.0 / 40, 1e-9);
        stalled.Items.ShouldNotContain(s => s.OrganizationCode == Toyonaka && (s.Business == 6 || s.Business == 7 || s.Business == 9));
        // Never touched: stalled since the prefecture's first record (10 weeks ago), shown without a last change.
        var untouched = stalled.Items.Single(s => s.OrganizationCode == Chihayaakasaka && s.Business == 1);
        untouched.LastChangedAt.ShouldBeNull();
        untouched.StalledSince.ShouldBe(now.AddDays(-70), TimeSpan.FromSeconds(5));

        // Kyoto has recorded nothing: nothing of its own is stalled, and osaka's old rows are not its business.
        using var kyoto = await App.SignInAsync("kyoto", "pref.admin@kyoto.example");
        (await kyoto.GetFromJsonAsync<StalledList>("/api/v1/kyoto/migration/insights/stalled"))!.Items.ShouldBeEmpty();

        // With 12 weeks, nothing in osaka has been still that long.
        (await osaka.PutAsJsonAsync("/api/v1/osaka/migration/settings",
            new { stalledAfterWeeks = 12, escalationAfterBusinessDays = 5, monthlyRequestBusinessDay = 10 })).EnsureSuccessStatusCode();
        var later = (await osaka.GetFromJsonAsync<StalledList>("/api/v1/osaka/migration/insights/stalled"))!;
        later.StalledAfterWeeks.ShouldBe(12);
        later.Items.ShouldBeEmpty();
        (await osaka.PutAsJsonAsync("/api/v1/osaka/migration/settings",
            new { stalledAfterWeeks = 8, escalationAfterBusinessDays = 5, monthlyRequestBusinessDay = 10 })).EnsureSuccessStatusCode();

        using var officer = await App.SignInAsync("osaka", "chihayaakasaka@osaka.example");
        (await officer.GetFromJsonAsync<StalledList>("/api/v1/osaka/migration/insights/stalled"))!.Items
            .Select(s => s.OrganizationCode).Distinct().ShouldBe([Chihayaakasaka]);
    }

    [Fact]
    public async Task Specific_support_systems_show_their_reason_to_their_own_prefecture_only()
    {
        await InTenantAsync("osaka", db => db.Add(new BusinessSystem
        {
            OrganizationCode = Toyonaka, BusinessNumber = 18, IsSpecificMigrationSupport = true, SpecificSupportReason = "メインフレームからの移行",
            SpecificSupportPlannedCompletion = new DateOnly(2027, 3, 31), UpdatedAt = DateTime.UtcNow,
        }));
        using var osaka = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        var list = (await osaka.GetFromJsonAsync<Specific[]>("/api/v1/osaka/migration/insights/specific-support"))!;
        var kokuho = list.Single();
        (kokuho.OrganizationCode, kokuho.Business, kokuho.Reason, kokuho.PlannedCompletion).ShouldBe((Toyonaka, 18, "メインフレームからの移行", new DateOnly(2027, 3, 31)));

        using var kyoto = await App.SignInAsync("kyoto", "pref.admin@kyoto.example");
        (await kyoto.GetFromJsonAsync<Specific[]>("/api/v1/kyoto/migration/insights/specific-support"))!.ShouldBeEmpty();
        using var other = await App.SignInAsync("osaka", "chihayaakasaka@osaka.example");
        (await other.GetFromJsonAsync<Specific[]>("/api/v1/osaka/migration/insights/specific-support"))!.ShouldBeEmpty();
        using var own = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        (await own.GetFromJsonAsync<Specific[]>("/api/v1/osaka/migration/insights/specific-support"))!.Single().Business.ShouldBe(18);

        // Directly: kyoto's context cannot see osaka's flag either.
        await InTenantAsync("kyoto", db => db.Set<BusinessSystem>().Count(s => s.IsSpecificMigrationSupport).ShouldBe(0));
    }

    [Fact]
    public async Task The_distribution_counts_the_municipalities_per_bucket_not_only_the_mean()
    {
        using var osaka = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        var all = Enumerable.Range(1, 40).Select(i => i.ToString()).ToArray();
        (await osaka.PostAsJsonAsync($"/api/v1/osaka/migration/{Toyonaka}/bulk", new { businesses = new[] { "住民基本台帳" }, steps = all, status = "完了済み" }))
            .EnsureSuccessStatusCode();
        (await osaka.PostAsJsonAsync($"/api/v1/osaka/migration/{Chihayaakasaka}/bulk",
            new { businesses = new[] { "住民基本台帳" }, steps = all[..10], status = "対象外" })).EnsureSuccessStatusCode();

        var distribution = (await osaka.GetFromJsonAsync<Distribution[]>("/api/v1/osaka/migration/insights/distribution"))!;
        distribution.Length.ShouldBe(20);
        var juki = distribution.Single(d => d.Business == 3);
        juki.Organizations.ShouldBe(43); // municipalities only: the prefecture does not report 住民基本台帳
        juki.Buckets.ShouldBe([41, 1, 0, 0, 0, 1]);
        juki.Min.ShouldBe(0);
        juki.Median.ShouldBe(0);
        juki.Max.ShouldBe(1);
        juki.Mean.ShouldBe(50.0 / 40 / 43, 1e-9);
        juki.MeanHidesLaggards.ShouldBeFalse();
        distribution.Single(d => d.Business == 14).Organizations.ShouldBe(44); // 児童扶養手当: the prefecture too
    }

    [Theory]
    [InlineData("/osaka/migration")]
    [InlineData("/osaka/migration/272035")]
    [InlineData("/osaka/migration/insights")]
    [InlineData("/osaka/migration/settings")]
    public async Task Anonymous_visitors_of_the_migration_pages_are_sent_to_sign_in(string path)
    {
        using var response = await App.CreateClient().GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("login");
    }

    [Fact]
    public async Task A_municipal_officer_cannot_open_the_insights_or_settings_pages()
    {
        using var officer = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        (await officer.GetAsync("/osaka/migration/insights")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await officer.GetAsync("/osaka/migration/settings")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var staff = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        (await staff.GetAsync("/osaka/migration/insights")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static void AddOld(DxCollabDbContext db, string org, int business, int[] steps, StepStatus status, DateTime at)
    {
        foreach (var step in steps)
        {
            db.Add(new StepProgress { OrganizationCode = org, BusinessNumber = business, StepNumber = step, Status = status, UpdatedAt = at, UpdatedBy = "test" });
            db.Add(new StepProgressChange
            {
                OrganizationCode = org, BusinessNumber = business, StepNumber = step, ToStatus = status, ChangedAt = at, ChangedBy = "test", Source = "import",
            });
        }
    }

    /// <summary>Runs <paramref name="action"/> with the tenant's own DbContext and saves.</summary>
    private async Task InTenantAsync(string tenantId, Action<DxCollabDbContext> action)
    {
        var services = App.Factory.Services;
        var tenant = await services.GetRequiredService<IMultiTenantStore<PrefectureTenant>>().GetAsync(tenantId);
        using var _ = services.GetRequiredService<TenantScope<PrefectureTenant>>().Begin(tenant, "test");
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DxCollabDbContext>();
        action(db);
        await db.SaveChangesAsync();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_MigrationInsights(SqliteAppFixture fixture) : MigrationInsightsTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSql_MigrationInsights(PostgresAppFixture fixture) : MigrationInsightsTests(fixture);
