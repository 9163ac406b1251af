using DxCollab.Platform.Backbone;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.Platform.Messaging;

/// <summary>A consumer a module contributes; collected before the bus is configured.</summary>
public sealed record ConsumerRegistration(Type ConsumerType);

public static class MessagingExtensions
{
    /// <summary>Called by a module's AddXxx(): its consumer runs on the worker (or in the single embedded process).</summary>
    public static IServiceCollection AddDxCollabConsumer<TConsumer>(this IServiceCollection services) where TConsumer : class, IConsumer =>
        services.AddSingleton(new ConsumerRegistration(typeof(TConsumer)));

    /// <summary>MassTransit on RabbitMQ (production, integration tests) or in memory (embedded default), with the
    /// tenant header filters, retries with back-off (and patience with a database outage), failed-message recording and the outbox dispatcher.
    /// Register modules' consumers (AddDxCollabConsumer) before calling this.</summary>
    public static IServiceCollection AddDxCollabMessaging(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(MessagingOptions.Section).Get<MessagingOptions>() ?? new();
        var role = configuration.GetSection(HostingOptions.Section).Get<HostingOptions>()?.Role ?? HostRole.All;
        services.Configure<MessagingOptions>(configuration.GetSection(MessagingOptions.Section));
        var runsConsumers = role != HostRole.Web;
        if (options.Transport == MessageTransport.InMemory && role != HostRole.All)
            throw new InvalidOperationException("Messaging:Transport=InMemory works only with Hosting:Role=All (one process). Use RabbitMq to split web and worker.");

        var consumers = services.Where(d => d.ServiceType == typeof(ConsumerRegistration))
            .Select(d => ((ConsumerRegistration)d.ImplementationInstance!).ConsumerType).Distinct().ToList();
        services.AddSingleton<FailedMessageObserver>();
        services.AddScoped<FailedMessages>();
        // Ordered consumers get one active consumer per queue, however many workers run (RabbitMQ single active consumer).
        var orderedEndpoints = consumers.Where(c => typeof(IOrderedConsumer).IsAssignableFrom(c)).Select(EndpointName).ToHashSet();
        services.AddMassTransit(x =>
        {
            // MassTransit 8.4+ reports usage data to its vendor's host after the bus starts: an on-premises install
            // must not call out (and may not reach out at all), so it is off.
            x.DisableUsageTelemetry();
            x.SetKebabCaseEndpointNameFormatter();
            x.AddConfigureEndpointsCallback((name, endpoint) =>
            {
                if (orderedEndpoints.Contains(name) && endpoint is IRabbitMqReceiveEndpointConfigurator rabbit) rabbit.SingleActiveConsumer = true;
            });
            if (runsConsumers)
                foreach (var consumer in consumers)
                {
                    var registration = x.AddConsumer(consumer);
                    if (typeof(IOrderedConsumer).IsAssignableFrom(consumer)) registration.Endpoint(e => e.ConcurrentMessageLimit = 1);
                }
            if (options.Transport == MessageTransport.RabbitMq)
                x.UsingRabbitMq((context, cfg) =>
                {
                    cfg.Host(options.RabbitMq.Host, options.RabbitMq.Port, options.RabbitMq.VirtualHost, h =>
                    {
                        h.Username(options.RabbitMq.Username);
                        h.Password(options.RabbitMq.Password);
                    });
                    Configure(context, cfg, options);
                });
            else
                x.UsingInMemory((context, cfg) => Configure(context, cfg, options));
        });
        // The web must start (and serve) while the broker is down; the bus connects when it can.
        services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = false);
        if (runsConsumers) services.AddHostedService<OutboxDispatcher>();
        return services;
    }

    private static string EndpointName(Type consumer) =>
        (string)typeof(IEndpointNameFormatter).GetMethod(nameof(IEndpointNameFormatter.Consumer))!.MakeGenericMethod(consumer)
            .Invoke(KebabCaseEndpointNameFormatter.Instance, null)!;

    private static void Configure<TEndpoint>(IBusRegistrationContext context, IBusFactoryConfigurator<TEndpoint> cfg, MessagingOptions options)
        where TEndpoint : IReceiveEndpointConfigurator
    {
        // Filters before ConfigureEndpoints (endpoints configured earlier never see them); retries outside the tenant
        // filter, so each attempt restores the tenant in a new scope (a new DbContext) and a refused message is not retried.
        cfg.UseSendFilter(typeof(TenantSendFilter<>), context);
        cfg.UsePublishFilter(typeof(TenantPublishFilter<>), context);
        // One retry for both a database outage and ordinary errors (ConsumerRetryPolicy says why not two).
        cfg.UseMessageRetry(r =>
        {
            r.Ignore<TenantRejectedException>();
            r.SetRetryPolicy(filter => new ConsumerRetryPolicy(filter,
                Retry.Exponential(filter, Math.Max(0, options.RetryLimit - 1), TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(500)),
                options.DatabaseOutage));
        });
        cfg.UseConsumeFilter(typeof(TenantConsumeFilter<>), context);
        cfg.ConnectReceiveObserver(context.GetRequiredService<FailedMessageObserver>());
        cfg.ConfigureEndpoints(context);
    }
}
