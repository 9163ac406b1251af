using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DxCollab.IntegrationTests.Infrastructure;

namespace DxCollab.IntegrationTests.Api;

/// <summary>A municipal officer of 豊中市 signs in through the API and looks at the 団体 of 大阪府.</summary>
public abstract class OrganizationsAndMeTests(AppFixture fixture) : AppTest(fixture)
{
    private record Org(string Code, string Name, string Kana, string Type, string Category, bool IsActive);
    private record Me(string Email, string DisplayName, string Tenant, string? OrganizationCode, string? OrganizationName, string[] Roles);

    private async Task<Org[]> ListAsync(string query = "")
    {
        using var client = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        return (await client.GetFromJsonAsync<Org[]>($"/api/v1/osaka/organizations{query}"))!;
    }

    [Fact]
    public async Task Osaka_lists_the_prefecture_and_its_43_municipalities_and_nothing_else()
    {
        var orgs = await ListAsync();
        orgs.Length.ShouldBe(44);
        orgs.ShouldAllBe(o => o.Code.StartsWith("27"));
        orgs.Count(o => o.Type == "都道府県").ShouldBe(1);
        orgs.ShouldContain(o => o.Code == "270008" && o.Name == "大阪府");
        orgs.ShouldContain(o => o.Code == "272035" && o.Name == "豊中市");
        orgs.ShouldNotContain(o => o.Name == "京都市" || o.Name == "笠置町");
    }

    [Fact]
    public async Task Filter_by_type_returns_the_seven_core_cities()
    {
        var orgs = await ListAsync("?type=" + Uri.EscapeDataString("中核市"));
        orgs.Select(o => o.Name).OrderBy(n => n).ShouldBe(new[] { "吹田市", "八尾市", "寝屋川市", "東大阪市", "枚方市", "豊中市", "高槻市" }.OrderBy(n => n));
        orgs.ShouldAllBe(o => o.Type == "中核市");
    }

    [Theory]
    [InlineData("ﾄﾖﾅｶ")]      // half-width katakana
    [InlineData("とよなか")]  // hiragana
    [InlineData("トヨナカ")]  // full-width katakana
    [InlineData("豊中")]
    public async Task Search_ignores_width_and_kana_differences(string q)
    {
        var orgs = await ListAsync("?q=" + Uri.EscapeDataString(q));
        orgs.Select(o => o.Code).ShouldBe(["272035"]);
    }

    [Fact]
    public async Task Unknown_type_is_a_400_with_a_japanese_message_naming_the_value()
    {
        using var client = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        using var response = await client.GetAsync("/api/v1/osaka/organizations?type=" + Uri.EscapeDataString("大都市"));
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var message = problem.FieldError("type");
        message.ShouldContain("「大都市」");
        message.ShouldContain("中核市");
    }

    [Fact]
    public async Task Detail_of_an_own_body_is_found_and_of_another_prefecture_is_404()
    {
        using var client = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        (await client.GetFromJsonAsync<Org>("/api/v1/osaka/organizations/272035"))!.Name.ShouldBe("豊中市");
        using var kyotoCity = await client.GetAsync("/api/v1/osaka/organizations/261009");
        (await kyotoCity.ShouldBeProblemAsync(HttpStatusCode.NotFound)).Detail().ShouldNotBeNull().ShouldContain("261009");
    }

    [Fact]
    public async Task Me_shows_toyonaka_city_and_the_municipal_officer_role()
    {
        using var client = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        var me = (await client.GetFromJsonAsync<Me>("/api/v1/osaka/me"))!;
        me.Email.ShouldBe("toyonaka@osaka.example");
        me.Tenant.ShouldBe("osaka");
        me.OrganizationCode.ShouldBe("272035");
        me.OrganizationName.ShouldBe("豊中市");
        me.Roles.ShouldBe(["MunicipalOfficer"]);
    }

    [Fact]
    public async Task Host_user_signs_in_at_host_level_and_sees_the_host_me()
    {
        using var client = await App.SignInAsync(null, "national@dxcollab.example");
        var me = (await client.GetFromJsonAsync<Me>("/api/v1/me"))!;
        me.Roles.ShouldBe(["NationalViewer"]);
        me.OrganizationCode.ShouldBeNull();
    }

    [Fact]
    public async Task Tenant_list_is_anonymous_and_has_47_prefectures()
    {
        using var client = App.CreateClient();
        var tenants = await client.GetFromJsonAsync<JsonElement[]>("/api/v1/tenants");
        tenants!.Length.ShouldBe(47);
        tenants.Select(t => t.GetProperty("identifier").GetString()).ShouldContain("osaka");
        tenants.Select(t => t.GetProperty("identifier").GetString()).ShouldNotContain("_host");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_OrganizationsAndMe(SqliteAppFixture fixture) : OrganizationsAndMeTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSql_OrganizationsAndMe(PostgresAppFixture fixture) : OrganizationsAndMeTests(fixture);
