using DxCollab.Standardization.Tracking;
using DxCollab.Platform.Hosting;
using DxCollab.Platform.Jobs;
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
        services.AddScoped<WorkbookExchange>();
        // National roll-up: tenant-side recompute → host-level message → host read model.
        services.AddScoped<National.NationalProgressReport>();
        services.AddDxCollabConsumer<National.NationalProgressPublisher>();
        services.AddDxCollabConsumer<National.NationalRollupConsumer>();
        // Monthly snapshots (1st, 00:10 Tokyo) and the trend; reminders of overdue steps and the monthly update request.
        services.AddScoped<Snapshots.SnapshotService>();
        services.AddTenantRecurringJob<Snapshots.MonthlySnapshotJob>(Snapshots.MonthlySnapshotJob.Name, Snapshots.MonthlySnapshotJob.Cron);
        services.AddScoped<IDemoDataContributor, Snapshots.SnapshotDemoData>();
        services.AddReminderRule<Reminders.OverdueStepRule>();
        services.AddReminderRule<Reminders.OverdueEscalationRule>();
        services.AddReminderRule<Reminders.MonthlyUpdateRequestRule>();
        return services;
    }
}
