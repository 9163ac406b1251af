using System.Net.Http.Json;
using System.Text.Json;
using DxCollab.IntegrationTests.Backbone;
using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.Platform.Tenancy;
using DxCollab.Surveys.Contracts;
using RabbitMQ.Client;
using static DxCollab.IntegrationTests.Surveys.RelayTestData;

namespace DxCollab.IntegrationTests.Surveys;

/// <summary>The web host on PostgreSQL with MassTransit on the real local RabbitMQ (a virtual host of its own, deleted
/// afterwards; the broker itself is never stopped), so every relay message crosses the broker: 47 NationalSurveyIssued
/// to the tenants, SurveyResponseSubmitted inside osaka, NationalAnswersReported to the host; the test observes each on the
/// broker (<see cref="BrokerTap"/>).</summary>
public sealed class RelayRabbitMqFixture : AppFixture
{
    public string Database { get; private set; } = "";
    public string VirtualHost { get; } = "dxcollab-relay-" + Guid.NewGuid().ToString("N")[..12];
    public override string Provider => "PostgreSql";

    protected override async Task<Dictionary<string, string?>> PrepareAsync()
    {
        Database = await PostgresServer.CreateDatabaseAsync("relay");
        await RabbitMq.CtlAsync("add_vhost", VirtualHost);
        await RabbitMq.CtlAsync("set_permissions", "-p", VirtualHost, "guest", ".*", ".*", ".*");
        var settings = DxCollabFactory.BaseSettings(TempFolder);
        settings["Database:Provider"] = "PostgreSql";
        settings["Database:ConnectionString"] = PostgresServer.For(PostgresServer.App, Database);
        settings["Database:MigrationsConnectionString"] = PostgresServer.For(PostgresServer.Owner, Database);
        settings["Messaging:Transport"] = "RabbitMq";
        settings["Messaging:RabbitMq:Host"] = "127.0.0.1";
        settings["Messaging:RabbitMq:VirtualHost"] = VirtualHost;
        settings["Messaging:Outbox:PollIntervalMilliseconds"] = "100";
        settings["Messaging:RetryLimit"] = "2";
        return settings;
    }

    protected override Task ResetDataAsync() => Task.CompletedTask;

    protected override async Task CleanUpAsync()
    {
        await RabbitMq.CtlAsync("delete_vhost", VirtualHost);
        await PostgresServer.DropDatabaseAsync(Database);
    }
}

// A host of its own (its own bus); Hangfire's static state makes hosts that start side by side unsafe: run alone.
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RelayRabbitMqCollection : ICollectionFixture<RelayRabbitMqFixture>
{
    public const string Name = "surveys-relay-rabbitmq";
}

[Collection(RelayRabbitMqCollection.Name)]
public sealed class RelayRabbitMqTests(RelayRabbitMqFixture fixture) : AppTest(fixture)
{
    [Fact]
    public async Task The_relay_runs_end_to_end_through_RabbitMQ_and_the_broker_carries_each_relay_message()
    {
        // A queue of the test's own on each relay message's exchange receives a copy of what the broker routes.
        await using var tap = await BrokerTap.OpenAsync(fixture.VirtualHost,
            [nameof(NationalSurveyIssued), nameof(SurveyResponseSubmitted), nameof(NationalAnswersReported)]);
        using var national = await App.SignInAsync(null, "national@dxcollab.example");
        var nationalId = await IssueAsync(national);
        using var osaka = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        using var kyoto = await App.SignInAsync("kyoto", "pref.admin@kyoto.example");
        await ReceivedAsync(osaka, "osaka", nationalId);
        await ReceivedAsync(kyoto, "kyoto", nationalId);
        var surveyId = await RelayTests.RelayAsync(osaka, "osaka", nationalId);

        await SubmitAsync(App, "osaka", surveyId, "272035", new()
        {
            ["ai-use"] = Value("trial"), ["cio-staff"] = Value("28"), ["osaka-secret"] = Value("府内限りの回答"),
        });
        var result = await EventuallyAsync(async () =>
        {
            var r = await national.GetFromJsonAsync<JsonElement>($"{NationalPath}/{nationalId}");
            return r.GetProperty("prefectures").GetArrayLength() == 1 ? r : (JsonElement?)null;
        }, "toyonaka's answer crosses the broker to the national result", seconds: 60);
        result.GetRawText().ShouldNotContain("府内限り");
        var osakaFigures = result.GetProperty("prefectures")[0];
        osakaFigures.GetProperty("prefectureId").GetString().ShouldBe("osaka");
        osakaFigures.GetProperty("respondents").GetInt32().ShouldBe(1);
        osakaFigures.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("key").GetString() == "cio-staff")
            .GetProperty("sum").GetDecimal().ShouldBe(28);

