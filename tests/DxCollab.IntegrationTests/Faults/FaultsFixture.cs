using DxCollab.IntegrationTests.Backbone;
using DxCollab.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;

namespace DxCollab.IntegrationTests.Faults;

// Its PostgreSQL is private, but the hosts use Hangfire (static state) and RabbitMQ: run alone, like the backbone tests.
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FaultsCollection : ICollectionFixture<FaultsFixture>
{
    public const string Name = "Faults (private PostgreSQL + RabbitMQ)";
}

/// <summary>A web host (<c>Hosting:Role=Web</c>, the real Program) and a worker host (<see cref="ProbeWorker"/>) on a PostgreSQL server of their own, which the tests may crash and
/// restart, and a RabbitMQ virtual host of their own. Messaging settings are the production defaults except a fast outbox poll
/// and a short retry window.</summary>
public sealed class FaultsFixture : IAsyncLifetime
{
    private const string Database = "dxcollab_faults";
    private readonly string _temp = Directory.CreateTempSubdirectory("dxcollab-faults-").FullName;
    private PrivatePostgres? _server;

    public string VirtualHost { get; } = "dxcollab-faults-" + Guid.NewGuid().ToString("N")[..12];
    public PrivatePostgres Server => _server ?? throw new InvalidOperationException("The private PostgreSQL did not start.");
    public DxCollabFactory Web { get; private set; } = null!;
    public IHost Worker { get; private set; } = null!;
    /// <summary>The superuser, unpooled: a pooled connection would be one the crash cut.</summary>
    public string AdminConnectionString => Server.Admin(Database) + ";Pooling=false";

    public async Task InitializeAsync()
    {
        if (Environment.UserName != "root" || !File.Exists(PrivatePostgres.Binary("initdb"))) return; // the tests skip themselves
        _server = await PrivatePostgres.StartNewAsync();
        await _server.CreateDatabaseAsync(Database);
        await RabbitMq.CtlAsync("add_vhost", VirtualHost);
        await RabbitMq.CtlAsync("set_permissions", "-p", VirtualHost, "guest", ".*", ".*", ".*");

        var web = DxCollabFactory.BaseSettings(_temp);
        foreach (var (key, value) in Shared()) web[key] = value;
        web["Hosting:Role"] = "Web";
        foreach (var category in new[] { "Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore" }) web[$"Logging:LogLevel:{category}"] = "Critical";
        Web = new DxCollabFactory(web);
        _ = Web.Server; // migrations, 団体, demo users

        var worker = Shared();
        worker["Database:ApplyMigrationsOnStart"] = "false";
        worker["Jobs:WorkerCount"] = "2";
        worker["Email:PickupDirectory"] = Path.Combine(_temp, "worker-mail");
        worker["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Critical";
        Worker = ProbeWorker.Build(worker, _temp);
        await Worker.StartAsync();
    }

    private Dictionary<string, string?> Shared() => new()
    {
        ["Database:Provider"] = "PostgreSql",
        ["Database:ConnectionString"] = Server.App(Database),
        ["Database:MigrationsConnectionString"] = Server.Owner(Database),
        ["Messaging:Transport"] = "RabbitMq",
        ["Messaging:RabbitMq:Host"] = "127.0.0.1",
        ["Messaging:RabbitMq:VirtualHost"] = VirtualHost,
        ["Messaging:Outbox:PollIntervalMilliseconds"] = "100",
        // Ordinary retries of a failing consumer over about 0.7 s (the default, 5, takes about 14 s): the test's short
        // outage outlasts them, as a real restart or failover outlasts the default; the outage retry (every 2 s) carries it.
        ["Messaging:RetryLimit"] = "2",
        ["Jobs:Storage"] = "PostgreSql",
        // The crash makes every component log its retries: only what would stop the suite.
        ["Logging:LogLevel:Default"] = "Critical",
    };

    public HttpClient CreateClient() => Web.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public async Task DisposeAsync()
    {
        if (_server is null) return;
        try { await Worker.StopAsync(TimeSpan.FromSeconds(10)); } catch (Exception) { /* a worker stopped mid-outage */ }
        Worker.Dispose();
        await Web.DisposeAsync();
        await RabbitMq.CtlAsync("delete_vhost", VirtualHost);
        await _server.DisposeAsync();
        try { Directory.Delete(_temp, recursive: true); } catch (IOException) { }
    }
}
