using System.Diagnostics;
using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.Platform.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DxCollab.IntegrationTests.Backbone;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BackboneCollection : ICollectionFixture<BackboneFixture>
{
    // Hangfire keeps its configuration in static state and these tests stop and start the broker: run them alone.
    public const string Name = "Backbone (RabbitMQ + PostgreSQL)";
}

/// <summary>A clock the tests set; everything else (timers) runs on real time.</summary>
public sealed class SettableClock : TimeProvider
{
    public DateTimeOffset? Now { get; set; }
    public override DateTimeOffset GetUtcNow() => Now ?? base.GetUtcNow();
}

/// <summary>Probe workers (<see cref="ProbeWorker"/>) on a fresh PostgreSQL database and a RabbitMQ virtual host of their own.</summary>
public sealed class BackboneFixture : IAsyncLifetime
{
    private readonly List<IHost> _hosts = [];
    public string Database { get; private set; } = "";
    public string VirtualHost { get; } = "dxcollab-it-" + Guid.NewGuid().ToString("N")[..12];
    public SettableClock Clock { get; } = new();
    public string AdminConnectionString => PostgresServer.For(PostgresServer.Admin, Database);

    public async Task InitializeAsync()
    {
        Database = await PostgresServer.CreateDatabaseAsync("backbone");
        await RabbitMq.CtlAsync("add_vhost", VirtualHost);
        await RabbitMq.CtlAsync("set_permissions", "-p", VirtualHost, "guest", ".*", ".*", ".*");
        var first = await StartHostAsync();
        await first.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        await first.StartAsync();
    }

    public IHost Host => _hosts[0];

    /// <summary>At least <paramref name="count"/> workers running; returns them.</summary>
    public async Task<IReadOnlyList<IHost>> EnsureHostsAsync(int count)
    {
        while (_hosts.Count < count) await StartHostAsync();
        return _hosts;
    }

    /// <summary>Starts one more worker against the same database, broker and job storage.</summary>
    public async Task<IHost> StartHostAsync()
    {
        var host = ProbeWorker.Build(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSql",
            ["Database:ConnectionString"] = PostgresServer.For(PostgresServer.App, Database),
            ["Database:MigrationsConnectionString"] = PostgresServer.For(PostgresServer.Owner, Database),
            ["Database:ApplyMigrationsOnStart"] = _hosts.Count == 0 ? "true" : "false",
            ["Messaging:Transport"] = "RabbitMq",
            ["Messaging:RabbitMq:Host"] = "127.0.0.1",
            ["Messaging:RabbitMq:VirtualHost"] = VirtualHost,
            ["Messaging:Outbox:PollIntervalMilliseconds"] = "100",
            ["Messaging:RetryLimit"] = "2",
            ["Jobs:Storage"] = "PostgreSql",
            ["Jobs:WorkerCount"] = "4",
            ["Email:PickupDirectory"] = Path.Combine(Path.GetTempPath(), VirtualHost, "mail"),
            ["Logging:LogLevel:Default"] = "Warning",
        }, Path.Combine(Path.GetTempPath(), VirtualHost), services => services.AddSingleton<TimeProvider>(Clock));
        _hosts.Add(host);
        if (_hosts.Count == 1) return host; // started after the database is initialised
        await host.StartAsync();
        return host;
    }

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            try { await host.StopAsync(TimeSpan.FromSeconds(10)); } catch (Exception) { /* broker tests may leave it stopping */ }
            host.Dispose();
        }
        await RabbitMq.CtlAsync("delete_vhost", VirtualHost);
        await PostgresServer.DropDatabaseAsync(Database);
    }
}

/// <summary>The local broker that infra/test.sh starts (loopback only), driven through rabbitmqctl.</summary>
public static class RabbitMq
{
    /// <summary>Runs rabbitmqctl and returns what it printed, reading both of its streams (a full pipe would stall it) and
    /// giving up after two minutes: a broker that does not answer fails the test instead of hanging the suite.</summary>
    public static async Task<string> CtlAsync(params string[] args)
    {
        var start = new ProcessStartInfo("rabbitmqctl") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var output = process.StandardOutput.ReadToEndAsync(patience.Token);
        var errors = process.StandardError.ReadToEndAsync(patience.Token);
        try
        {
            await process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"rabbitmqctl {string.Join(' ', args)} did not finish within two minutes.");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"rabbitmqctl {string.Join(' ', args)} failed: {await errors}{await output}");
        return await output;
    }
}
