using System.Security.Claims;
using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.Modules;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Modules;
using DxCollab.Standardization;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.IntegrationTests.ModuleKit;

/// <summary>The catalog is the one list: the running host, the design-time factories and the menu all follow it.</summary>
[Collection(SqliteCollection.Name)]
public sealed class ModuleCatalogTests(SqliteAppFixture fixture) : AppTest(fixture)
{
    [Fact]
    public void The_host_runs_exactly_the_modules_and_model_contributors_of_the_catalog()
    {
        App.Factory.Services.GetRequiredService<InstalledModules>().All.ShouldBe(ModuleCatalog.Modules);
        App.Factory.Services.GetServices<IModelContributor>().Select(c => c.GetType())
            .ShouldBe(ModuleCatalog.ModelContributors.Select(c => c.GetType()), ignoreOrder: true);
    }

    private static ClaimsPrincipal User(string role, string tenant, string? organization = null) => new(new ClaimsIdentity(
        [new(ClaimTypes.Role, role), new(DxClaims.Tenant, tenant), .. organization is null ? Array.Empty<Claim>() : [new Claim(DxClaims.OrganizationCode, organization)]],
        "test", ClaimTypes.Name, ClaimTypes.Role));

    private static string?[] Links(ClaimsPrincipal user, string? tenant) =>
        [.. new StandardizationModule().Navigation.Select(e => e.HrefFor(new NavigationContext(user, tenant))).Where(h => h is not null)];

    [Fact]
    public void The_standardization_menu_entry_leads_each_role_to_its_own_start()
    {
        Links(User(Roles.PrefectureStaff, "osaka"), "osaka").ShouldBe(["/osaka/migration"]);
        Links(User(Roles.PrefectureAdmin, "osaka"), "osaka").ShouldBe(["/osaka/migration"]);
        Links(User(Roles.MunicipalOfficer, "osaka", "272035"), "osaka").ShouldBe(["/osaka/migration/272035"]);
        Links(User(Roles.MunicipalOfficer, "osaka"), "osaka").ShouldBeEmpty();
        Links(User(Roles.Expert, "osaka"), "osaka").ShouldBeEmpty();
        Links(User(Roles.NationalViewer, "host"), null).ShouldBe(["/ops/migration"]);
    }

    [Fact]
    public async Task A_signed_in_officer_sees_the_modules_menu_entry_drawn_by_the_layout()
    {
        using var client = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        // The bearer token authenticates page requests too (the Authorization header chooses the scheme).
        var page = await client.GetAsync("/osaka/migration/272035");
        var html = await page.Content.ReadAsStringAsync();
        page.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, html);
        html.ShouldContain("<a href=\"/osaka/migration/272035\" aria-current=\"page\">標準化</a>");
        html.ShouldContain("_content/DxCollab.Standardization/css/standardization.css");
    }

    [Fact]
    public async Task A_national_viewer_finds_the_modules_national_pages_in_the_menu_and_on_the_ops_home()
    {
        using var client = await App.SignInAsync(null, "national@dxcollab.example");
        var page = await client.GetAsync("/ops");
        var html = await page.Content.ReadAsStringAsync();
        page.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, html);
        html.ShouldContain("<li><a href=\"/ops/migration\">全国の標準化の進捗</a></li>");
        html.ShouldContain("<a href=\"/ops/migration\" aria-current=\"false\">全国の標準化の進捗</a>");
    }
}
