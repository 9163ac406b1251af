using System.Net.Http.Json;
using System.Text.Json;
using DxCollab.IntegrationTests.Backbone;
using DxCollab.IntegrationTests.Infrastructure;
using static DxCollab.IntegrationTests.Surveys.RelayTestData;

namespace DxCollab.IntegrationTests.Surveys;

/// <summary>The web host on PostgreSQL with MassTransit on the real local RabbitMQ (a virtual host of its own, deleted
/// afterwards; the broker itself is never stopped), so every relay message crosses the broker: 47 NationalSurveyIssued
/// to the tenants, SurveyResponseSubmitted inside osaka, NationalAnswersReported to the host.</summary>
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
    public async Task The_relay_runs_end_to_end_through_RabbitMQ()
    {
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
    }
}
