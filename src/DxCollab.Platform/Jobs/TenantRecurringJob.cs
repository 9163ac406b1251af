using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.Platform.Jobs;

/// <summary>A module's job that runs for every tenant on a schedule (Asia/Tokyo). It is created inside the tenant's
/// scope by <see cref="TenantJobRunner"/>, so its DbContext is bound to that tenant.</summary>
public interface ITenantRecurringJob
{
    Task RunAsync(CancellationToken ct);
}

/// <summary>A registered per-tenant recurring job: Hangfire id <c>tenant:{id}:{Name}</c>, <see cref="Cron"/> on Tokyo time.</summary>
public sealed record TenantRecurringJob(string Name, string Cron, Type JobType);

/// <summary>What Hangfire calls for a module's per-tenant job: finds the job by name and runs it in the tenant.</summary>
public sealed class TenantRecurringJobRunner(TenantJobRunner runner, IEnumerable<TenantRecurringJob> jobs)
{
    public async Task RunAsync(string tenantId, string name, CancellationToken ct)
    {
        var job = jobs.FirstOrDefault(j => j.Name == name) ?? throw new InvalidOperationException($"No tenant recurring job named '{name}'.");
        await runner.RunAsync(tenantId, services => ((ITenantRecurringJob)services.GetRequiredService(job.JobType)).RunAsync(ct));
    }
}

public static class TenantRecurringJobExtensions
{
    /// <summary>Registers a module's per-tenant recurring job; the jobs host schedules it for every prefecture tenant
    /// with the cron expression read on Asia/Tokyo time.</summary>
    public static IServiceCollection AddTenantRecurringJob<TJob>(this IServiceCollection services, string name, string cron)
        where TJob : class, ITenantRecurringJob
    {
        services.AddScoped<TJob>();
        services.AddSingleton(new TenantRecurringJob(name, cron, typeof(TJob)));
        return services;
    }
}
