using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.MultiTenancy;
using DxCollab.Platform.Data;
using DxCollab.Platform.Tenancy;
using DxCollab.Standardization.Tracking;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.IntegrationTests.Standardization;

/// <summary>Per-system facts (特定移行支援システム, 経過措置, vendor, go-live) and switching a 業務 off and on.</summary>
public abstract class SystemFactsTests(AppFixture fixture) : AppTest(fixture)
{
    private record Item(int Business, string OfficialName, bool Enabled, bool SpecificMigrationSupport, string? SpecificSupportReason,
        DateOnly? SpecificSupportPlannedCompletion, string? TransitionalMeasures, string? VendorName, DateOnly? TargetGoLive, string? UpdatedBy);
    private record Progress(string Key, string Label, int Rows, int Completed, int InProgress, int NotStarted, int NotApplicable, double CompletionRate);

    [Fact]
    public async Task Every_reported_business_is_listed_with_defaults_until_facts_are_saved()
    {
        using var toyonaka = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        var systems = (await toyonaka.GetFromJsonAsync<Item[]>("/api/v1/osaka/migration/272035/systems"))!;
        systems.Length.ShouldBe(20);
        systems.ShouldAllBe(s => s.Enabled && !s.SpecificMigrationSupport && s.VendorName == null);
        (await toyonaka.GetFromJsonAsync<Item[]>("/api/v1/osaka/migration/270008/systems"))!.Select(s => s.OfficialName)
            .ShouldBe(["児童扶養手当", "生活保護"]);

        using var saved = await toyonaka.PutAsJsonAsync("/api/v1/osaka/migration/272035/住民記録/system", new
        {
            specificMigrationSupport = true, specificSupportReason = "メインフレームを利用しているため", specificSupportPlannedCompletion = "2027-03-31",
            transitionalMeasures = "宛名番号の連携", vendorName = "  株式会社サンプル  ", targetGoLive = "2026-12-01",
        });
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        var residents = (await toyonaka.GetFromJsonAsync<Item[]>("/api/v1/osaka/migration/272035/systems"))!.Single(s => s.Business == 3);
        residents.SpecificMigrationSupport.ShouldBeTrue();
        residents.SpecificSupportReason.ShouldBe("メインフレームを利用しているため");
        residents.SpecificSupportPlannedCompletion.ShouldBe(new DateOnly(2027, 3, 31));
        residents.VendorName.ShouldBe("株式会社サンプル");
        residents.TargetGoLive.ShouldBe(new DateOnly(2026, 12, 1));
        residents.UpdatedBy.ShouldBe("toyonaka@osaka.example");

        // Turning 特定移行支援 off drops its reason and date; the other facts stay.
        using var off = await toyonaka.PutAsJsonAsync("/api/v1/osaka/migration/272035/3/system",
            new { specificMigrationSupport = false, specificSupportReason = "x", vendorName = "株式会社サンプル" });
        var item = (await off.Content.ReadFromJsonAsync<Item>())!;
        item.SpecificSupportReason.ShouldBeNull();
        item.SpecificSupportPlannedCompletion.ShouldBeNull();
        item.TargetGoLive.ShouldBeNull();
        item.VendorName.ShouldBe("株式会社サンプル");
    }

    [Theory]
    [InlineData("272035/1/system", """{"specificMigrationSupport":true,"specificSupportReason":"  "}""", "specificSupportReason")]
    [InlineData("272035/1/system", """{"vendorName":"VENDOR_201"}""", "vendorName")]
    [InlineData("272035/1/system", """{"transitionalMeasures":"TEXT_1001"}""", "transitionalMeasures")]
    [InlineData("272035/住民票/system", """{}""", "business")]
    [InlineData("272035/1/enabled", """{}""", "enabled")]
    public async Task Bad_input_is_a_400_with_a_japanese_reason(string path, string body, string field)
    {
        using var client = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        body = body.Replace("VENDOR_201", new string('社', 201)).Replace("TEXT_1001", new string('機', 1001));
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await client.PutAsync("/api/v1/osaka/migration/" + path, content);
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldError(field).ShouldContain(c => c > 0x3000);
    }

