using Npgsql;
using Respawn;
using Respawn.Graph;

namespace DxCollab.IntegrationTests.Infrastructure;

/// <summary>The web host on a fresh PostgreSQL database (created for this run, dropped at the end). The app connects
/// as dxcollab_app (owns nothing, row-level security applies), migrations run as dxcollab_owner, demo users on.</summary>
public class PostgresAppFixture : AppFixture
{
    private Respawner? _respawner;

    public string Database { get; private set; } = "";
    public override string Provider => "PostgreSql";

    /// <summary>Superuser connection to the test database: bypasses row-level security (for setup and checks).</summary>
    public string AdminConnectionString => PostgresServer.For(PostgresServer.Admin, Database);
    /// <summary>The application role's connection to the test database (row-level security applies).</summary>
    public string AppConnectionString => PostgresServer.For(PostgresServer.App, Database);

    protected override async Task<Dictionary<string, string?>> PrepareAsync()
    {
        Database = await PostgresServer.CreateDatabaseAsync("shared");
        var settings = DxCollabFactory.BaseSettings(TempFolder);
        settings["Database:Provider"] = "PostgreSql";
        settings["Database:ConnectionString"] = AppConnectionString;
        settings["Database:MigrationsConnectionString"] = PostgresServer.For(PostgresServer.Owner, Database);
        return settings;
    }

    /// <summary>Respawn connects as the postgres superuser, which row-level security does not filter, so one reset
    /// empties every tenant's rows. What stays: <see cref="AppFixture.TablesToKeep"/>. Identity users and audit entries
    /// go, and <see cref="AppFixture.BeginTestClassAsync"/> re-seeds the demo users, so each test class starts from the
    /// same state: eight demo accounts, none locked out, and only their own creation in the audit log.</summary>
    protected override async Task AfterStartAsync()
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        var keep = TablesToKeep().Select(t => new Table(t)).ToArray();
        _respawner = await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            SchemasToInclude = ["public"],
            TablesToIgnore = keep,
        });
    }

    /// <summary>The host keeps working between test classes (outbox relay, consumers, import runs), so a reset can meet
    /// its writes and PostgreSQL may pick the reset as a deadlock victim: try again.</summary>
    protected override async Task ResetDataAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(AdminConnectionString);
                await connection.OpenAsync();
                await _respawner!.ResetAsync(connection);
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DeadlockDetected && attempt < 5)
            {
                await Task.Delay(200 * attempt);
            }
        }
    }

    protected override Task CleanUpAsync() => PostgresServer.DropDatabaseAsync(Database);
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresAppFixture>
{
    public const string Name = "postgresql";
}
