using System.Net;
using System.Net.Http.Json;
using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.MultiTenancy;
using DxCollab.Platform.Data;
using DxCollab.Platform.Messaging;
using DxCollab.Platform.Tenancy;
using DxCollab.Standardization;
using DxCollab.Standardization.Contracts;
using DxCollab.Standardization.Tracking;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.IntegrationTests.Standardization;

/// <summary>The national roll-up end to end: a 団体's step change goes through the outbox, the tenant-side recompute
/// and the host-level read model, and a NationalViewer sees it in the national figures (no tenant tables read).</summary>
public abstract class NationalRollupTests(AppFixture fixture) : AppTest(fixture)
{
    private record Progress(string Key, string Label, int Rows, int Completed, int InProgress, int NotStarted, int NotApplicable, double CompletionRate);

    private const string NationalPath = "/api/v1/national/migration/progress";

    [Fact]
    public async Task Osakas_bulk_update_reaches_the_national_figures_and_kyoto_stays_as_it_was()
    {
        using var national = await App.SignInAsync(null, "national@dxcollab.example");
        var before = (await national.GetFromJsonAsync<Progress[]>(NationalPath + "?groupBy=prefecture"))!;
        before.Length.ShouldBe(47);
        var osakaBefore = before.Single(p => p.Key == "osaka");
        var kyotoBefore = before.Single(p => p.Key == "kyoto");
        osakaBefore.Label.ShouldBe("大阪府");
        osakaBefore.Rows.ShouldBeInRange(43 * 20 + 2 - 1, 43 * 20 + 2); // 43 × 20 + 2, less the 業務 another test of this class switches off

        using var toyonaka = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        using var response = await toyonaka.PostAsJsonAsync("/api/v1/osaka/migration/272035/bulk",
            new { businesses = new[] { "住民基本台帳", "戸籍" }, steps = Enumerable.Range(1, 10).Select(i => i.ToString()).ToArray(), status = "完了済み" });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());

        Progress[] after = before;
        for (var deadline = DateTime.UtcNow.AddSeconds(15); DateTime.UtcNow < deadline; await Task.Delay(200))
        {
            after = (await national.GetFromJsonAsync<Progress[]>(NationalPath + "?groupBy=prefecture"))!;
            if (after.Single(p => p.Key == "osaka").Completed != osakaBefore.Completed) break;
        }
        var osaka = after.Single(p => p.Key == "osaka");
        osaka.Completed.ShouldBe(osakaBefore.Completed + 20);
        osaka.NotStarted.ShouldBe(osakaBefore.NotStarted - 20);
        osaka.Rows.ShouldBe(osakaBefore.Rows);
        osaka.CompletionRate.ShouldBe((double)(osakaBefore.Completed + osakaBefore.NotApplicable + 20) / (40 * osaka.Rows), 1e-9);
        after.Single(p => p.Key == "kyoto").ShouldBe(kyotoBefore);

        var byCategory = (await national.GetFromJsonAsync<Progress[]>(NationalPath + "?groupBy=category"))!;
        byCategory.Select(p => p.Label).ShouldBe(["全市区町村", "指定都市", "特別区", "中核市", "指定都市・中核市以外の市", "町村", "都道府県"]);
        byCategory[0].Rows.ShouldBe(after.Sum(p => p.Rows) - 47 * 2);
        byCategory[^1].Rows.ShouldBe(47 * 2);
        var byBusiness = (await national.GetFromJsonAsync<Progress[]>(NationalPath + "?groupBy=business"))!;
        byBusiness.Length.ShouldBe(20);
        byBusiness.Sum(b => b.Completed).ShouldBe(byCategory[0].Completed + byCategory[^1].Completed);
    }

    [Fact]
    public async Task A_business_the_body_switches_off_leaves_the_national_rows()
    {
        using var national = await App.SignInAsync(null, "national@dxcollab.example");
        var before = (await national.GetFromJsonAsync<Progress[]>(NationalPath + "?groupBy=prefecture"))!.Single(p => p.Key == "osaka");

        // What switching a 業務 off does: the flag and an event (no steps) in one transaction.
        var tenant = await App.Factory.Services.GetRequiredService<IMultiTenantStore<PrefectureTenant>>().GetAsync("osaka");
        using (App.Factory.Services.GetRequiredService<TenantScope<PrefectureTenant>>().Begin(tenant, "test"))
        {
            await using var scope = App.Factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DxCollabDbContext>();
            db.Add(new BusinessSystem { OrganizationCode = "273830", BusinessNumber = 9, IsEnabled = false, UpdatedAt = DateTime.UtcNow });
            db.AddIntegrationEvent(new MigrationStepsChanged("osaka", "273830", [9], [], StepStatus.NotStarted, DateTime.UtcNow, "test"));
            await db.SaveChangesAsync();
        }

        var after = before;
        for (var deadline = DateTime.UtcNow.AddSeconds(15); DateTime.UtcNow < deadline && after.Rows == before.Rows; await Task.Delay(200))
            after = (await national.GetFromJsonAsync<Progress[]>(NationalPath + "?groupBy=prefecture"))!.Single(p => p.Key == "osaka");
        after.Rows.ShouldBe(before.Rows - 1);
        after.NotStarted.ShouldBe(before.NotStarted - 40);
    }

    [Fact]
    public async Task A_tenant_user_gets_403_and_a_bad_grouping_is_a_400()
    {
        using var toyonaka = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        using var tenantUser = await toyonaka.GetAsync(NationalPath + "?groupBy=prefecture");
        await tenantUser.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        using var admin = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        using var prefectureAdmin = await admin.GetAsync(NationalPath);
        await prefectureAdmin.ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        using var national = await App.SignInAsync(null, "national@dxcollab.example");
        using var bad = await national.GetAsync(NationalPath + "?groupBy=organization");
        var problem = await bad.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldError("groupBy").ShouldContain(c => c > 0x3000);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_NationalRollup(SqliteAppFixture fixture) : NationalRollupTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSql_NationalRollup(PostgresAppFixture fixture) : NationalRollupTests(fixture);
