using DxCollab.Data.PostgreSql;
using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.IntegrationTests.PostgreSql;
using DxCollab.Modules;
using DxCollab.MultiTenancy;
using DxCollab.Platform.Data;
using DxCollab.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DxCollab.IntegrationTests.ModuleKit;

/// <summary>RLS for a module that has no migration yet: the schema from the model (EnsureCreated, as the schema owner)
/// plus the same tenant-security SQL every migration ends with; then the RLS coverage check computed from the model.</summary>
public sealed class ThrowawayRowLevelSecurityTests : IAsyncLifetime
{
    private string _database = "";

    public async Task InitializeAsync() => _database = await PostgresServer.CreateDatabaseAsync("throwaway");
    public Task DisposeAsync() => PostgresServer.DropDatabaseAsync(_database);

    [Fact]
    public async Task Every_tenant_table_of_the_model_with_the_throwaway_module_has_forced_row_level_security()
    {
        var builder = new DbContextOptionsBuilder<DxCollabDbContext>();
        PostgreSqlDatabase.Use(builder, PostgresServer.For(PostgresServer.Owner, _database));
        var contributors = ModuleCatalog.Modules.Append(new ThrowawayModule.ThrowawayModule()).SelectMany(m => m.ModelContributors);
        await using (var db = new DxCollabDbContext(builder.Options, new StaticMultiTenantContextAccessor<PrefectureTenant>(null), contributors))
        {
            await db.Database.EnsureCreatedAsync();
            await db.Database.ExecuteSqlRawAsync(PostgreSqlDatabase.TenantSecuritySql);
            var expected = TenantModel.TenantOwnedTypes(db.Model).Select(e => e.GetTableName()!).Distinct().ToList();
            expected.ShouldContain("Throwaway_Notes");

            await using var admin = new NpgsqlConnection(PostgresServer.For(PostgresServer.Admin, _database));
            await admin.OpenAsync();
            var tables = await RowLevelSecurity.TablesWithTenantColumnAsync(admin);
            tables.Select(t => t.Name).ShouldBe(expected, ignoreOrder: true);
            tables.Where(t => !t.Rls || !t.Force || !t.Policy).Select(t => t.Name).ShouldBeEmpty();

            await using var insert = new NpgsqlCommand(
                """INSERT INTO "Throwaway_Notes" ("TenantId", "Text", "WrittenOn") VALUES ('osaka', 'x', DATE '2026-01-05')""", admin);
            await insert.ExecuteNonQueryAsync();
        }
        (await CountAsApp("osaka")).ShouldBe(1);
        (await CountAsApp("kyoto")).ShouldBe(0);
    }

    private async Task<long> CountAsApp(string tenant)
    {
        var app = new NpgsqlConnectionStringBuilder(PostgresServer.For(PostgresServer.App, _database)) { Pooling = false };
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT set_config('dxcollab.tenant_id', @t, false); SELECT count(*) FROM "Throwaway_Notes";""", connection);
        command.Parameters.AddWithValue("t", tenant);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.NextResultAsync();
        await reader.ReadAsync();
        return reader.GetInt64(0);
    }
}
