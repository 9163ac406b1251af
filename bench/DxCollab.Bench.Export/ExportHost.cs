using DxCollab.MultiTenancy;
using DxCollab.Platform.Tenancy;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.Bench.Export;

/// <summary>The real app's services (no HTTP server started) on a SQLite file in a temp folder: the exporter is the
/// one the API resolves, with its DbContext, tenant scope and file store.</summary>
internal sealed class ExportHost : IAsyncDisposable
{
    public const string Tenant = "osaka";
    private readonly WebApplicationFactory<Program> _factory;

    private ExportHost(WebApplicationFactory<Program> factory) => _factory = factory;

    public static ExportHost Start(string folder)
    {
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_DXCOLLAB_WEB", WebContentRoot);
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseContentRoot(WebContentRoot);
            b.UseEnvironment("Benchmark");
            b.UseSetting("Database:Provider", "Sqlite");
            b.UseSetting("Database:ConnectionString", $"Data Source={Path.Combine(folder, "bench.db")}");
            b.UseSetting("Database:ApplyMigrationsOnStart", "true");
            b.UseSetting("Database:Demo", "false");
            b.UseSetting("Database:DemoFigures", "false");
            b.UseSetting("Email:PickupDirectory", Path.Combine(folder, "mail"));
            b.UseSetting("Logging:LogLevel:Default", "Warning");
            b.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Warning");
            b.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Warning");
            b.UseSetting("OpenTelemetry:Enabled", "false");
        });
        _ = factory.Services; // builds and starts the host: migrations, 団体
        return new ExportHost(factory);
    }

    /// <summary>The repository's web content root (appsettings.json), wherever the harness runs from.</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "DxCollab.sln"))) return dir.FullName;
            throw new InvalidOperationException("DxCollab.sln が見つかりません。リポジトリの中でビルドして実行してください。");
        }
    }

    private static string WebContentRoot => Path.Combine(RepositoryRoot, "src", "DxCollab.Web");

    /// <summary>Runs <paramref name="work"/> in the tenant's scope with a DI scope of its own, as a request does.</summary>
    public async Task<T> InTenantAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        var services = _factory.Services;
        var tenant = await services.GetRequiredService<IMultiTenantStore<PrefectureTenant>>().GetAsync(Tenant)
            ?? throw new InvalidOperationException($"テナント {Tenant} がありません。");
        using var _ = services.GetRequiredService<TenantScope<PrefectureTenant>>().Begin(tenant, "bench");
        await using var scope = services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();
}
