using DxCollab.MultiTenancy;
using DxCollab.Platform.Tenancy;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DxCollab.Bench.Candidates;

/// <summary>The real app's services (no HTTP server) on a fresh PostgreSQL database owned by dxcollab_owner and used as
/// dxcollab_app (row-level security on), dropped at the end.</summary>
internal sealed class CandidatesHost : IAsyncDisposable
{
    public const string Tenant = "osaka";
    private readonly string _admin;
    private readonly string _folder = Directory.CreateTempSubdirectory("dxcollab-candidates-").FullName;
    private WebApplicationFactory<Program>? _factory;

    private CandidatesHost(string admin, string database) => (_admin, Database) = (admin, database);

    public string Database { get; }

    public static async Task<CandidatesHost> StartAsync()
    {
        string Env(string name) => Environment.GetEnvironmentVariable($"DXCOLLAB_TEST_PG_{name}")
            ?? throw new InvalidOperationException($"DXCOLLAB_TEST_PG_{name} がありません。source infra/test-env.sh の後に実行してください。");
        var (admin, owner, app) = (Env("ADMIN"), Env("OWNER"), Env("APP"));
        var database = $"dxcollab_cand_{Guid.NewGuid():N}"[..32];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\" OWNER dxcollab_owner ENCODING 'UTF8' TEMPLATE template0", connection);
            await create.ExecuteNonQueryAsync();
        }
        var host = new CandidatesHost(admin, database);
        string For(string c) => new NpgsqlConnectionStringBuilder(c) { Database = database }.ConnectionString;
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_DXCOLLAB_WEB", WebContentRoot);
        host._factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseContentRoot(WebContentRoot);
            b.UseEnvironment("Benchmark");
            b.UseSetting("Database:Provider", "PostgreSql");
            b.UseSetting("Database:ConnectionString", For(app));
            b.UseSetting("Database:MigrationsConnectionString", For(owner));
            b.UseSetting("Database:Demo", "false");
            b.UseSetting("Database:DemoFigures", "false");
            b.UseSetting("Email:PickupDirectory", Path.Combine(host._folder, "mail"));
            b.UseSetting("Logging:LogLevel:Default", "Warning");
            b.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Warning");
            b.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Warning");
            b.UseSetting("OpenTelemetry:Enabled", "false");
        });
        _ = host._factory.Services; // builds the host: migrations, 団体
        return host;
    }

    private static string WebContentRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "DxCollab.sln"))) return Path.Combine(dir.FullName, "src", "DxCollab.Web");
            throw new InvalidOperationException("DxCollab.sln が見つかりません。リポジトリの中でビルドして実行してください。");
        }
    }

    public static string ResultsFolder => Path.Combine(WebContentRoot, "..", "..", "bench", "results");

    /// <summary>Runs <paramref name="work"/> in the tenant's scope with a DI scope of its own, as a request does.</summary>
    public async Task<T> InTenantAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        var services = _factory!.Services;
        var tenant = await services.GetRequiredService<IMultiTenantStore<PrefectureTenant>>().GetAsync(Tenant)
            ?? throw new InvalidOperationException($"テナント {Tenant} がありません。");
        using var _ = services.GetRequiredService<TenantScope<PrefectureTenant>>().Begin(tenant, "bench");
        await using var scope = services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
