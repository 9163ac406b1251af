using DxCollab.Data.PostgreSql;
using DxCollab.Data.Sqlite;
using DxCollab.Data.SqlServer;
using DxCollab.Modules;
using DxCollab.Platform;
using DxCollab.Platform.Hosting;
using DxCollab.Platform.Jobs;
using DxCollab.Platform.Messaging;
using DxCollab.Platform.Modules;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DxCollab.Hosting;

/// <summary>What the web host and the worker host share: the platform, the modules of <see cref="ModuleCatalog"/>
/// (or the given list, for test hosts), messaging and jobs.</summary>
public static class HostComposition
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

    public static IServiceCollection AddDxCollabCore(this IServiceCollection services, IConfiguration configuration, string contentRoot,
        IReadOnlyList<IDxModule>? modules = null)
    {
        var embedded = $"Data Source={Path.Combine(contentRoot, "App_Data", "dxcollab.db")}";
        services.AddDxCollabPlatform(configuration, ConfigureProvider, embedded);
        // Before messaging and jobs: they collect the consumers and jobs the modules register.
        services.AddDxCollabModules(modules ?? ModuleCatalog.Modules);
        services.AddDataProtection().SetApplicationName("DxCollab").ProtectKeysAtRest(configuration);
        services.AddOptions<KeyManagementOptions>()
            .Configure<IServiceProvider>((o, sp) => o.XmlRepository = new SharedDatabaseKeyRepository(sp, sp.GetRequiredService<ILoggerFactory>()));
        services.AddDxCollabMessaging(configuration);
        services.AddDxCollabJobs(configuration);
        return services;
    }
}
