using DxCollab.MultiTenancy;
using DxCollab.Platform.Tenancy;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DxCollab.Bench.Spike;

/// <summary>The real web app (all roles in one process, as deployed by default) on Kestrel at a loopback port, on a fresh
/// PostgreSQL database owned by dxcollab_owner and used as dxcollab_app (row-level security on), dropped at the end.</summary>
public sealed class SpikeHost : IAsyncDisposable
{
    private readonly SpikeOptions _options;
    private readonly string _folder = Directory.CreateTempSubdirectory("dxcollab-spike-").FullName;
    private WebApplicationFactory<Program>? _factory;

    private SpikeHost(SpikeOptions options, string database)
    {
        _options = options;
        Database = database;
    }

    public string Database { get; }
    public string BaseUrl { get; private set; } = "";
    public IServiceProvider Services => _factory!.Services;

    public static async Task<SpikeHost> StartAsync(SpikeOptions options)
    {
        var database = $"dxcollab_spike_{Guid.NewGuid():N}"[..32];
        await using (var connection = new NpgsqlConnection(options.AdminConnection))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\" OWNER dxcollab_owner ENCODING 'UTF8' TEMPLATE template0", connection);
            await create.ExecuteNonQueryAsync();
        }
        var host = new SpikeHost(options, database);
        try
        {
            host.Start();
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
        return host;
    }

    /// <summary>The app's content root (appsettings.json, wwwroot) in the repository, wherever the harness runs from: a
    /// console project gets no content-root attribute from Mvc.Testing as a test project does.</summary>
    private static string WebContentRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "DxCollab.sln"))) return Path.Combine(dir.FullName, "src", "DxCollab.Web");
            throw new InvalidOperationException("DxCollab.sln が見つかりません。リポジトリの中でビルドして実行してください。");
        }
    }

    private void Start()
    {
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_DXCOLLAB_WEB", WebContentRoot);
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseContentRoot(WebContentRoot);
            b.UseEnvironment("Benchmark");
            b.UseSetting("Database:Provider", "PostgreSql");
            b.UseSetting("Database:ConnectionString", For(_options.AppConnection));
            b.UseSetting("Database:MigrationsConnectionString", For(_options.OwnerConnection));
            b.UseSetting("Database:Demo", "false");
            b.UseSetting("Database:DemoFigures", "false");
            b.UseSetting("Email:PickupDirectory", Path.Combine(_folder, "mail"));
            b.UseSetting("Logging:LogLevel:Default", "Warning");
            b.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Warning");
            b.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Warning");
            b.UseSetting("OpenTelemetry:Enabled", "false");
        });
        _factory.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        _factory.StartServer();
        BaseUrl = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    /// <summary>Runs <paramref name="work"/> inside the tenant's scope with a DI scope of its own (as a job does).</summary>
    public async Task<T> InTenantAsync<T>(string tenantId, Func<IServiceProvider, Task<T>> work)
    {
        var tenant = await Services.GetRequiredService<IMultiTenantStore<PrefectureTenant>>().GetAsync(tenantId)
            ?? throw new InvalidOperationException($"テナント {tenantId} がありません。");
        using var _ = Services.GetRequiredService<TenantScope<PrefectureTenant>>().Begin(tenant, "bench");
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    private string For(string connection) => new NpgsqlConnectionStringBuilder(connection) { Database = Database }.ConnectionString;

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
        if (!_options.KeepDatabase)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_options.AdminConnection);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Database}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
