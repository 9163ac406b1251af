using DxCollab.Data.PostgreSql;
using DxCollab.Data.Sqlite;
using DxCollab.Data.SqlServer;
using DxCollab.Platform;
using DxCollab.Platform.Hosting;
using Microsoft.AspNetCore.DataProtection;

namespace DxCollab.Web.Infrastructure;

public static class DatabaseSetup
{
    /// <summary>Picks the provider's migrations assembly for each of the three databases.</summary>
    public static readonly ConfigureDatabaseProvider ConfigureProvider = (builder, provider, connectionString) =>
    {
        switch (provider)
        {
            case DatabaseProvider.PostgreSql: PostgreSqlDatabase.Use(builder, connectionString); break;
            case DatabaseProvider.SqlServer: SqlServerDatabase.Use(builder, connectionString); break;
            default: SqliteDatabase.Use(builder, connectionString); break;
        }
    };

    public static IServiceCollection AddDxCollabDatabaseAndPlatform(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        var embedded = $"Data Source={Path.Combine(environment.ContentRootPath, "App_Data", "dxcollab.db")}";
        services.AddDxCollabPlatform(configuration, ConfigureProvider, embedded);
        services.AddDataProtection().SetApplicationName("DxCollab");
        services.AddOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>()
            .Configure<IServiceProvider>((o, sp) => o.XmlRepository = new SharedDatabaseKeyRepository(sp, sp.GetRequiredService<ILoggerFactory>()));
        return services;
    }
}
