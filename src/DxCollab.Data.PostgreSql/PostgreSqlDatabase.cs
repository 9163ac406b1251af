using DxCollab.MultiTenancy;
using DxCollab.Platform.Data;
using DxCollab.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Migrations;

namespace DxCollab.Data.PostgreSql;

public static class PostgreSqlDatabase
{
    /// <summary>The role the application connects as: it owns nothing, so row-level security always applies.</summary>
    public const string AppRole = "dxcollab_app";

    public static DbContextOptionsBuilder Use(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseNpgsql(connectionString, o => o.MigrationsAssembly(typeof(PostgreSqlDatabase).Assembly.GetName().Name));

    /// <summary>Call at the end of every migration's Up: (re)applies row-level security with FORCE to every table
    /// that has a TenantId column and grants the application role what it needs (audit: SELECT and INSERT only).
    /// Idempotent, so a module's new tables are covered by its own migration.</summary>
    public static void ApplyTenantSecurity(this MigrationBuilder migrationBuilder) => migrationBuilder.Sql(TenantSecuritySql);

    /// <summary>The SQL of <see cref="ApplyTenantSecurity"/>, for schemas created without migrations (a test's
    /// EnsureCreated for a throwaway module): the same row-level security and grants the migrations apply.</summary>
    public static readonly string TenantSecuritySql = $$"""
        DO $$
        DECLARE t record;
        BEGIN
          IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{{AppRole}}') THEN
            CREATE ROLE {{AppRole}} NOLOGIN;
          END IF;
          EXECUTE format('GRANT USAGE ON SCHEMA %I TO {{AppRole}}', current_schema());
          EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO {{AppRole}}', current_schema());
          EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO {{AppRole}}', current_schema());
          REVOKE UPDATE, DELETE, TRUNCATE ON "Platform_AuditEntries" FROM {{AppRole}};
          FOR t IN SELECT c.table_name FROM information_schema.columns c
                   JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name
                   WHERE c.table_schema = current_schema() AND c.column_name = 'TenantId' AND tb.table_type = 'BASE TABLE'
          LOOP
            EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t.table_name);
            EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t.table_name);
            EXECUTE format('DROP POLICY IF EXISTS tenant_isolation ON %I', t.table_name);
            EXECUTE format('CREATE POLICY tenant_isolation ON %I USING ("TenantId" = current_setting(''dxcollab.tenant_id'', true)) WITH CHECK ("TenantId" = current_setting(''dxcollab.tenant_id'', true))', t.table_name);
          END LOOP;
        END $$;
        """;
}

/// <summary>For <c>dotnet ef migrations add X --project src/DxCollab.Data.PostgreSql</c> (no server is contacted).</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<DxCollabDbContext>
{
    public DxCollabDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<DxCollabDbContext>();
        PostgreSqlDatabase.Use(builder, "Host=localhost;Database=dxcollab_design");
        return new(builder.Options, new StaticMultiTenantContextAccessor<PrefectureTenant>(null), Modules.ModuleCatalog.ModelContributors);
    }
}
