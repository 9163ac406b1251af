using System.Net.Http.Json;
using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.Platform.Data;
using DxCollab.Standardization;
using DxCollab.Standardization.Tracking;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.IntegrationTests.Standardization;

/// <summary>The dashboard's figures are computed once per tenant and change, not per request: a second request is served
/// what the first computed, any change the dashboard shows (a status, a 業務 switched off, a setting, the 団体 list) is
/// shown at the next request on every web instance, a change elsewhere computes nothing, and one tenant's figures never
/// answer another's.</summary>
public abstract class ProgressFiguresTests(AppFixture fixture) : AppTest(fixture)
{
    private const string Suita = "272051";

    /// <summary>Two web instances: each keeps its own figures, the version they check is the database's.</summary>
    private readonly ProgressFigureStore instanceA = new(), instanceB = new();
    private int computed;

    [Fact]
    public async Task A_change_is_shown_at_the_next_request_on_every_instance_and_other_saves_compute_nothing()
    {
        using var admin = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        var first = await SuitaCompletedAsync(instanceA);
        (await SuitaCompletedAsync(instanceA)).ShouldBe(first);
        computed.ShouldBe(1, "the second request is served what the first computed");

        // A status: instance A computes again, instance B (nothing kept) sees the same.
        var original = await StatusAsync(1, 40);
        var changed = original == StepStatus.Completed ? "未着手" : "完了済み";
        (await admin.PatchAsJsonAsync($"/api/v1/osaka/migration/{Suita}/1/steps/40", new { status = changed })).EnsureSuccessStatusCode();
        var afterStep = await SuitaCompletedAsync(instanceA);
        afterStep.ShouldNotBe(first);
        afterStep.ShouldBe(await FreshAsync());
        (await SuitaCompletedAsync(instanceB)).ShouldBe(afterStep);
        computed.ShouldBe(3);

        // A 業務 switched off and on again, a setting, a 団体 leaving the list: each is a new version.
        foreach (var change in new Func<Task>[]
                 {
                     async () => (await admin.PutAsJsonAsync($"/api/v1/osaka/migration/{Suita}/3/enabled", new { enabled = false })).EnsureSuccessStatusCode(),
                     async () => (await admin.PutAsJsonAsync($"/api/v1/osaka/migration/{Suita}/3/enabled", new { enabled = true })).EnsureSuccessStatusCode(),
                     async () => (await admin.PutAsJsonAsync("/api/v1/osaka/migration/settings", new { stalledAfterWeeks = 9, escalationAfterBusinessDays = 5, monthlyRequestBusinessDay = 10 })).EnsureSuccessStatusCode(),
                     async () => (await admin.PutAsJsonAsync("/api/v1/osaka/migration/settings", new { stalledAfterWeeks = 8, escalationAfterBusinessDays = 5, monthlyRequestBusinessDay = 10 })).EnsureSuccessStatusCode(),
                     () => SetAbolishedAsync(new DateOnly(2026, 4, 1)),
                     () => SetAbolishedAsync(null),
                 })
        {
            var before = computed;
            await change();
            (await SuitaCompletedAsync(instanceA)).ShouldBe(await FreshAsync());
            computed.ShouldBe(before + 1);
        }

        // A save of something the dashboard does not show (a user's display name) keeps the figures.
        var kept = computed;
        await App.InTenantAsync("osaka", async sp =>
        {
            var db = sp.GetRequiredService<DxCollabDbContext>();
            var user = await db.Users.SingleAsync(u => u.Email == "pref.admin@osaka.example");
            user.DisplayName += "（確認）";
            await db.SaveChangesAsync();
            user.DisplayName = user.DisplayName[..^4];
            await db.SaveChangesAsync();
        });
        await SuitaCompletedAsync(instanceA);
        computed.ShouldBe(kept);
        await RestoreAsync(admin, 1, 40, original);
    }

    [Fact]
    public async Task The_dashboards_kept_heat_map_shows_a_change_at_the_next_request()
    {
        using var admin = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        var before = SuitaChildAllowanceCell(await admin.GetStringAsync("/osaka/migration"));
        SuitaChildAllowanceCell(await admin.GetStringAsync("/osaka/migration")).ShouldBe(before, "the kept rendering is the same");

        // One of 40 steps of 児童手当 (業務 1, the first column) changes: the cell moves by 2.5 points at the next request.
        var original = await StatusAsync(1, 40);
        var done = original is StepStatus.Completed or StepStatus.NotApplicable;
        (await admin.PatchAsJsonAsync($"/api/v1/osaka/migration/{Suita}/1/steps/40", new { status = done ? "未着手" : "完了済み" })).EnsureSuccessStatusCode();
        var after = SuitaChildAllowanceCell(await admin.GetStringAsync("/osaka/migration"));
        (after - before).ShouldBe(done ? -2.5m : 2.5m);
        await RestoreAsync(admin, 1, 40, original);
        SuitaChildAllowanceCell(await admin.GetStringAsync("/osaka/migration")).ShouldBe(before);
    }