        // What the broker carried: one issue per prefecture, osaka's submission inside the tenant, its national answers to the host.
        var issued = (await tap.TakeAsync(nameof(NationalSurveyIssued))).Where(m => m.GetProperty("nationalSurveyId").GetGuid() == nationalId).ToList();
        issued.Select(m => m.GetProperty("tenantId").GetString()).Distinct().Count().ShouldBe(PrefectureCatalog.Identifiers.Count());
        issued.Count.ShouldBe(PrefectureCatalog.Identifiers.Count());
        (await tap.TakeAsync(nameof(SurveyResponseSubmitted)))
            .Where(m => m.GetProperty("surveyId").GetInt64() == surveyId)
            .Select(m => (m.GetProperty("tenantId").GetString(), m.GetProperty("respondentCode").GetString())).ShouldBe([("osaka", "272035")]);
        var reported = (await tap.TakeAsync(nameof(NationalAnswersReported))).Where(m => m.GetProperty("nationalSurveyId").GetGuid() == nationalId).ToList();
        reported.Select(m => (m.GetProperty("prefectureId").GetString(), m.GetProperty("respondentCode").GetString())).ShouldBe([("osaka", "272035")]);
        reported[0].GetProperty("answersJson").GetString()!.ShouldNotContain("osaka-secret");
    }
}

/// <summary>Observes the broker itself: for each message type, a queue of the test's own bound to the exchange MassTransit
/// publishes that type to (found in the test's virtual host with rabbitmqctl), so every message the broker routes there
/// lands in the tap as well. Deleted with the virtual host.</summary>
internal sealed class BrokerTap : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly Dictionary<string, string> _queues;

    private BrokerTap(IConnection connection, IChannel channel, Dictionary<string, string> queues) =>
        (_connection, _channel, _queues) = (connection, channel, queues);

    public static async Task<BrokerTap> OpenAsync(string virtualHost, IReadOnlyList<string> messageTypes)
    {
        // MassTransit declares the exchanges when the bus starts: wait for them rather than guessing their names.
        var exchanges = await EventuallyAsync(async () =>
        {
            if (await ListExchangesAsync(virtualHost) is not { } names) return null;
            var found = messageTypes.ToDictionary(t => t, t => names.FirstOrDefault(n => n.EndsWith(":" + t, StringComparison.Ordinal)));
            return found.Values.All(v => v is not null) ? found : null;
        }, "the relay exchanges exist in the test's virtual host", seconds: 60);
        var factory = new ConnectionFactory { HostName = "127.0.0.1", VirtualHost = virtualHost, UserName = "guest", Password = "guest" };
        var connection = await factory.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        var queues = new Dictionary<string, string>();
        foreach (var (type, exchange) in exchanges)
        {
            var queue = $"test-tap-{type}";
            await channel.QueueDeclareAsync(queue, durable: false, exclusive: false, autoDelete: false);
            await channel.QueueBindAsync(queue, exchange!, routingKey: "");
            queues[type] = queue;
        }
        return new BrokerTap(connection, channel, queues);
    }

    /// <summary>The messages (MassTransit's <c>message</c> part) the tap holds for the type, taken off its queue.</summary>
    public async Task<List<JsonElement>> TakeAsync(string messageType)
    {
        var messages = new List<JsonElement>();
        while (await _channel.BasicGetAsync(_queues[messageType], autoAck: true) is { } delivery)
            messages.Add(JsonDocument.Parse(delivery.Body).RootElement.GetProperty("message").Clone());
        return messages;
    }

    private static async Task<List<string>?> ListExchangesAsync(string virtualHost)
    {
        try
        {
            var output = await RabbitMq.CtlAsync("list_exchanges", "-p", virtualHost, "name", "--quiet", "--no-table-headers");
            return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        }
        catch (InvalidOperationException) { return null; } // not there yet: asked again
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
