using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.Platform.Modules;
using DxCollab.Platform.Reminders;
using DxCollab.ThrowawayModule.Notes;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.IntegrationTests.ModuleKit;

/// <summary>The proof of the module kit: a module with one entity, one endpoint, one page and one reminder rule, added
/// with one line, passes the derived isolation and authorization checks without any list being edited.</summary>
[Collection(ThrowawayHostCollection.Name)]
public sealed class ThrowawayModuleTests(ThrowawayHostFixture host)
{
    private async Task<HttpClient> SignInAsync(string tenant, string email)
    {
        var client = host.CreateClient();
        var token = await AppFixture.GetTokenAsync(client, tenant, email);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [Fact]
    public async Task Its_endpoint_serves_the_members_of_a_tenant_and_only_their_own_notes()
    {
        using var osaka = await SignInAsync("osaka", "toyonaka@osaka.example");
        (await osaka.PostAsJsonAsync("/api/v1/osaka/notes", new { text = "豊中市のメモ" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var empty = await osaka.PostAsJsonAsync("/api/v1/osaka/notes", new { text = " " });
        (await empty.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldError("text").ShouldBe("メモを入力してください。");
        var notes = JsonDocument.Parse(await osaka.GetStringAsync("/api/v1/osaka/notes")).RootElement;
        notes.GetArrayLength().ShouldBeGreaterThanOrEqualTo(1);
        notes.EnumerateArray().Select(n => n.GetProperty("text").GetString()).ShouldContain("豊中市のメモ");

        using var kyoto = await SignInAsync("kyoto", "kasagi@kyoto.example");
        JsonDocument.Parse(await kyoto.GetStringAsync("/api/v1/kyoto/notes")).RootElement.GetArrayLength().ShouldBe(0);
        (await kyoto.GetAsync("/api/v1/osaka/notes")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var anonymous = host.CreateClient();
        (await anonymous.GetAsync("/api/v1/osaka/notes")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Its_page_sends_anonymous_visitors_to_sign_in_and_shows_members_their_notes_with_its_menu_entry_and_stylesheet()
    {
        using var anonymous = host.CreateClient();
        var page = await anonymous.GetAsync("/osaka/notes");
        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.Headers.Location!.ToString().ShouldContain("login", Case.Insensitive);
        var login = await anonymous.GetStringAsync("/osaka/login");
        login.ShouldContain("_content/DxCollab.ThrowawayModule/css/notes.css");
        login.ShouldContain("_content/DxCollab.Standardization/css/standardization.css");

        using var member = await SignInAsync("osaka", "pref.admin@osaka.example");
        (await member.PostAsJsonAsync("/api/v1/osaka/notes", new { text = "府のメモ" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var response = await member.GetAsync("/osaka/notes");
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        html.ShouldContain("<li>府のメモ</li>");
        html.ShouldContain("<a href=\"/osaka/notes\" aria-current=\"page\">メモ</a>");
        // The catalog's modules stay in the menu beside the new one.
        html.ShouldContain("<a href=\"/osaka/migration\" aria-current=\"false\">標準化</a>");
    }

    [Fact]
    public void Its_reminder_rule_and_options_section_are_registered()
    {
        using var scope = host.Services.CreateScope();
        scope.ServiceProvider.GetServices<IReminderRule>().OfType<StaleNoteRule>().Count().ShouldBe(1);
        host.Services.GetServices<OptionsSection>().Select(s => s.Section).ShouldContain(NoteOptions.Section);
    }

    [Fact]
    public async Task It_passes_the_derived_isolation_test()
    {
        var checkedTypes = await GenericIsolation.CheckEveryTenantOwnedTypeAsync(host.Services, host.ConnectionString);
        checkedTypes.ShouldContain(nameof(Note));
        checkedTypes.ShouldContain("StepProgress");
    }

    [Fact]
    public async Task It_passes_the_authorization_guard()
    {
        var endpoints = EndpointAuthorization.ApiEndpoints(host.Services);
        var notes = endpoints.Where(e => e.Route.StartsWith("/api/v1/{tenant}/notes", StringComparison.Ordinal)).ToList();
        notes.Count.ShouldBe(2);
        notes.ShouldAllBe(e => e.NamesPolicy);
        endpoints.Where(e => e.Route.StartsWith("/api/v1/{tenant}/", StringComparison.Ordinal) && !e.NamesPolicy
            && !EndpointAuthorization.Public.Contains(e.Name)).Select(e => e.Name).ShouldBeEmpty();

        var pages = await EndpointAuthorization.PagesAsync(host.Services);
        var modulePages = pages.Where(p => p.Handler?.Assembly == typeof(ThrowawayModule.ThrowawayModule).Assembly).ToList();
        modulePages.Count.ShouldBe(1);
        modulePages.ShouldAllBe(p => p.NamesPolicy);
        pages.Where(p => !p.RequiresSignIn && !EndpointAuthorization.Public.Contains(p.Name)).Select(p => p.Name).ShouldBeEmpty();
    }
}
