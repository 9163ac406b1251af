using DxCollab.Platform.Backbone;
using DxCollab.Platform.Hosting;
using DxCollab.Platform.Reminders;
using DxCollab.Platform.Text;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.SqlServer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DxCollab.Platform.Jobs;

public static class JobsExtensions
{
    /// <summary>A module's reminder rule, evaluated for every tenant by the recurring scan.</summary>
    public static IServiceCollection AddReminderRule<TRule>(this IServiceCollection services) where TRule : class, IReminderRule =>
        services.AddScoped<IReminderRule, TRule>();

    /// <summary>Hangfire 1.8 with PostgreSQL, SQL Server or in-memory storage; the server (and the recurring jobs of
    /// every tenant, on Asia/Tokyo time) only where this process runs jobs.</summary>
    public static IServiceCollection AddDxCollabJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<JobsOptions>(configuration.GetSection(JobsOptions.Section));
        var options = configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new();
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new();
        var connection = options.ConnectionString ?? database.MigrationsConnectionString ?? database.ConnectionString ?? configuration.GetConnectionString("DxCollab");
        var role = configuration.GetSection(HostingOptions.Section).Get<HostingOptions>()?.Role ?? HostRole.All;

        services.AddHangfire(cfg =>
        {
            cfg.SetDataCompatibilityLevel(CompatibilityLevel.Version_180).UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings();
            switch (options.Storage)
            {
                case JobStorageKind.PostgreSql:
                    cfg.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(Data.PostgresPoolSize.Apply(Required(connection), database.MaxPoolSize)),
                        new PostgreSqlStorageOptions { SchemaName = options.Schema, PrepareSchemaIfNecessary = true, QueuePollInterval = TimeSpan.FromSeconds(2) });
                    break;
                case JobStorageKind.SqlServer:
                    cfg.UseSqlServerStorage(Required(connection), new SqlServerStorageOptions { SchemaName = options.Schema, PrepareSchemaIfNecessary = true, QueuePollInterval = TimeSpan.FromSeconds(2) });
                    break;
                default:
                    cfg.UseInMemoryStorage(new InMemoryStorageOptions());
                    break;
            }
        });
        services.AddSingleton<TenantJobRunner>();
        services.AddTransient<ReminderScanJob>();
        services.AddScoped<ReminderEngine>();
        services.TryAddScoped<IReminderDelivery, NotificationReminderDelivery>();
        services.AddTransient<EmailDeliveryJob>();
        services.AddTransient<TenantRecurringJobRunner>();
        if (role != HostRole.Web)
        {
            services.AddHangfireServer(o =>
            {
                o.WorkerCount = options.WorkerCount;
                o.ServerName = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}";
            });
            services.AddHostedService<RecurringJobsRegistrar>();
        }
        return services;
    }

    private static string Required(string? connection) =>
        connection ?? throw new InvalidOperationException("Jobs:ConnectionString (or Database:ConnectionString) is required for this job storage.");
}

/// <summary>Keeps each tenant's recurring jobs registered (ids <c>tenant:{id}:…</c>, Asia/Tokyo time zone).</summary>
internal sealed class RecurringJobsRegistrar(IRecurringJobManager jobs, TenantJobRunner runner, IOptions<JobsOptions> options,
    IEnumerable<TenantRecurringJob> moduleJobs, ILogger<RecurringJobsRegistrar> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var tokyo = new RecurringJobOptions { TimeZone = JapaneseCalendar.Tokyo };
        var tenants = await runner.PrefecturesAsync();
        // One fan-out for the per-minute e-mail: 47 jobs a minute were 47 Hangfire round-trips for mostly nothing.
        jobs.AddOrUpdate<EmailDeliveryJob>(EmailDeliveryJob.FanOutJobId, job => job.SendImmediateToAllAsync(CancellationToken.None), Cron.Minutely(), tokyo);
        foreach (var tenant in tenants)
        {
            jobs.AddOrUpdate<ReminderScanJob>($"tenant:{tenant.Id}:reminder-scan", job => job.RunAsync(tenant.Id, CancellationToken.None),
                options.Value.ReminderScanCron, tokyo);
            jobs.RemoveIfExists($"tenant:{tenant.Id}:email"); // the per-tenant job of earlier versions, in persistent storage
            jobs.AddOrUpdate<EmailDeliveryJob>($"tenant:{tenant.Id}:digest", job => job.SendDigestAsync(tenant.Id, CancellationToken.None),
                options.Value.DigestCron, tokyo);
            // Modules' own per-tenant jobs (AddTenantRecurringJob).
            foreach (var job in moduleJobs)
                jobs.AddOrUpdate<TenantRecurringJobRunner>($"tenant:{tenant.Id}:{job.Name}",
                    r => r.RunAsync(tenant.Id, job.Name, CancellationToken.None), job.Cron, tokyo);
        }
        logger.LogInformation("Recurring jobs registered for {Count} tenants", tenants.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
