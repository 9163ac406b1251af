using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using DxCollab.IntegrationTests.Backbone;
using DxCollab.IntegrationTests.Infrastructure;
using static DxCollab.IntegrationTests.Infrastructure.Eventually;
using DxCollab.MultiTenancy;
using DxCollab.Platform.Data;
using DxCollab.Platform.Messaging;
using DxCollab.Platform.Tenancy;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit.Abstractions;

namespace DxCollab.IntegrationTests.Faults;

/// <summary>PostgreSQL crashes (<c>pg_ctl stop -m immediate</c>) and comes back while the worker relays and consumes
/// events that keep being written: what was committed goes out once, what a consumer had in hand when the database went
/// away is applied once when it returns, the web answers 503 (not 500) meanwhile and is ready again by itself.</summary>
[Collection(FaultsCollection.Name)]
public sealed class PostgresOutageTests(FaultsFixture app, ITestOutputHelper output)
{
    private const string Toyonaka = "toyonaka@osaka.example";
    private const string SystemPath = "/api/v1/osaka/migration/272035/住民記録/system";
    private const string ProbeCode = "999999", PlainProbeCode = "777777";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [RootFact]
    public async Task A_database_crash_while_events_are_written_relayed_and_consumed_loses_none_and_applies_none_twice()
    {
        var clock = Stopwatch.StartNew();
        var prefix = "pg-crash-" + Guid.NewGuid().ToString("N")[..12];
        using var toyonaka = app.CreateClient();
        toyonaka.DefaultRequestHeaders.Authorization = new("Bearer", await AppFixture.GetTokenAsync(toyonaka, "osaka", Toyonaka));
        var osaka = await app.Worker.Services.GetRequiredService<IMultiTenantStore<PrefectureTenant>>().GetAsync("osaka");
        (await ReadyAsync(toyonaka)).ShouldBe(HttpStatusCode.OK);

        // A writer that keeps saving one event at a time, before, during and after the outage.
        using var stopWriting = new CancellationTokenSource();
        var writer = Task.Run(() => WriteUntilAsync(osaka!, prefix, stopWriting.Token));
        await WaitForAsync(async () => (await AppliedAsync(ProbeCode, prefix)).Count, n => n >= 5);

        await app.Server.StopAsync("immediate");
        var outage = Stopwatch.StartNew();
        var inFlight = Enumerable.Range(1, 5).Select(i => $"{prefix}-inflight-{i}").ToList();
        var plainInFlight = Enumerable.Range(1, 3).Select(i => $"{prefix}-plain-{i}").ToList();
        try
        {
            // Relayed but not yet consumed when the database went: the consumers (one with an inbox, one plain) cannot
            // commit them now.
            using (app.Worker.Services.GetRequiredService<TenantScope<PrefectureTenant>>().Begin(osaka))
            {
                var bus = app.Worker.Services.GetRequiredService<IBus>();
                foreach (var note in inFlight) await bus.Publish(new ProbeEvent(note));
                foreach (var note in plainInFlight) await bus.Publish(new PlainProbe(note));
            }

            (await ReadyAsync(toyonaka)).ShouldBe(HttpStatusCode.ServiceUnavailable);
            using var refused = await toyonaka.PutAsJsonAsync(SystemPath, new { vendorName = "障害中の保存" });
            var problem = await refused.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
            refused.Headers.RetryAfter.ShouldNotBeNull();
            problem.Detail().ShouldNotBeNull().ShouldContain("保存されていません");
            var rest = TimeSpan.FromSeconds(6) - outage.Elapsed; // longer than the ordinary retries (0.7 s here)
            if (rest > TimeSpan.Zero) await Task.Delay(rest);
        }
        finally
        {
            await app.Server.StartAsync();
        }
        var down = outage.Elapsed;

        // Ready again by itself: nothing restarted the web host.
        var recovery = Stopwatch.StartNew();
        (await WaitForAsync(() => ReadyAsync(toyonaka), s => s == HttpStatusCode.OK, TimeSpan.FromSeconds(30))).ShouldBe(HttpStatusCode.OK);
        var readyAfter = recovery.Elapsed;
        using (var saved = await toyonaka.PutAsJsonAsync(SystemPath, new { vendorName = "復旧後の保存" }))
            saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());

        await Task.Delay(1000); // a few more writes on the recovered database
        await stopWriting.CancelAsync();
        var (committed, failed) = await writer;

