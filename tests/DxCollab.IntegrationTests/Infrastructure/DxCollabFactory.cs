using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.IntegrationTests.Infrastructure;

/// <summary>The real web host (Program) with test settings. Settings go in through <c>UseSetting</c>, not
/// ConfigureAppConfiguration: the host reads Database, Tenants and MultiTenancy while registering services,
/// before a configuration callback of the factory would run. The environment is "IntegrationTest", so no
/// appsettings.Development.json applies, and every path (SQLite file, mail pickup) points at a temp folder:
/// tests never touch src/DxCollab.Web/App_Data.</summary>
/// <remarks><paramref name="testServices"/> replaces services for a fixture of its own (e.g. a stand-in for another
/// slice's contract); the shared fixtures pass none.</remarks>
public sealed class DxCollabFactory(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? testServices = null)
    : WebApplicationFactory<Program>
{
    public const string Environment = "IntegrationTest";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        if (testServices is not null) builder.ConfigureTestServices(testServices);
    }

    /// <summary>Settings every test host shares; <paramref name="tempFolder"/> receives the mail pickup folder.</summary>
    public static Dictionary<string, string?> BaseSettings(string tempFolder) => new()
    {
        ["Database:Demo"] = "true",
        // Demo accounts only: tests start from empty tenants (DemoFiguresTests turn the figures on).
        ["Database:DemoFigures"] = "false",
        ["Database:ApplyMigrationsOnStart"] = "true",
        ["Email:PickupDirectory"] = Path.Combine(tempFolder, "mail"),
        // Host names such as osaka.dxcollab.example name the tenant; the test client's "localhost" matches nothing.
        ["MultiTenancy:HostTemplate"] = "tenant.dxcollab.example",
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
        ["OpenTelemetry:Enabled"] = "false",
        // Every test request comes from one address: the per-address sign-in limit would throttle the suite
        // (SignInSecurityTests run a host of their own with a small limit).
        ["Security:SignInRateLimit:PermitLimit"] = "1000000",
    };
}
