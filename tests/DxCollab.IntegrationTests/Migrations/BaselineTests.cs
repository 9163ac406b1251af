using DxCollab.IntegrationTests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace DxCollab.IntegrationTests.Migrations;

/// <summary>The migration baseline (docs/decisions/0013) on databases made before it: one that had every migration it
/// replaces starts as usual; one that stopped earlier is refused with what to do, not half-migrated.</summary>
public sealed class BaselineTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dxcollab-baseline-").FullName;

    [Fact]
    public void A_database_that_stopped_before_the_baseline_is_refused_with_what_to_do()
    {
        var file = Path.Combine(_folder, "old.db");
        History(file, "20261204172117_OverdueStepIndex");
        var refused = Should.Throw<InvalidOperationException>(() => Start(file));
        refused.Message.ShouldContain("older than the baseline 20261204205222_NationalProgressVersion and stops at 20261204172117_OverdueStepIndex");
        refused.Message.ShouldContain("デモ用であれば削除すると作り直されます");
    }

    [Fact]
    public void A_database_that_had_every_replaced_migration_counts_the_baseline_as_applied()
    {
        // Made from scratch (the baseline), then its history rewritten as the 21 migrations left it: it still starts.
        var file = Path.Combine(_folder, "current.db");
        Start(file);
        SqliteConnection.ClearAllPools();
        History(file, "20261204201948_ProgressVersion", "20261204205222_NationalProgressVersion");
        Should.NotThrow(() => Start(file));
    }

    private void Start(string file)
    {
        var settings = DxCollabFactory.BaseSettings(_folder);
        settings["Database:Provider"] = "Sqlite";
        settings["Database:ConnectionString"] = $"Data Source={file}";
        using var app = new DxCollabFactory(settings);
        _ = app.Services;
    }

    /// <summary>The migrations history table holding only <paramref name="ids"/>.</summary>
    private static void History(string file, params string[] ids)
    {
        using var connection = new SqliteConnection($"Data Source={file}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" ("MigrationId" TEXT NOT NULL PRIMARY KEY, "ProductVersion" TEXT NOT NULL);
            DELETE FROM "__EFMigrationsHistory";
            """ + string.Concat(ids.Select(id => $"INSERT INTO \"__EFMigrationsHistory\" VALUES ('{id}', '10.0.0');"));
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
