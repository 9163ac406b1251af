using DxCollab.MultiTenancy;
using DxCollab.Platform.Data;
using DxCollab.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace DxCollab.Data.Sqlite;

public static class SqliteDatabase
{
    public static DbContextOptionsBuilder Use(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseSqlite(connectionString, o => o.MigrationsAssembly(typeof(SqliteDatabase).Assembly.GetName().Name));
}

/// <summary>For <c>dotnet ef migrations add X --project src/DxCollab.Data.Sqlite</c>.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<DxCollabDbContext>
{
    public DxCollabDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<DxCollabDbContext>().UseDxCollabSqlite("Data Source=design.db").Options,
            new StaticMultiTenantContextAccessor<PrefectureTenant>(null), Modules.ModuleCatalog.ModelContributors);
}

internal static class Options
{
    public static DbContextOptionsBuilder<DxCollabDbContext> UseDxCollabSqlite(this DbContextOptionsBuilder<DxCollabDbContext> b, string cs)
    {
        SqliteDatabase.Use(b, cs);
        return b;
    }
}
