using System.Data.Common;
using DxCollab.Data.PostgreSql;
using DxCollab.Data.Sqlite;
using DxCollab.MultiTenancy;
using DxCollab.MultiTenancy.EntityFrameworkCore;
using DxCollab.Platform.Data;
using DxCollab.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace DxCollab.IntegrationTests.Infrastructure;

/// <summary>For tests that prove a data-moving migration keeps existing rows: a fresh SQLite or PostgreSQL database,
/// migrated to just before the migration, where the test writes rows the old way with raw SQL, then migrates to the
/// latest and reads them back.</summary>
public static class MigrationMoveHarness
{
    public static readonly PrefectureTenant Osaka = PrefectureCatalog.Build().Single(t => t.Identifier == "osaka");

    /// <summary>A DbContext on the test database, bound to <c>tenant</c> (null: no tenant, as the migrator runs).</summary>
    public delegate DxCollabDbContext ContextFactory(PrefectureTenant? tenant);

    public static async Task OnSqliteAsync(string purpose, Func<ContextFactory, Task> prove)
    {
        var path = Path.Combine(Path.GetTempPath(), $"dxcollab-{purpose}-{Guid.NewGuid():N}.db");
        try
        {
            await prove(Factory(b => SqliteDatabase.Use(b, $"Data Source={path};Pooling=False")));
        }
        finally
        {
            File.Delete(path);
        }
    }

    public static async Task OnPostgreSqlAsync(string purpose, Func<ContextFactory, Task> prove)
    {
        var name = await PostgresServer.CreateDatabaseAsync(purpose);
        try
        {
            await prove(Factory(b => PostgreSqlDatabase.Use(b, PostgresServer.For(PostgresServer.Owner, name))));
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(name);
        }
    }

    /// <summary>Applies every migration before the one whose name ends with <paramref name="migration"/>.</summary>
    public static async Task MigrateToJustBeforeAsync(ContextFactory context, string migration)
    {
        await using var host = context(null);
        var migrations = host.Database.GetMigrations().ToList();
        var index = migrations.FindIndex(m => m.EndsWith("_" + migration, StringComparison.Ordinal));
        index.ShouldBeGreaterThan(0, $"no migration {migration} after the first");
        await host.GetService<IMigrator>().MigrateAsync(migrations[index - 1]);
    }

    public static async Task MigrateToLatestAsync(ContextFactory context)
    {
        await using var host = context(null);
        await host.Database.MigrateAsync();
    }

    /// <summary>Adds <paramref name="name"/> to <paramref name="command"/> when its text uses it.</summary>
    public static void Add(DbCommand command, string name, object value)
    {
        if (!command.CommandText.Contains(name, StringComparison.Ordinal)) return;
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static ContextFactory Factory(Func<DbContextOptionsBuilder, DbContextOptionsBuilder> provider) => tenant =>
    {
        var builder = new DbContextOptionsBuilder<DxCollabDbContext>();
        provider(builder).AddInterceptors(new TenantSessionInterceptor());
        return new DxCollabDbContext(builder.Options, new StaticMultiTenantContextAccessor<PrefectureTenant>(tenant),
            DxCollab.Modules.ModuleCatalog.ModelContributors);
    };
}
