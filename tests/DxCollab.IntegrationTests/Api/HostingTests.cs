using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.MultiTenancy;
using DxCollab.Platform.Tenancy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.IntegrationTests.Api;

/// <summary>Health probes, the OpenAPI document, and the host-name strategy
/// (the fixtures run with MultiTenancy:HostTemplate = tenant.dxcollab.example).</summary>
public abstract class HostingTests(AppFixture fixture) : AppTest(fixture)
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_probes_are_healthy(string path)
    {
        using var client = App.CreateClient();
        using var response = await client.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("Healthy");
    }

    [Fact]
    public async Task OpenApi_document_lists_the_tenant_organizations_endpoint()
    {
        using var client = App.CreateClient();
        var doc = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.ShouldContain("/api/v1/{tenant}/organizations");
        paths.ShouldContain("/api/v1/{tenant}/auth/login");
        doc.GetProperty("info").GetProperty("title").GetString().ShouldBe("DxCollab API");
    }

    [Theory]
    [InlineData("/api/v1/{tenant}/audit/export")]
    [InlineData("/api/v1/{tenant}/migration/export")]
    [InlineData("/api/v1/{tenant}/migration/progress/export")]
    public async Task OpenApi_documents_the_csv_encoding_choice_of_each_export(string path)
    {
        using var client = App.CreateClient();
        var doc = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var parameters = doc.GetProperty("paths").GetProperty(path).GetProperty("get").GetProperty("parameters").EnumerateArray();
        var encoding = parameters.Single(p => p.GetProperty("name").GetString() == "encoding");
        encoding.GetProperty("description").GetString().ShouldBe(DxCollab.Platform.Exports.ExportEncodings.ParameterDescription);
    }

    [Fact]
    public async Task Host_name_resolves_the_tenant_through_the_app_resolver()
    {
        await using var scope = App.Factory.Services.CreateAsyncScope();
        var resolver = scope.ServiceProvider.GetRequiredService<TenantResolver<PrefectureTenant>>();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        http.Request.Host = new HostString("Osaka.DxCollab.Example");
        http.Request.Path = "/health/live";
        var resolution = await resolver.ResolveAsync(http);
        resolution.Context.TenantInfo.ShouldNotBeNull().Identifier.ShouldBe("osaka");
        resolution.Context.StrategyName.ShouldBe("host");

        http.Request.Host = new HostString("localhost");
        (await resolver.ResolveAsync(http)).Context.IsResolved.ShouldBeFalse();
    }

    [Fact]
    public async Task Host_name_tenant_applies_on_a_tenantless_path()
    {
        using var client = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        // Same token, same path: osaka's host name lets it through, kyoto's refuses it, an unknown one is 404.
        using var osaka = await client.GetAsync("http://osaka.dxcollab.example/api/v1/tenants");
        osaka.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var kyoto = await client.GetAsync("http://kyoto.dxcollab.example/api/v1/tenants");
        await kyoto.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        using var unknown = await App.CreateClient().GetAsync("http://atlantis.dxcollab.example/api/v1/tenants");
        (await unknown.ShouldBeProblemAsync(HttpStatusCode.NotFound)).Detail().ShouldNotBeNull().ShouldContain("「atlantis」");
    }

    [Theory]
    [InlineData("/ops/hangfire")]
    [InlineData("/ops/messages")]
    public async Task Job_dashboard_and_failed_messages_are_for_system_admins_only(string path)
    {
        using (var ops = await App.SignInAsync(null, "ops@dxcollab.example"))
            (await ops.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.OK);
        using (var national = await App.SignInAsync(null, "national@dxcollab.example"))
            (await national.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using (var prefecture = await App.SignInAsync("osaka", "pref.admin@osaka.example"))
            (await prefecture.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var anonymous = App.CreateClient();
        (await anonymous.GetAsync(path)).StatusCode.ShouldBeOneOf(HttpStatusCode.Unauthorized, HttpStatusCode.Redirect);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_Hosting(SqliteAppFixture fixture) : HostingTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSql_Hosting(PostgresAppFixture fixture) : HostingTests(fixture);
