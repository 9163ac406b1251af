using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DxCollab.IntegrationTests.Infrastructure;

namespace DxCollab.IntegrationTests.Standardization;

/// <summary>標準化 step statuses through the API: who may change what, bulk updates, and the progress figures.</summary>
public abstract class MigrationTrackingTests(AppFixture fixture) : AppTest(fixture)
{
    private record Progress(string Key, string Label, int Rows, int Completed, int InProgress, int NotStarted, int NotApplicable, double CompletionRate);
    private record Update(int Changed, int Unchanged);

    [Fact]
    public async Task Toyonaka_marks_its_own_step_done_using_the_workbook_name_of_the_business()
    {
        using var client = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        using var response = await client.PutAsJsonAsync("/api/v1/osaka/migration/272035/住民記録/steps/1",
            new { status = "完了済み", plannedDate = (string?)null, actualDate = "2026-11-20", note = "推進体制案を作成" });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await response.Content.ReadFromJsonAsync<Update>())!.Changed.ShouldBe(1);

        var grid = await client.GetFromJsonAsync<JsonElement[]>("/api/v1/osaka/migration/272035");
        var cell = grid!.Single(c => c.GetProperty("business").GetInt32() == 3 && c.GetProperty("step").GetInt32() == 1);
        cell.GetProperty("status").GetString().ShouldBe("完了済み");
        cell.GetProperty("actualDate").GetString().ShouldBe("2026-11-20");
    }

    [Fact]
    public async Task A_municipality_cannot_change_another_municipalitys_steps()
    {
        using var client = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        using var response = await client.PatchAsJsonAsync("/api/v1/osaka/migration/273830/1/steps/1", new { status = "完了済み" });
        (await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden)).Detail().ShouldNotBeNull().ShouldContain("その団体の担当者");
    }

    [Fact]
    public async Task Kyoto_cannot_touch_osaka_and_the_prefecture_may_help_its_municipalities()
    {
        using var kyoto = await App.SignInAsync("kyoto", "kasagi@kyoto.example");
        (await kyoto.PatchAsJsonAsync("/api/v1/osaka/migration/272035/1/steps/1", new { status = "完了済み" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var osaka = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        (await osaka.PatchAsJsonAsync("/api/v1/osaka/migration/273830/介護保険/steps/②-1", new { status = "作業中" })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("/api/v1/osaka/migration/272035/1/steps/1", """{"status":"done"}""", "status")]
    [InlineData("/api/v1/osaka/migration/272035/住民票/steps/1", """{"status":"完了済み"}""", "businesses")]
    [InlineData("/api/v1/osaka/migration/272035/1/steps/41", """{"status":"完了済み"}""", "steps")]
    [InlineData("/api/v1/osaka/migration/270008/3/steps/1", """{"status":"完了済み"}""", "businesses")]
    public async Task Bad_input_is_a_400_with_a_japanese_reason(string path, string body, string field)
    {
        using var client = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await client.PatchAsync(path, content);
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldError(field).ShouldContain(c => c > 0x3000);
    }

    [Fact]
    public async Task A_null_business_or_step_in_a_bulk_request_is_a_400_not_a_crash()
    {
        using var client = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        using var content = new StringContent("""{"businesses":[null],"steps":[null],"status":"完了済み"}""", System.Text.Encoding.UTF8, "application/json");
        using var response = await client.PostAsync("/api/v1/osaka/migration/272035/bulk", content);
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldError("businesses").ShouldContain(c => c > 0x3000);
        problem.FieldError("steps").ShouldContain(c => c > 0x3000);
    }

    [Fact]
    public async Task The_grid_of_a_body_outside_the_prefecture_is_a_404()
    {
        using var client = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        using var response = await client.GetAsync("/api/v1/osaka/migration/263648"); // 笠置町 is in kyoto
        (await response.ShouldBeProblemAsync(HttpStatusCode.NotFound)).GetProperty("detail").GetString()!.ShouldContain("263648");
    }

    [Fact]
    public async Task A_wrong_planned_date_can_be_cleared_on_the_step_while_a_bulk_change_keeps_it()
    {
        using var client = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        (await client.PatchAsJsonAsync("/api/v1/osaka/migration/272035/1/steps/2", new { status = "作業中", plannedDate = "2026-01-05", note = "誤入力" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.PostAsJsonAsync("/api/v1/osaka/migration/272035/bulk", new { businesses = new[] { "1" }, steps = new[] { "2" }, status = "作業中" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var kept = (await client.GetFromJsonAsync<System.Text.Json.JsonElement[]>("/api/v1/osaka/migration/272035"))!
            .Single(c => c.GetProperty("business").GetInt32() == 1 && c.GetProperty("step").GetInt32() == 2);
        kept.GetProperty("plannedDate").GetString().ShouldBe("2026-01-05");

        // PUT replaces the whole step: the dates and note sent as null are cleared.
        (await client.PutAsJsonAsync("/api/v1/osaka/migration/272035/1/steps/2",
            new { status = "作業中", plannedDate = (string?)null, actualDate = (string?)null, note = (string?)null })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var cleared = (await client.GetFromJsonAsync<System.Text.Json.JsonElement[]>("/api/v1/osaka/migration/272035"))!
            .Single(c => c.GetProperty("business").GetInt32() == 1 && c.GetProperty("step").GetInt32() == 2);
        cleared.GetProperty("plannedDate").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        cleared.GetProperty("note").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task Bulk_update_of_three_businesses_and_sixteen_steps_moves_the_figures_as_somusho_computes_them()
    {
        using var client = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        var steps = Enumerable.Range(1, 16).Select(i => i.ToString()).ToArray();
        using var response = await client.PostAsJsonAsync("/api/v1/osaka/migration/272035/bulk",
            new { businesses = new[] { "住民基本台帳", "印鑑登録", "戸籍附票" }, steps, status = "未" });
        (await response.Content.ReadFromJsonAsync<Update>())!.Changed.ShouldBe(48);
        using var done = await client.PostAsJsonAsync("/api/v1/osaka/migration/272035/bulk",
            new { businesses = new[] { "3", "5", "4" }, steps, status = "完了済み" });
        (await done.Content.ReadFromJsonAsync<Update>())!.Changed.ShouldBe(48);

        var byOrg = (await client.GetFromJsonAsync<Progress[]>("/api/v1/osaka/migration/progress?groupBy=organization"))!;
        var toyonaka = byOrg.Single(p => p.Key == "272035");
        toyonaka.Rows.ShouldBe(20);
        toyonaka.Completed.ShouldBe(48);
        toyonaka.CompletionRate.ShouldBe(48.0 / (40 * 20), 1e-9);
        byOrg.Single(p => p.Key == "270008").Rows.ShouldBe(2); // the prefecture reports 児童扶養手当 and 生活保護

        var byCategory = (await client.GetFromJsonAsync<Progress[]>("/api/v1/osaka/migration/progress?groupBy=category"))!;
        byCategory.Select(p => p.Label).ShouldBe(["全市区町村", "指定都市", "特別区", "中核市", "指定都市・中核市以外の市", "町村", "都道府県"]);
        byCategory[0].Rows.ShouldBe(43 * 20);
        byCategory.Single(p => p.Label == "中核市").Completed.ShouldBe(48);
        byCategory.Single(p => p.Label == "中核市").CompletionRate.ShouldBe(48.0 / (40 * 7 * 20), 1e-9);

        var byStep = (await client.GetFromJsonAsync<Progress[]>("/api/v1/osaka/migration/progress?groupBy=step"))!;
        byStep.Length.ShouldBe(40);
        byStep[0].Completed.ShouldBe(3);
        byStep[0].Rows.ShouldBe(43 * 20 + 2);

        (await client.GetAsync("/api/v1/osaka/migration/progress?groupBy=city")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_MigrationTracking(SqliteAppFixture fixture) : MigrationTrackingTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSql_MigrationTracking(PostgresAppFixture fixture) : MigrationTrackingTests(fixture);
