using System.Collections.Concurrent;
using System.Data.Common;
using DxCollab.MultiTenancy;
using DxCollab.Platform.Messaging;
using DxCollab.Platform.Tenancy;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.Platform.Tests.Messaging;

/// <summary>The bus's retries on the in-memory transport, as every consumer gets them: a database outage is waited out
/// well past the ordinary attempts, each attempt in a new scope; any other error keeps the ordinary attempts.</summary>
public sealed class DatabaseOutageRetryTests : IAsyncLifetime
{
    private ServiceProvider _services = null!;
    private IBusControl _bus = null!;

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Messaging:Transport"] = "InMemory",
            ["Messaging:RetryLimit"] = "2",
            ["Messaging:DatabaseOutage:Interval"] = "00:00:00.05",
            ["Messaging:DatabaseOutage:Patience"] = "00:00:00.5",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System);
        services.AddMultiTenant<PrefectureTenant>().WithInMemoryStore(_ => [.. PrefectureCatalog.Build(), PrefectureCatalog.Host]);
        services.AddScoped<AttemptScope>();
        services.AddDxCollabConsumer<FlakyConsumer>();
        services.AddDxCollabMessaging(configuration);
        _services = services.BuildServiceProvider();
        _bus = _services.GetRequiredService<IBusControl>();
        await _bus.StartAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
    }

    public async Task DisposeAsync()
    {
        await _bus.StopAsync();
        await _services.DisposeAsync();
    }

    [Fact]
    public async Task A_consumer_whose_database_is_away_longer_than_the_ordinary_retries_runs_once_it_is_back()
    {
        var probe = new Flaky(Guid.NewGuid(), Failures: 6, Outage: true);
        await _bus.Publish(probe);

        (await WaitForAsync(() => FlakyConsumer.Succeeded.ContainsKey(probe.Id))).ShouldBeTrue($"the message was given up during the outage after {FlakyConsumer.Attempts.GetValueOrDefault(probe.Id)?.Count} attempts");
        var attempts = FlakyConsumer.Attempts[probe.Id];
        attempts.Count.ShouldBe(7); // six refused by the absent database (the ordinary retries allow two), then success
        attempts.Distinct().Count().ShouldBe(7, "every attempt gets a new scope, so a new DbContext");
    }

    [Fact]
    public async Task Any_other_error_keeps_the_ordinary_attempts()
    {
        var probe = new Flaky(Guid.NewGuid(), Failures: 100, Outage: false);
        await _bus.Publish(probe);

        await WaitForAsync(() => FlakyConsumer.Attempts.TryGetValue(probe.Id, out var a) && a.Count >= 2);
        await Task.Delay(1500); // the ordinary back-off would have tried again by now
        FlakyConsumer.Attempts[probe.Id].Count.ShouldBe(2);
        FlakyConsumer.Succeeded.ContainsKey(probe.Id).ShouldBeFalse();
    }

    [Fact]
    public async Task An_outage_longer_than_the_patience_fails_the_message()
    {
        var probe = new Flaky(Guid.NewGuid(), Failures: 1000, Outage: true);
        await _bus.Publish(probe);

        await WaitForAsync(() => FlakyConsumer.Attempts.TryGetValue(probe.Id, out var a) && a.Count >= 5);
        await Task.Delay(1500); // 0.5 s patience: over by now
        var attempts = FlakyConsumer.Attempts[probe.Id].Count;
        attempts.ShouldBeInRange(5, 12); // about 0.5 s / 0.05 s, plus the first
        await Task.Delay(300);
        FlakyConsumer.Attempts[probe.Id].Count.ShouldBe(attempts);
    }

    private static async Task<bool> WaitForAsync(Func<bool> done)
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        while (!done() && DateTime.UtcNow < until) await Task.Delay(20);
        return done();
    }

    public sealed record Flaky(Guid Id, int Failures, bool Outage) : IHostLevelMessage;

    public sealed class AttemptScope
    {
        public Guid Id { get; } = Guid.NewGuid();
    }

    /// <summary>Fails <see cref="Flaky.Failures"/> times, as an absent database (a transient DbException inside the
    /// provider's wrapper) or as a bug, then succeeds; records the scope of every attempt.</summary>
    public sealed class FlakyConsumer(AttemptScope scope) : IConsumer<Flaky>
    {
        public static readonly ConcurrentDictionary<Guid, ConcurrentQueue<Guid>> Attempts = new();
        public static readonly ConcurrentDictionary<Guid, bool> Succeeded = new();

        public Task Consume(ConsumeContext<Flaky> context)
        {
            var attempts = Attempts.GetOrAdd(context.Message.Id, _ => new());
            attempts.Enqueue(scope.Id);
            if (attempts.Count <= context.Message.Failures)
                throw context.Message.Outage
                    ? new InvalidOperationException("An exception has been raised that is likely due to a transient failure.", new UnreachableDatabase())
                    : new InvalidOperationException("probe bug");
            Succeeded[context.Message.Id] = true;
            return Task.CompletedTask;
        }
    }

    private sealed class UnreachableDatabase() : DbException("Failed to connect to 127.0.0.1:5432")
    {
        public override bool IsTransient => true;
    }
}
