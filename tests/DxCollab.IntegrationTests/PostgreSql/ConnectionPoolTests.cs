using System.Net;
using System.Net.Http.Json;
using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.Platform.Data;
using DxCollab.Platform.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace DxCollab.IntegrationTests.PostgreSql;

/// <summary>When every pooled connection is taken (a burst of slow requests), the next request is told to come back
/// (503, Retry-After, in Japanese), not shown a system error; once a connection is free it works again.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgreSql_ConnectionPool(PostgresAppFixture fixture) : AppTest(fixture)
{
    [Fact]
    public async Task A_request_that_finds_every_connection_taken_is_answered_503_with_Retry_After()
    {
        // A host of its own with a pool of one connection and a short wait for it (Npgsql's Timeout, seconds).
        var connection = fixture.AppConnectionString + ";Timeout=3";
        await using var host = fixture.Factory.WithWebHostBuilder(b => b
            .UseSetting("Database:ConnectionString", connection)
            .UseSetting("Database:MaxPoolSize", "1"));
        using var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var login = new { email = "pref.admin@osaka.example", password = DemoData.Password };

        // The app adds the pool size to its connection string; the same string shares its pool, so this takes its one connection.
        var held = new NpgsqlConnection(PostgresPoolSize.Apply(connection, 1));
        await held.OpenAsync();
        try
        {
            using var refused = await client.PostAsJsonAsync(AppFixture.LoginPath("osaka"), login);
            var problem = await refused.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
            refused.Headers.RetryAfter?.Delta.ShouldBe(TimeSpan.FromSeconds(5));
            problem.Detail().ShouldNotBeNull().ShouldContain("もう一度お試しください");
        }
        finally { await held.DisposeAsync(); }

        using var accepted = await client.PostAsJsonAsync(AppFixture.LoginPath("osaka"), login);
        accepted.StatusCode.ShouldBe(HttpStatusCode.OK, await accepted.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_page_a_browser_is_sent_to_says_busy_with_503_and_Retry_After()
    {
        using var client = App.CreateClient();
        using var page = await client.GetAsync("/error/503?id=test");
        page.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        page.Headers.RetryAfter?.Delta.ShouldBe(TimeSpan.FromSeconds(5));
        (await page.Content.ReadAsStringAsync()).ShouldContain("混み合っています");
    }
}
