using DxCollab.MultiTenancy;
using DxCollab.Platform.Data;
using DxCollab.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Migrations;

namespace DxCollab.Data.SqlServer;

public static class SqlServerDatabase
{
    public static DbContextOptionsBuilder Use(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseSqlServer(connectionString, o => o.MigrationsAssembly(typeof(SqlServerDatabase).Assembly.GetName().Name));

    /// <summary>Call at the end of every migration's Up: rebuilds one security policy whose filter and block
    /// predicates compare each table's TenantId with SESSION_CONTEXT(N'TenantId'), set per connection by the
    /// tenant session interceptor. Covers every table with a TenantId column, so new modules are included.</summary>
    public static void ApplyTenantSecurity(this MigrationBuilder migrationBuilder) => migrationBuilder.Sql("""
        IF SCHEMA_ID(N'security') IS NULL EXEC(N'CREATE SCHEMA security');
        IF OBJECT_ID(N'security.TenantPolicy', N'SP') IS NOT NULL DROP SECURITY POLICY security.TenantPolicy;
        IF OBJECT_ID(N'security.fn_TenantPredicate', N'IF') IS NOT NULL DROP FUNCTION security.fn_TenantPredicate;
        EXEC(N'CREATE FUNCTION security.fn_TenantPredicate(@TenantId nvarchar(64)) RETURNS TABLE WITH SCHEMABINDING AS
          RETURN SELECT 1 AS allowed WHERE @TenantId = CAST(SESSION_CONTEXT(N''TenantId'') AS nvarchar(64))');
        DECLARE @policy nvarchar(max);
        SELECT @policy = N'CREATE SECURITY POLICY security.TenantPolicy ' + STRING_AGG(CAST(
            N'ADD FILTER PREDICATE security.fn_TenantPredicate(TenantId) ON ' + QUOTENAME(s.name) + N'.' + QUOTENAME(t.name) +
            N', ADD BLOCK PREDICATE security.fn_TenantPredicate(TenantId) ON ' + QUOTENAME(s.name) + N'.' + QUOTENAME(t.name) + N' AFTER INSERT' +
            N', ADD BLOCK PREDICATE security.fn_TenantPredicate(TenantId) ON ' + QUOTENAME(s.name) + N'.' + QUOTENAME(t.name) + N' AFTER UPDATE'
            AS nvarchar(max)), N', ') + N' WITH (STATE = ON)'
        FROM sys.columns c JOIN sys.tables t ON c.object_id = t.object_id JOIN sys.schemas s ON s.schema_id = t.schema_id
        WHERE c.name = N'TenantId';
        IF @policy IS NOT NULL EXEC sp_executesql @policy;
        """);
}

/// <summary>For <c>dotnet ef migrations add X --project src/DxCollab.Data.SqlServer</c> (no server is contacted).</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<DxCollabDbContext>
{
    public DxCollabDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<DxCollabDbContext>();
        SqlServerDatabase.Use(builder, "Server=localhost;Database=dxcollab_design;Trusted_Connection=True;TrustServerCertificate=True");
        return new(builder.Options, new StaticMultiTenantContextAccessor<PrefectureTenant>(null), Modules.ModuleCatalog.ModelContributors);
    }
}