        // Expected: every event whose transaction committed (its outbox row exists; a write that failed on the crash may
        // or may not have committed) and every in-flight message, each applied exactly once.
        var expected = (await OutboxNotesAsync(prefix)).Concat(inFlight).ToHashSet();
        committed.ShouldAllBe(note => expected.Contains(note));
        var applied = await WaitForAsync(() => AppliedAsync(ProbeCode, prefix), a => a.Count >= expected.Count, Patience);
        var plainApplied = await WaitForAsync(() => AppliedAsync(PlainProbeCode, prefix), a => a.Count >= plainInFlight.Count, Patience);
        var duplicates = applied.Where(a => a.Value > 1).Select(a => a.Key).ToList();
        var lost = expected.Where(n => !applied.ContainsKey(n)).ToList();
        output.WriteLine($"PostgreSQL down {down.TotalSeconds:F1} s, web ready {readyAfter.TotalSeconds:F1} s after restart; " +
                         $"{committed.Count} events committed, {failed} writes refused, {inFlight.Count} + {plainInFlight.Count} (plain) in flight; " +
                         $"{lost.Count} lost, {duplicates.Count} applied twice, {plainApplied.Count} plain applied; {clock.Elapsed.TotalSeconds:F0} s");
        lost.ShouldBeEmpty("committed or in-flight events never applied");
        duplicates.ShouldBeEmpty("events applied more than once");
        applied.Keys.ShouldBe(expected, ignoreOrder: true);
        // A plain consumer (no inbox) waited for the database like the others, and ran once: its messages were published
        // while the database was away, so no attempt could commit before the last.
        plainApplied.Keys.ShouldBe(plainInFlight, ignoreOrder: true);
        plainApplied.Values.ShouldAllBe(n => n == 1);
        (await CountAsync("SELECT count(*) FROM \"Platform_OutboxMessages\" WHERE \"SentAt\" IS NULL")).ShouldBe(0);
        (await CountAsync($"SELECT count(*) FROM \"Platform_FailedMessages\" WHERE \"Body\" LIKE '%{prefix}%'")).ShouldBe(0);
        var facts = await toyonaka.GetFromJsonAsync<System.Text.Json.JsonElement[]>("/api/v1/osaka/migration/272035/systems");
        facts!.Single(f => f.GetProperty("business").GetInt32() == 3).GetProperty("vendorName").GetString().ShouldBe("復旧後の保存");
    }

    /// <summary>Saves one event per transaction until cancelled; returns the notes whose commit returned, and how many
    /// writes the database refused.</summary>
    private async Task<(List<string> Committed, int Failed)> WriteUntilAsync(PrefectureTenant osaka, string prefix, CancellationToken stop)
    {
        var committed = new List<string>();
        var failed = 0;
        for (var i = 1; !stop.IsCancellationRequested; i++)
        {
            var note = $"{prefix}-{i:D4}";
            try
            {
                using var _ = app.Worker.Services.GetRequiredService<TenantScope<PrefectureTenant>>().Begin(osaka);
                await using var scope = app.Worker.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<DxCollabDbContext>();
                db.AddIntegrationEvent(new ProbeEvent(note), aggregateKey: "probe");
                await db.SaveChangesAsync(CancellationToken.None);
                committed.Add(note);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failed++;
            }
            try { await Task.Delay(50, stop); } catch (OperationCanceledException) { }
        }
        return (committed, failed);
    }

    private static async Task<HttpStatusCode> ReadyAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/health/ready");
        return response.StatusCode;
    }

    /// <summary>What a probe consumer committed (the idempotent one's row goes with its inbox row), per note, as the superuser.</summary>
    private async Task<Dictionary<string, int>> AppliedAsync(string code, string prefix)
    {
        var applied = new Dictionary<string, int>();
        try
        {
            await using var connection = new NpgsqlConnection(app.AdminConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                "SELECT \"After\", count(*) FROM \"Platform_OrganizationChanges\" WHERE \"OrganizationCode\" = @code AND \"After\" LIKE @prefix GROUP BY \"After\"", connection);
            command.Parameters.AddWithValue("code", code);
            command.Parameters.AddWithValue("prefix", prefix + "%");
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) applied[reader.GetString(0)] = Convert.ToInt32(reader.GetInt64(1));
        }
        catch (NpgsqlException) { /* still down: nothing counted yet */ }
        return applied;
    }

    private async Task<List<string>> OutboxNotesAsync(string prefix)
    {
        await using var connection = new NpgsqlConnection(app.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT \"Body\" FROM \"Platform_OutboxMessages\" WHERE \"Body\" LIKE @prefix", connection);
        command.Parameters.AddWithValue("prefix", $"%{prefix}%");
        var notes = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            notes.Add(System.Text.Json.JsonDocument.Parse(reader.GetString(0)).RootElement.GetProperty("note").GetString()!);
        return notes;
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(app.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}
