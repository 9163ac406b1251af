using System.Net;
using System.Net.Sockets;
using DxCollab.IntegrationTests.Infrastructure;
using Npgsql;

namespace DxCollab.IntegrationTests.Faults;

/// <summary>A PostgreSQL 15 server of the test's own (initdb in a temporary folder, a free loopback port), so a test can
/// stop and start it without touching the cluster that every other test assembly shares. Same roles and passwords as
/// infra/test.sh creates; deleted on dispose.</summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    public const string BinDirectory = "/usr/lib/postgresql/15/bin";
    public static string Binary(string name) => Path.Combine(BinDirectory, name);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dxcollab-pg-" + Guid.NewGuid().ToString("N")[..12]);
    private string DataDirectory => Path.Combine(_folder, "data");
    public int Port { get; } = FreePort();

    /// <summary>Connection strings like the shared ones (infra/test-env.sh), pointed at this server's database.</summary>
    public string Admin(string database) => Point(PostgresServer.Admin, database);
    public string Owner(string database) => Point(PostgresServer.Owner, database);
    public string App(string database) => Point(PostgresServer.App, database);

    public static async Task<PrivatePostgres> StartNewAsync()
    {
        var server = new PrivatePostgres();
        Directory.CreateDirectory(server._folder);
        await ExternalCommand.RunAsync("chown", ["postgres:postgres", server._folder]);
        await ExternalCommand.AsPostgresAsync(Binary("initdb"), "-D", server.DataDirectory, "--encoding=UTF8", "--no-locale",
            "--auth-local=trust", "--auth-host=scram-sha-256", "--username=postgres");
        await server.StartAsync();
        // Local socket, trusted: set the passwords and create the roles the way infra/test.sh does.
        await ExternalCommand.AsPostgresAsync("/usr/bin/psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", server._folder, "-p", server.Port.ToString(),
            "-d", "postgres", "-c", $"""
                ALTER ROLE postgres PASSWORD '{Password(PostgresServer.Admin)}';
                CREATE ROLE dxcollab_owner LOGIN CREATEROLE NOSUPERUSER PASSWORD '{Password(PostgresServer.Owner)}';
                CREATE ROLE dxcollab_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD '{Password(PostgresServer.App)}';
                CREATE ROLE dxcollab_backup LOGIN BYPASSRLS NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '{Password(PostgresServer.Backup)}';
                GRANT pg_read_all_data TO dxcollab_backup;
                """);
        return server;
    }

    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(Admin("postgres"));
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" OWNER dxcollab_owner ENCODING 'UTF8' TEMPLATE template0", connection);
        await create.ExecuteNonQueryAsync();
        return name;
    }

    public Task StartAsync() => ExternalCommand.AsPostgresAsync(Binary("pg_ctl"), "-D", DataDirectory, "-l", Path.Combine(_folder, "server.log"), "-w",
        "-o", $"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off -c shared_buffers=32MB", "start");

    /// <summary><c>immediate</c>: every backend killed at once, no checkpoint (a crash, as far as clients can tell);
    /// <c>fast</c>: clients disconnected, clean shutdown.</summary>
    public Task StopAsync(string mode = "immediate") =>
        ExternalCommand.AsPostgresAsync(Binary("pg_ctl"), "-D", DataDirectory, "-w", "-m", mode, "stop");

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try { await StopAsync("immediate"); } catch (InvalidOperationException) { /* already stopped */ }
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private string Point(string shared, string database) =>
        new NpgsqlConnectionStringBuilder(shared) { Host = "127.0.0.1", Port = Port, Database = database }.ConnectionString;

    private static string Password(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString).Password!.Replace("'", "''");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
