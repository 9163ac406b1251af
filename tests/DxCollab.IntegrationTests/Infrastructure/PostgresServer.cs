using Npgsql;

namespace DxCollab.IntegrationTests.Infrastructure;

/// <summary>The local PostgreSQL that infra/test.sh starts. Connection strings come from environment variables
/// (see infra/test-env.sh); each names the postgres database and gets the test database swapped in.</summary>
public static class PostgresServer
{
    public const string AdminVariable = "DXCOLLAB_TEST_PG_ADMIN";
    public const string OwnerVariable = "DXCOLLAB_TEST_PG_OWNER";
    public const string AppVariable = "DXCOLLAB_TEST_PG_APP";

    public static string Admin => Required(AdminVariable);
    public static string Owner => Required(OwnerVariable);
    public static string App => Required(AppVariable);
    public const string BackupVariable = "DXCOLLAB_TEST_PG_BACKUP";

    /// <summary>The read-only backup role infra/test.sh creates (docs/operations.md "Backups and restore"); from a shell
    /// that sourced an older test-env.sh, the same defaults.</summary>
    public static string Backup => Environment.GetEnvironmentVariable(BackupVariable) is { Length: > 0 } value
        ? value
        : new NpgsqlConnectionStringBuilder(Admin) { Username = "dxcollab_backup", Password = "dxcollab-backup-test" }.ConnectionString;

    public static string For(string connectionString, string database) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Database = database }.ConnectionString;

    /// <summary>Creates an empty database owned by dxcollab_owner (the schema owner that runs the migrations).</summary>
    public static async Task<string> CreateDatabaseAsync(string purpose)
    {
        var name = $"dxcollab_it_{purpose}_{Guid.NewGuid():N}"[..40];
        await using var connection = new NpgsqlConnection(Admin);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" OWNER dxcollab_owner ENCODING 'UTF8' TEMPLATE template0", connection);
        await create.ExecuteNonQueryAsync();
        return name;
    }

    public static async Task DropDatabaseAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(Admin);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private static string Required(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{variable} is not set. Run `infra/test.sh --setup-only && source infra/test-env.sh` first (infra/test.sh does both).");
}
