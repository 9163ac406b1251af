using DxCollab.Hosting;
using DxCollab.IntegrationTests.Backbone;
using DxCollab.Platform.Jobs;
using DxCollab.Platform.Messaging;
using DxCollab.Platform.Reminders;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DxCollab.IntegrationTests.Infrastructure;

/// <summary>A worker host built as src/DxCollab.Worker builds it (the shared HostComposition), with the probe consumers
/// and reminder rule registered the way a module registers its own; for the backbone and fault tests.</summary>
public static class ProbeWorker
{
    /// <summary>Not started. <paramref name="settings"/> come after the worker defaults (role Worker, no demo data);
    /// <paramref name="configure"/> runs after the composition, so it may replace a service (the clock).</summary>
    public static IHost Build(IDictionary<string, string?> settings, string contentRoot, Action<IServiceCollection>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = DxCollabFactory.Environment });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Hosting:Role"] = "Worker",
            ["Database:Demo"] = "false",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddDxCollabConsumer<ProbeConsumer>();
        builder.Services.AddDxCollabConsumer<PlainProbeConsumer>();
        builder.Services.AddDxCollabConsumer<NationalProbeConsumer>();
        builder.Services.AddDxCollabConsumer<PoisonProbeConsumer>();
        builder.Services.AddReminderRule<DeadlineProbeRule>();
        builder.Services.AddScoped<IReminderDelivery, ProbeDelivery>();
        builder.Services.AddDxCollabCore(builder.Configuration, contentRoot);
        configure?.Invoke(builder.Services);
        return builder.Build();
    }
}

/// <summary>Polls until a condition holds or the patience runs out, and returns the last value read (the assertion
/// that follows says what was missing).</summary>
public static class Eventually
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public static Task<T> WaitForAsync<T>(Func<T> read, Func<T, bool> done, TimeSpan? timeout = null) =>
        WaitForAsync(() => Task.FromResult(read()), done, timeout);

    public static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? Patience);
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > until) return value;
            await Task.Delay(200);
        }
    }
}