    [Fact]
    public async Task The_prefecture_reports_only_two_businesses_and_an_unknown_body_is_a_404()
    {
        using var admin = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        using var notReported = await admin.PutAsJsonAsync("/api/v1/osaka/migration/270008/住民基本台帳/system", new { vendorName = "A" });
        await notReported.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        using var unknown = await admin.GetAsync("/api/v1/osaka/migration/999999/systems");
        await unknown.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        using var prefecture = await admin.PutAsJsonAsync("/api/v1/osaka/migration/270008/生活保護/system", new { vendorName = "A" });
        prefecture.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_municipality_cannot_change_anothers_facts_or_switch_and_kyoto_never_sees_osaka()
    {
        using var toyonaka = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        using var facts = await toyonaka.PutAsJsonAsync("/api/v1/osaka/migration/273830/1/system", new { vendorName = "A" });
        (await facts.ShouldBeProblemAsync(HttpStatusCode.Forbidden)).Detail().ShouldNotBeNull().ShouldContain("その団体の担当者");
        using var switchOff = await toyonaka.PutAsJsonAsync("/api/v1/osaka/migration/273830/1/enabled", new { enabled = false });
        await switchOff.ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        using var admin = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        (await admin.PutAsJsonAsync("/api/v1/osaka/migration/273830/1/system", new { vendorName = "大阪のベンダー" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var kyoto = await App.SignInAsync("kyoto", "kasagi@kyoto.example");
        (await kyoto.GetAsync("/api/v1/osaka/migration/273830/systems")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await kyoto.PutAsJsonAsync("/api/v1/osaka/migration/273830/1/system", new { vendorName = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // Within its own tenant, kyoto's API does not know osaka's 団体 at all.
        (await kyoto.GetAsync("/api/v1/kyoto/migration/273830/systems")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var own = (await kyoto.GetFromJsonAsync<Item[]>("/api/v1/kyoto/migration/263648/systems"))!;
        own.Length.ShouldBe(20);
        own.ShouldAllBe(s => s.VendorName == null);

        // Directly: kyoto's DbContext sees none of osaka's rows.
        var tenant = await App.Factory.Services.GetRequiredService<IMultiTenantStore<PrefectureTenant>>().GetAsync("kyoto");
        using (App.Factory.Services.GetRequiredService<TenantScope<PrefectureTenant>>().Begin(tenant, "test"))
        {
            await using var scope = App.Factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DxCollabDbContext>();
            (await db.Set<BusinessSystem>().CountAsync()).ShouldBe(0);
            (await db.Set<BusinessSystem>().IgnoreQueryFilters().AnyAsync(s => s.VendorName == "大阪のベンダー")).ShouldBe(App.Provider == "Sqlite");
        }
    }

    [Fact]
    public async Task Switching_a_business_off_removes_it_from_every_rate_refuses_steps_and_switching_back_restores_them()
    {
        using var toyonaka = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        (await toyonaka.PostAsJsonAsync("/api/v1/osaka/migration/272035/bulk",
            new { businesses = new[] { "9" }, steps = Enumerable.Range(1, 40).Select(i => i.ToString()).ToArray(), status = "完了済み" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        using var national = await App.SignInAsync(null, "national@dxcollab.example");
        var nationalBefore = await WaitForNationalAsync(national, p => p.Completed >= 40);
        var before = (await toyonaka.GetFromJsonAsync<Progress[]>("/api/v1/osaka/migration/progress?groupBy=organization"))!.Single(p => p.Key == "272035");
        before.Rows.ShouldBe(20);
        before.Completed.ShouldBe(40);

        using var off = await toyonaka.PutAsJsonAsync("/api/v1/osaka/migration/272035/9/enabled", new { enabled = false });
        off.StatusCode.ShouldBe(HttpStatusCode.OK, await off.Content.ReadAsStringAsync());
        var after = (await toyonaka.GetFromJsonAsync<Progress[]>("/api/v1/osaka/migration/progress?groupBy=organization"))!.Single(p => p.Key == "272035");
        after.Rows.ShouldBe(19);
        after.Completed.ShouldBe(0);
        var nationalOff = await WaitForNationalAsync(national, p => p.Rows == nationalBefore.Rows - 1);
        nationalOff.Rows.ShouldBe(nationalBefore.Rows - 1);
        nationalOff.Completed.ShouldBe(nationalBefore.Completed - 40);

        using var refused = await toyonaka.PatchAsJsonAsync("/api/v1/osaka/migration/272035/9/steps/1", new { status = "作業中" });
        (await refused.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldError("businesses").ShouldContain("対象にしていません");
        var systems = (await toyonaka.GetFromJsonAsync<Item[]>("/api/v1/osaka/migration/272035/systems"))!;
        systems.Single(s => s.Business == 9).Enabled.ShouldBeFalse();

        using var on = await toyonaka.PutAsJsonAsync("/api/v1/osaka/migration/272035/9/enabled", new { enabled = true });
        (await on.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("changed").GetBoolean().ShouldBeTrue();
        var restored = (await toyonaka.GetFromJsonAsync<Progress[]>("/api/v1/osaka/migration/progress?groupBy=organization"))!.Single(p => p.Key == "272035");
        restored.ShouldBe(before);
        var nationalOn = await WaitForNationalAsync(national, p => p.Rows == nationalBefore.Rows);
        nationalOn.Completed.ShouldBe(nationalBefore.Completed);

        // Switching on what is on changes nothing.
        using var again = await toyonaka.PutAsJsonAsync("/api/v1/osaka/migration/272035/9/enabled", new { enabled = true });
        (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("changed").GetBoolean().ShouldBeFalse();
    }

    private static async Task<Progress> WaitForNationalAsync(HttpClient national, Func<Progress, bool> done)
    {
        Progress osaka = null!;
        for (var deadline = DateTime.UtcNow.AddSeconds(20); DateTime.UtcNow < deadline; await Task.Delay(200))
        {
            osaka = (await national.GetFromJsonAsync<Progress[]>("/api/v1/national/migration/progress?groupBy=prefecture"))!.Single(p => p.Key == "osaka");
            if (done(osaka)) return osaka;
        }
        return osaka;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_SystemFacts(SqliteAppFixture fixture) : SystemFactsTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSql_SystemFacts(PostgresAppFixture fixture) : SystemFactsTests(fixture);
