using DxCollab.Platform.Messaging;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DxCollab.Platform.Tests.Messaging;

/// <summary>An on-premises install must not call out: MassTransit's usage report to its vendor is switched off for
/// both transports.</summary>
public sealed class UsageTelemetryTests
{
    [Theory]
    [InlineData("InMemory")]
    [InlineData("RabbitMq")]
    public void The_bus_sends_no_usage_telemetry(string transport)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Messaging:Transport"] = transport,
        }).Build();
        using var services = new ServiceCollection().AddDxCollabMessaging(configuration).BuildServiceProvider();

        services.GetRequiredService<IOptions<UsageTelemetryOptions>>().Value.Enabled.ShouldBeFalse();
    }
}
