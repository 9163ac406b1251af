using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.Modules;

namespace DxCollab.IntegrationTests.ModuleKit;

/// <summary>Forgetting a module's folder rule or a policy on an endpoint must not open data to anonymous visitors or
/// to another kind of user: every tenant endpoint and every page names who may use it (ADR 0008).</summary>
[Collection(SqliteCollection.Name)]
public sealed class AuthorizationGuardTests(SqliteAppFixture fixture) : AppTest(fixture)
{
    [Fact]
    public void Every_tenant_API_endpoint_names_a_policy_unless_it_is_a_known_public_one()
    {
        var endpoints = EndpointAuthorization.ApiEndpoints(App.Factory.Services);
        var tenant = endpoints.Where(e => e.Route.StartsWith("/api/v1/{tenant}/", StringComparison.Ordinal)).ToList();
        tenant.Count.ShouldBeGreaterThan(20);
        tenant.Where(e => e.Route.StartsWith("/api/v1/{tenant}/migration", StringComparison.Ordinal)).ShouldNotBeEmpty();
        tenant.Where(e => !e.NamesPolicy && !EndpointAuthorization.Public.Contains(e.Name)).Select(e => e.Name).ShouldBeEmpty();
    }

    [Fact]
    public void Every_other_API_endpoint_is_host_level_and_protected_unless_it_is_a_known_public_one()
    {
        var host = EndpointAuthorization.ApiEndpoints(App.Factory.Services)
            .Where(e => !e.Route.StartsWith("/api/v1/{tenant}/", StringComparison.Ordinal)).ToList();
        host.Select(e => e.Name).ShouldContain("GET /api/v1/national/migration/progress");
        host.Where(e => !EndpointAuthorization.Public.Contains(e.Name) && !(e.RequiresSignIn && e.HostLevel)).Select(e => e.Name).ShouldBeEmpty();
    }

    [Fact]
    public void Only_the_known_public_endpoints_allow_anonymous_callers()
    {
        var anonymous = EndpointAuthorization.ApiEndpoints(App.Factory.Services).Where(e => e.Anonymous).Select(e => e.Name).ToList();
        anonymous.ShouldNotBeEmpty();
        anonymous.Where(n => !EndpointAuthorization.Public.Contains(n)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Every_page_of_every_module_names_a_policy()
    {
        var pages = await EndpointAuthorization.PagesAsync(App.Factory.Services);
        var moduleAssemblies = ModuleCatalog.Modules.Select(m => m.GetType().Assembly).ToHashSet();
        var modulePages = pages.Where(p => p.Handler is not null && moduleAssemblies.Contains(p.Handler.Assembly)).ToList();
        modulePages.Count.ShouldBeGreaterThan(10);
        modulePages.Where(p => !p.NamesPolicy).Select(p => p.Name).ShouldBeEmpty();
        // …and a host-level page (national figures) is marked so, which keeps prefecture users out before authorization.
        modulePages.Where(p => p.Route.StartsWith("ops/", StringComparison.OrdinalIgnoreCase) && !p.HostLevel).Select(p => p.Name).ShouldBeEmpty();
    }

    [Fact]
    public async Task Every_page_of_the_host_is_protected_unless_it_is_a_known_public_one()
    {
        var pages = await EndpointAuthorization.PagesAsync(App.Factory.Services);
        pages.Count.ShouldBeGreaterThan(20);
        pages.Where(p => !p.RequiresSignIn && !EndpointAuthorization.Public.Contains(p.Name)).Select(p => p.Name).ShouldBeEmpty();
        pages.Where(p => p.Anonymous).Select(p => p.Name).Where(n => !EndpointAuthorization.Public.Contains(n)).ShouldBeEmpty();
    }
}
