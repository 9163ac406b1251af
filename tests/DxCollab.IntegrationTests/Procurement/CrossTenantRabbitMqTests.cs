using System.Net;
using System.Net.Http.Json;
using DxCollab.IntegrationTests.Backbone;
using DxCollab.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static DxCollab.IntegrationTests.Procurement.CrossTenantTestData;

namespace DxCollab.IntegrationTests.Procurement;

/// <summary>The web host on PostgreSQL with MassTransit on the real local RabbitMQ (a virtual host of its own, deleted
/// afterwards; the broker is never stopped): the cross-prefecture requests and their answers cross the broker with the
/// tenant filters as in production.</summary>
public sealed class CrossTenantRabbitMqFixture : AppFixture
{
    public string Database { get; private set; } = "";
    public string VirtualHost { get; } = "dxcollab-xt-" + Guid.NewGuid().ToString("N")[..12];
    public override string Provider => "PostgreSql";

    protected override async Task<Dictionary<string, string?>> PrepareAsync()
    {
        Database = await PostgresServer.CreateDatabaseAsync("crosstenant");
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

    protected override void ConfigureTestServices(IServiceCollection services) => FakeWorkspaceContent.Register(services);

    protected override Task ResetDataAsync() => Task.CompletedTask;

    protected override async Task CleanUpAsync()
    {
        await RabbitMq.CtlAsync("delete_vhost", VirtualHost);
        await PostgresServer.DropDatabaseAsync(Database);
    }
}

// A host of its own (its own bus); Hangfire's static state makes hosts that start side by side unsafe: run alone.
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CrossTenantRabbitMqCollection : ICollectionFixture<CrossTenantRabbitMqFixture>
{
    public const string Name = "procurement-crosstenant-rabbitmq";
}

[Collection(CrossTenantRabbitMqCollection.Name)]
public sealed class CrossTenantRabbitMqTests(CrossTenantRabbitMqFixture fixture) : AppTest(fixture)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await ArrangeUsersAsync(App);
    }

    [Fact]
    public async Task Over_RabbitMQ_okayama_joins_reads_and_downloads_through_requests_tottori_answers_and_a_removal_refuses_the_next_read()
    {
        using var lead = await SignInAsync(App, Tottori, TottoriLead);
        var (id, memberId) = await InviteKurashikiAsync(lead, "RabbitMQ越しの共同調達");
        var bytes = "%PDF-1.7 rabbit"u8.ToArray();
        var fileId = await StoreFileAsync(App, Tottori, TottoriCity, "仕様書.pdf", bytes);
        Content(App).Add(Tottori, id, new FakeWorkspaceContent.Document(id, "仕様書", 7000 + id, fileId, "仕様書.pdf", bytes.Length, false));

        using var kurashiki = await SignInAsync(App, Okayama, KurashikiOfficer);
        var sharedId = (await EventuallyAsync(async () =>
        {
            var list = await (await kurashiki.GetAsync(OkayamaShared)).ReadJsonAsync();
            var found = list.EnumerateArray().FirstOrDefault(s => s.GetProperty("leadWorkspaceId").GetInt64() == id);
            return found.ValueKind == System.Text.Json.JsonValueKind.Undefined ? null : found;
        }, "the invitation crosses the broker", seconds: 60)).GetProperty("id").GetInt64();
        (await kurashiki.PostAsync($"{OkayamaShared}/{sharedId}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await EventuallyAsync(async () =>
        {
            var member = await TottoriMemberAsync(lead, id, Kurashiki);
            return member.GetProperty("state").GetString() == "Active" ? member : null;
        }, "the answer crosses the broker", seconds: 60);

        var seen = await (await kurashiki.GetAsync($"{OkayamaShared}/{sharedId}")).ReadJsonAsync();
        seen.GetProperty("documents")[0].GetProperty("title").GetString().ShouldBe("仕様書");
        (await (await kurashiki.GetAsync($"{OkayamaShared}/{sharedId}/revisions/{7000 + id}/file")).Content.ReadAsByteArrayAsync()).ShouldBe(bytes);

        (await lead.PostAsJsonAsync($"{TottoriProcurements}/{id}/remote-members/{memberId}/remove", new { })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await kurashiki.GetAsync($"{OkayamaShared}/{sharedId}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }
}
