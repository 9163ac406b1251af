using Microsoft.Data.Sqlite;
using Respawn;
using Respawn.Graph;

namespace DxCollab.IntegrationTests.Infrastructure;

/// <summary>The web host on a SQLite file in a temp folder (never App_Data), demo users on.</summary>
public class SqliteAppFixture : AppFixture
{
    private string _databasePath = "";
    private Respawner? _respawner;

    public override string Provider => "Sqlite";

    /// <summary>The host's database file, for raw SQL in tests.</summary>
    public string ConnectionString => $"Data Source={_databasePath}";

    protected override Task<Dictionary<string, string?>> PrepareAsync()
    {
        _databasePath = Path.Combine(TempFolder, "dxcollab.db");
        var settings = DxCollabFactory.BaseSettings(TempFolder);
        settings["Database:Provider"] = "Sqlite";
        settings["Database:ConnectionString"] = $"Data Source={_databasePath}";
        return Task.FromResult(settings);
    }

    /// <summary>Respawn, as on PostgreSQL and with the same tables kept (<see cref="AppFixture.TablesToKeep"/>): a module's
    /// new tables are emptied between test classes without a list to edit.</summary>
    protected override async Task AfterStartAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={_databasePath}");
        await connection.OpenAsync();
        _respawner = await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Sqlite,
            TablesToIgnore = [.. TablesToKeep().Select(t => new Table(t))],
        });
    }

    protected override async Task ResetDataAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={_databasePath}");
        await connection.OpenAsync();
        await _respawner!.ResetAsync(connection);
    }

    protected override Task CleanUpAsync()
    {
        SqliteConnection.ClearAllPools();
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class SqliteCollection : ICollectionFixture<SqliteAppFixture>
{
    public const string Name = "sqlite";
}
