using DxCollab.Standardization.Tracking;
using DxCollab.Platform.Messaging;
using DxCollab.Platform.Modules;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.Standardization;

public static class MigrationModule
{
    /// <summary>The 標準化 module: its tables, services, API (MapMigrationApi) and pages.</summary>
    public static IServiceCollection AddMigrationModule(this IServiceCollection services)
    {
        services.AddSingleton<IModelContributor, MigrationModel>();
        services.AddScoped<StepTracker>();
        services.AddScoped<ProgressReport>();
        services.AddScoped<ProgressInsights>();
        services.AddScoped<MigrationSettingsEditor>();
        services.AddScoped<WorkbookExchange>();
        // National roll-up: tenant-side recompute → host-level message → host read model.
        services.AddScoped<National.NationalProgressReport>();
        services.AddDxCollabConsumer<National.NationalProgressPublisher>();
        services.AddDxCollabConsumer<National.NationalRollupConsumer>();
        return services;
    }
}
