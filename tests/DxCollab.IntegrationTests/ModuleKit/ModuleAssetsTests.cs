using System.Net;
using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.Modules;

namespace DxCollab.IntegrationTests.ModuleKit;

/// <summary>A module's stylesheet lives in its Razor class library and is served as a static web asset; the layout
/// links every module's stylesheet, so 標準化 pages keep their grid and heat-map colours.</summary>
[Collection(SqliteCollection.Name)]
public sealed class ModuleAssetsTests(SqliteAppFixture fixture) : AppTest(fixture)
{
    [Fact]
    public async Task Each_modules_stylesheet_is_served_and_linked_from_the_layout()
    {
        using var client = App.CreateClient();
        var stylesheets = ModuleCatalog.Modules.SelectMany(m => m.Stylesheets).ToList();
        stylesheets.ShouldNotBeEmpty();
        var login = await client.GetStringAsync("/login");
        foreach (var stylesheet in stylesheets)
        {
            using var css = await client.GetAsync("/" + stylesheet);
            css.StatusCode.ShouldBe(HttpStatusCode.OK, stylesheet);
            css.Content.Headers.ContentType?.MediaType.ShouldBe("text/css");
            login.ShouldContain($"href=\"/{stylesheet}");
        }
        (await client.GetStringAsync("/_content/DxCollab.Standardization/css/standardization.css")).ShouldContain(".st-done");
        (await client.GetStringAsync("/css/site.css")).ShouldNotContain(".st-done");
    }
}