    /// <summary>The heat map's 児童手当 cell of 吹田市 (the one after 全体) on the dashboard page.</summary>
    private static decimal SuitaChildAllowanceCell(string page)
    {
        var row = System.Text.RegularExpressions.Regex.Match(page, $"<tr data-org=\"{Suita}\">(.*?)</tr>", System.Text.RegularExpressions.RegexOptions.Singleline);
        row.Success.ShouldBeTrue("吹田市 is in the heat map");
        var cells = System.Text.RegularExpressions.Regex.Matches(row.Groups[1].Value, "<td class=\"[^\"]*\">([^<]*)</td>");
        return decimal.Parse(cells[1].Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task One_tenant_never_gets_another_tenants_figures_and_its_changes_keep_the_others()
    {
        var osaka = await App.InTenantAsync("osaka", sp => Figures(sp, instanceA).GetAsync("all", c => sp.GetRequiredService<ProgressReport>()
            .ComputeAsync(ProgressGrouping.Category, c), default));
        var kyoto = await App.InTenantAsync("kyoto", sp => Figures(sp, instanceA).GetAsync("all", c => sp.GetRequiredService<ProgressReport>()
            .ComputeAsync(ProgressGrouping.Category, c), default));
        kyoto.ShouldNotBe(osaka);
        var kyotoVersion = await VersionAsync("kyoto");
        using var admin = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        var osakaVersion = await VersionAsync("osaka");
        var original = await StatusAsync(2, 39);
        (await admin.PatchAsJsonAsync($"/api/v1/osaka/migration/{Suita}/2/steps/39",
            new { status = original == StepStatus.InProgress ? "完了済み" : "作業中" })).EnsureSuccessStatusCode();
        (await VersionAsync("osaka"))!.Value.ShouldBeGreaterThan(osakaVersion!.Value);
        (await VersionAsync("kyoto")).ShouldBe(kyotoVersion, "osaka's change does not touch kyoto's version");
        await RestoreAsync(admin, 2, 39, original);
    }

    [Fact]
    public async Task Requests_arriving_together_share_one_computation()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => SuitaCompletedAsync(instanceB)));
        results.Distinct().Count().ShouldBe(1);
        computed.ShouldBe(1);
    }

    /// <summary>The first reader of a tenant makes its version row while a write is still uncommitted: the write's bump,
    /// which found no row, makes it in its own transaction, so the reader waits for the write and nothing is kept from
    /// before it (the clean-clone CI's restored database met this race: its national figures never moved).</summary>
    [Fact]
    public async Task A_write_racing_the_first_reader_of_a_tenant_is_never_lost()
    {
        await App.InTenantAsync("osaka", sp => sp.GetRequiredService<DxCollabDbContext>().Set<ProgressVersion>().ExecuteDeleteAsync());
        var original = await StatusAsync(4, 38);
        var changed = original == StepStatus.Completed ? StepStatus.NotStarted : StepStatus.Completed;
        await App.InTenantAsync("osaka", async writer =>
        {
            var db = writer.GetRequiredService<DxCollabDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await writer.GetRequiredService<StepTracker>().UpdateAsync(Suita, [4], [38], new StepUpdate(changed), "race", "api");
            var reader = SuitaCompletedAsync(instanceA); // the tenant's first reader, while the write is uncommitted
            await Task.Delay(500);
            await transaction.CommitAsync();
            await reader;
        });
        (await SuitaCompletedAsync(instanceA)).ShouldBe(await FreshAsync(), "the figures kept include the write");
        using var admin = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        await RestoreAsync(admin, 4, 38, original);
    }

    private static ProgressFigures Figures(IServiceProvider sp, ProgressFigureStore store) =>
        new(sp.GetRequiredService<DxCollabDbContext>(), store, TimeProvider.System);

    /// <summary>吹田市's counts on the dashboard of <paramref name="instance"/>, counting the computations.</summary>
    private Task<ProgressGroup> SuitaCompletedAsync(ProgressFigureStore instance) => App.InTenantAsync("osaka", sp =>
        Figures(sp, instance).GetAsync("organizations", async c =>
        {
            Interlocked.Increment(ref computed);
            var groups = await sp.GetRequiredService<ProgressReport>().ComputeAsync(ProgressGrouping.Organization, c);
            return groups.SingleOrDefault(g => g.Key == Suita) ?? new ProgressGroup(Suita, "（一覧外）", 0, 0, 0, 0, 0);
        }, default));

    private Task<ProgressGroup> FreshAsync() => App.InTenantAsync("osaka", async sp =>
        (await sp.GetRequiredService<ProgressReport>().ComputeAsync(ProgressGrouping.Organization)).SingleOrDefault(g => g.Key == Suita)
        ?? new ProgressGroup(Suita, "（一覧外）", 0, 0, 0, 0, 0));

    private Task<long?> VersionAsync(string tenant) => App.InTenantAsync(tenant, sp => ProgressVersion.ReadAsync(sp.GetRequiredService<DxCollabDbContext>(), default));

    private Task<StepStatus> StatusAsync(int business, int step) => App.InTenantAsync("osaka", async sp =>
        await sp.GetRequiredService<DxCollabDbContext>().Set<StepProgress>().Where(p => p.OrganizationCode == Suita && p.BusinessNumber == business
            && p.StepNumber == step).Select(p => (StepStatus?)p.Status).SingleOrDefaultAsync() ?? StepStatus.NotStarted);

    /// <summary>Puts the step back as it was, for the tests that share this tenant.</summary>
    private static async Task RestoreAsync(HttpClient admin, int business, int step, StepStatus status) =>
        (await admin.PatchAsJsonAsync($"/api/v1/osaka/migration/{Suita}/{business}/steps/{step}", new { status = status.JapaneseName() })).EnsureSuccessStatusCode();

    private Task SetAbolishedAsync(DateOnly? on) => App.InTenantAsync("osaka", async sp =>
    {
        var db = sp.GetRequiredService<DxCollabDbContext>();
        (await db.Organizations.SingleAsync(o => o.Code == Suita)).AbolishedOn = on;
        await db.SaveChangesAsync();
    });
}

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_ProgressFigures(SqliteAppFixture fixture) : ProgressFiguresTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSql_ProgressFigures(PostgresAppFixture fixture) : ProgressFiguresTests(fixture);
