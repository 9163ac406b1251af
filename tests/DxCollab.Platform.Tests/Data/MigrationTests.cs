using DxCollab.Data.PostgreSql;
using DxCollab.Data.Sqlite;
using DxCollab.Data.SqlServer;
using DxCollab.MultiTenancy;
using DxCollab.Platform.Data;
using DxCollab.Platform.Modules;
using DxCollab.Platform.Tenancy;
using DxCollab.Platform.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace DxCollab.Platform.Tests.Data;

/// <summary>No database server is contacted: the contexts are built over dummy connection strings and only
/// their models, migrations and scripts are inspected.</summary>
public class MigrationTests
{
    public enum Provider { Sqlite, PostgreSql, SqlServer }

    private static DxCollabDbContext Context(Provider provider)
    {
        var builder = new DbContextOptionsBuilder<DxCollabDbContext>();
        _ = provider switch
        {
            Provider.Sqlite => SqliteDatabase.Use(builder, "Data Source=:memory:"),
            Provider.PostgreSql => PostgreSqlDatabase.Use(builder, "Host=localhost;Database=dxcollab_unit;Username=none;Password=none"),
            _ => SqlServerDatabase.Use(builder, "Server=localhost;Database=dxcollab_unit;User Id=none;Password=none;TrustServerCertificate=True"),
        };
        return new DxCollabDbContext(builder.Options, new StaticMultiTenantContextAccessor<PrefectureTenant>(null), DxCollab.Modules.ModuleCatalog.ModelContributors);
    }

    private static string Script(Provider provider)
    {
        using var db = Context(provider);
        return db.GetService<IMigrator>().GenerateScript();
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    [InlineData(Provider.SqlServer)]
    public void The_migrations_are_up_to_date_with_the_model(Provider provider)
    {
        using var db = Context(provider);
        db.Database.GetMigrations().ShouldNotBeEmpty();
        db.Database.HasPendingModelChanges().ShouldBeFalse($"{provider}: run infra/add-migration.sh to add a migration");
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    [InlineData(Provider.SqlServer)]
    public void Every_tenant_owned_table_is_filtered_and_unique_per_tenant(Provider provider)
    {
        using var db = Context(provider);
        ModelAssertions.TenantOwnedTypesAreIsolated(db.Model);
    }

    [Fact]
    public void The_SQL_Server_script_installs_a_SESSION_CONTEXT_security_policy()
    {
        var script = Script(Provider.SqlServer);
        script.ShouldContain("CREATE TABLE [Platform_Organizations]");
        script.ShouldContain("CREATE SECURITY POLICY", Case.Sensitive);
        script.ShouldContain("SESSION_CONTEXT", Case.Sensitive);
        script.ShouldContain("ADD BLOCK PREDICATE", Case.Sensitive);
    }

    [Fact]
    public void The_PostgreSQL_script_forces_row_level_security_with_a_tenant_isolation_policy()
    {
        var script = Script(Provider.PostgreSql);
        script.ShouldContain("CREATE TABLE \"Platform_Organizations\"");
        script.ShouldContain("FORCE ROW LEVEL SECURITY", Case.Sensitive);
        script.ShouldContain("tenant_isolation", Case.Sensitive);
        script.ShouldContain("current_setting(''dxcollab.tenant_id'', true)", Case.Sensitive);
        script.ShouldContain("REVOKE UPDATE, DELETE, TRUNCATE ON \"Platform_AuditEntries\"", Case.Sensitive);
    }

    [Fact]
    public void The_SQLite_migrations_create_a_working_database_with_reference_data()
    {
        using var database = new TestDatabase();
        using var db = database.CreateContext((PrefectureTenant?)null);
        db.Database.GetPendingMigrations().ShouldBeEmpty();
        db.StandardBusinesses.OrderBy(b => b.Number).Select(b => b.WorkbookName).Take(4).ToList().ShouldBe(["児童手当", "子ども・子育て支援", "住民記録", "戸籍附票"]);
        db.Set<Standardization.Tracking.MigrationStepDefinition>().Count().ShouldBe(40); // the 標準化 module's reference table, seeded by its migration
        db.Roles.Select(r => r.Name!).OrderBy(n => n).ToList().ShouldBe(Platform.Identity.Roles.All.Order(StringComparer.Ordinal).ToList());
    }

    [Theory]
    [InlineData(Provider.PostgreSql)]
    [InlineData(Provider.SqlServer)]
    public void The_unique_indexes_in_the_migrations_include_TenantId(Provider provider)
    {
        var script = Script(provider);
        var q = provider == Provider.SqlServer ? ("[", "]") : ("\"", "\"");
        script.ShouldContain($"{q.Item1}EmailIndex{q.Item2} ON {q.Item1}Identity_Users{q.Item2} ({q.Item1}TenantId{q.Item2}, {q.Item1}NormalizedEmail{q.Item2})");
        script.ShouldContain($"{q.Item1}UserNameIndex{q.Item2} ON {q.Item1}Identity_Users{q.Item2} ({q.Item1}TenantId{q.Item2}, {q.Item1}NormalizedUserName{q.Item2})");
    }
}
