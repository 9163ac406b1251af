using System.Net;
using System.Net.Http.Json;
using DxCollab.IntegrationTests.Infrastructure;
using static DxCollab.IntegrationTests.Procurement.ProcurementTestData;

namespace DxCollab.IntegrationTests.Procurement;

/// <summary>Opening a workspace and who sees it: the opener's 団体 leads; another 団体 of the prefecture neither reads nor
/// lists it until it is a member; the prefecture's staff see every workspace of the tenant; kyoto learns nothing.</summary>
public abstract class WorkspaceApiTests(AppFixture fixture) : AppTest(fixture)
{
    [Fact]
    public async Task The_opener_leads_its_workspace_which_only_members_and_the_prefectures_staff_see()
    {
        using var toyonaka = await App.SignInAsync("osaka", ToyonakaEmail);
        var id = await CreateWorkspaceAsync(toyonaka);
        var seen = await (await toyonaka.GetAsync($"{Procurements}/{id}")).ReadJsonAsync();
        seen.GetProperty("leadOrganizationCode").GetString().ShouldBe(Toyonaka);
        seen.GetProperty("phaseName").GetString().ShouldBe("検討");
        seen.GetProperty("mySeat").GetString().ShouldBe("Lead");
        seen.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("roleName").GetString()).ShouldBe(["代表団体"]);

        using var chihaya = await App.SignInAsync("osaka", ChihayaEmail);
        await (await chihaya.GetAsync($"{Procurements}/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await (await chihaya.GetAsync(Procurements)).ReadJsonAsync()).EnumerateArray().ShouldNotContain(w => w.GetProperty("id").GetInt64() == id);

        using var staff = await App.SignInAsync("osaka", OsakaAdmin);
        (await (await staff.GetAsync($"{Procurements}/{id}")).ReadJsonAsync()).GetProperty("mySeat").GetString().ShouldBe("StaffReader");
        (await (await staff.GetAsync(Procurements)).ReadJsonAsync()).EnumerateArray().ShouldContain(w => w.GetProperty("id").GetInt64() == id);

        using var kyoto = await App.SignInAsync("kyoto", "pref.admin@kyoto.example");
        await (await kyoto.GetAsync($"{Procurements}/{id}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden); // osaka's address
        await (await kyoto.GetAsync($"/api/v1/kyoto/procurements/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await (await kyoto.GetAsync("/api/v1/kyoto/procurements")).ReadJsonAsync()).GetArrayLength().ShouldBe(0);
    }

    [Theory]
    [InlineData("", "ビジネスチャット共同調達", "subject")]
    [InlineData("ビジネスチャット", "\u200B\u180E", "title")]
    [InlineData("ビジネスチャット", "ok", "leadOrganizationCode")]
    public async Task A_workspace_without_a_subject_or_a_visible_title_or_with_an_unknown_lead_is_refused_naming_the_field(string subject, string title,
        string field)
    {
        using var staff = await App.SignInAsync("osaka", OsakaAdmin);
        var before = (await (await staff.GetAsync(Procurements)).ReadJsonAsync()).GetArrayLength();
        var lead = field == "leadOrganizationCode" ? "999999" : null;
        (await (await staff.PostAsJsonAsync(Procurements, new { subject, title, leadOrganizationCode = lead }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldError(field).ShouldNotBeNullOrWhiteSpace();
        (await (await staff.GetAsync(Procurements)).ReadJsonAsync()).GetArrayLength().ShouldBe(before);
    }

    [Fact]
    public async Task The_prefectures_staff_may_open_a_workspace_led_by_a_municipality_an_officer_only_for_its_own()
    {
        using var staff = await App.SignInAsync("osaka", OsakaAdmin);
        var id = (await (await staff.PostAsJsonAsync(Procurements, new { subject = "RPA", title = "RPA共同調達", leadOrganizationCode = Chihayaakasaka }))
            .ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        using var chihaya = await App.SignInAsync("osaka", ChihayaEmail);
        (await (await chihaya.GetAsync($"{Procurements}/{id}")).ReadJsonAsync()).GetProperty("mySeat").GetString().ShouldBe("Lead");

        using var toyonaka = await App.SignInAsync("osaka", ToyonakaEmail);
        await (await toyonaka.PostAsJsonAsync(Procurements, new { subject = "RPA", title = "x", leadOrganizationCode = Chihayaakasaka }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_WorkspaceApi(SqliteAppFixture fixture) : WorkspaceApiTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSql_WorkspaceApi(PostgresAppFixture fixture) : WorkspaceApiTests(fixture);
