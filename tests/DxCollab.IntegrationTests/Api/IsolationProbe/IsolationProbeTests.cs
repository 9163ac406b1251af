using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DxCollab.IntegrationTests.Api.AccessMatrix;
using DxCollab.IntegrationTests.Infrastructure;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace DxCollab.IntegrationTests.Api.IsolationProbe;

/// <summary>Issue #13's isolation probe: ≥ 10,000 seeded requests in which users of kyoto, the peer 団体 of osaka
/// (千早赤阪村) and an expert of osaka's pool with no assignment put 豊中市's (osaka's) ids, 団体コード, tenant slug and file ids into the paths, queries, bodies, forms,
/// message payloads and downloads of every operation of the OpenAPI document. No answer may carry one of the secret
/// markers planted in 豊中市's hidden fields (headers, bodies, and every entry of an xlsx or zip included), nothing may
/// be a 5xx, every 4xx is a Japanese ProblemDetails, a user of kyoto gets the same status for osaka's row as for no row,
/// and afterwards none of osaka's rows has changed (except the peer's and the expert's own). The seed is printed;
/// DXCOLLAB_PROBE_SEED replays a run, DXCOLLAB_PROBE_REQUESTS changes its size.</summary>
[Collection(SqliteCollection.Name)]
public sealed class IsolationProbeTests(SqliteAppFixture fixture, ITestOutputHelper output) : AppTest(fixture)
{
    private const int Parallelism = 4;

    private static readonly HashSet<string> Delivery = ["Platform_PendingEmails", "Platform_OutboxMessages", "Platform_ProcessedMessages"];

    /// <summary>Tables whose new rows may name another 団体 by design: a workspace invites and lists other bodies, a
    /// notification or e-mail goes to them, the audit log records what was done to whom.</summary>
    private static bool NamesOtherBodiesByDesign(string table) =>
        table.StartsWith("Procurement_", StringComparison.Ordinal) || Delivery.Contains(table) || table is "Platform_Notifications" or "Platform_AuditEntries";

    private string Database => ((SqliteAppFixture)App).ConnectionString;

    [Fact]
    public async Task Ten_thousand_requests_with_another_tenants_and_another_団体s_ids_never_leak_never_fail_and_change_nothing()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("DXCOLLAB_PROBE_SEED"), CultureInfo.InvariantCulture, out var given)
            ? given : Random.Shared.Next();
        var count = int.TryParse(Environment.GetEnvironmentVariable("DXCOLLAB_PROBE_REQUESTS"), CultureInfo.InvariantCulture, out var size) ? size : 10_000;
        output.WriteLine($"seed {seed} (replay: DXCOLLAB_PROBE_SEED={seed})");
        var clock = Stopwatch.StartNew();

        var document = await OpenApiOperations.FetchAsync(App);
        var victim = await VictimRows.ArrangeAsync(App, seed);
        await TheMarkersAreThereForTheVictimAsync(victim);
        var arranged = clock.Elapsed;
        var generator = new ProbeGenerator(document, victim, seed);
        var requests = await generator.GenerateAsync(count);
        var before = await TenantRows.ReadAsync(Database, VictimRows.VictimTenant);

        var failures = new ConcurrentQueue<string>();
        var statuses = new int[requests.Count];
        var ticks = new long[requests.Count];
        long scannedBytes = 0, zips = 0, readBacks = 0;
        using var client = App.CreateClient();
        var run = Stopwatch.StartNew();
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (probe, cancel) =>
        {
            using var request = new HttpRequestMessage(new HttpMethod(probe.Operation.Method), probe.Path) { Content = probe.Content() };
            if (victim.Tokens[probe.Attacker] is { } token) request.Headers.Authorization = new("Bearer", token);
            var started = Stopwatch.GetTimestamp();
            using var response = await client.SendAsync(request, cancel);
            ticks[probe.Index] = Stopwatch.GetTimestamp() - started;
            var status = (int)response.StatusCode;
            statuses[probe.Index] = status;
            var (text, body) = await ResponseText.ReadAsync(response);
            Interlocked.Add(ref scannedBytes, body.Length);
            if (body.Length > 4 && body[0] == (byte)'P' && body[1] == (byte)'K') Interlocked.Increment(ref zips);
            var where = $"#{probe.Index} {probe.Attacker} {probe.Operation.Method} {probe.Path} [{probe.Kinds}] → {status}";
            foreach (var (marker, what) in victim.Markers)
                if (text.Contains(marker, StringComparison.OrdinalIgnoreCase)) failures.Enqueue($"{where}: leaks the victim's {what} ({marker})");
            if (status >= 500) failures.Enqueue($"{where}: {Shorten(text)}");
            else if (status >= 400 && !IsJapaneseProblem(response, body)) failures.Enqueue($"{where}: a refusal without a Japanese ProblemDetails: {Shorten(text)}");
            // What the attacker made with the victim's ids in it (a request with the victim's file ids, say), read back.
            if (status == 201 && response.Headers.Location is { } location)
            {
                using var again = new HttpRequestMessage(HttpMethod.Get, location);
                again.Headers.Authorization = request.Headers.Authorization;
                using var readBack = await client.SendAsync(again, cancel);
                Interlocked.Increment(ref readBacks);
                var (made, _) = await ResponseText.ReadAsync(readBack);
                foreach (var (marker, what) in victim.Markers)
                    if (made.Contains(marker, StringComparison.OrdinalIgnoreCase)) failures.Enqueue($"{where}, read back at {location}: leaks the victim's {what} ({marker})");
                if ((int)readBack.StatusCode >= 500) failures.Enqueue($"{where}, read back at {location}: {(int)readBack.StatusCode}");
            }
        });
        var elapsed = run.Elapsed;

        // A user of kyoto learns nothing of osaka's rows, nor the peer of 豊中市's hidden ones: the status for the row is the
        // status for no row.
        int twins = 0;
        foreach (var probe in requests.Where(r => r.TwinOf is not null))
        {
            twins++;
            var original = requests[probe.TwinOf!.Value];
            if (statuses[original.Index] != statuses[probe.Index])
                failures.Enqueue($"#{original.Index} {original.Attacker} {original.Operation.Method} {original.Path} → {statuses[original.Index]}, but {probe.Path} (no row) → {statuses[probe.Index]}");
        }

        // Nothing of osaka changed, except the peer's and the expert's own rows (the peer's 団体コード or their user ids in
        // the row) and the delivery
        // machinery (e-mails marked sent, outbox and inbox of the bus), which changes whoever the messages are for.
        await Task.Delay(500);
        var after = await TenantRows.ReadAsync(Database, VictimRows.VictimTenant);
        var excluded = new[] { MatrixRows.Peer, await UserIdAsync("CHIHAYAAKASAKA@OSAKA.EXAMPLE"), await UserIdAsync(VictimRows.UnassignedExpert.ToUpperInvariant()) };
        // The tenant's figure version (ProgressVersion) counts every write in osaka, the peer's own included: bookkeeping.
        foreach (var (table, row) in TenantRows.Lost(before, after, excluded)
                     .Where(l => !Delivery.Contains(l.Table) && l.Table != "Migration_ProgressVersions").Take(20))
            failures.Enqueue($"{table}: a row of osaka changed or disappeared: {Shorten(row)}");
        // Nor did anyone add a row that is 豊中市's (a column whose value is its 団体コード): a step, a system, 証跡, a response …
        foreach (var (table, row) in TenantRows.New(before, after).Where(r => !NamesOtherBodiesByDesign(r.Table)
            && r.Row.Contains($"={MatrixRows.Own}\u001F", StringComparison.Ordinal)).Take(20))
            failures.Enqueue($"{table}: a new row of osaka is 豊中市's: {Shorten(row)}");

        Report(seed, requests, statuses, victim, arranged, elapsed, twins, scannedBytes, zips, before, after);
        output.WriteLine($"{readBacks} rows the attackers made (201 with a Location) read back by them and searched for markers");
        output.WriteLine("new rows of osaka naming kyoto (remote invitations are the only expected ones): " + string.Join(", ",
            TenantRows.New(before, after).Where(r => r.Row.Contains("kyoto", StringComparison.OrdinalIgnoreCase) || r.Row.Contains(VictimRows.Kasagi, StringComparison.Ordinal))
                .GroupBy(r => r.Table).Select(g => $"{g.Key} {g.Count()}")));
        output.WriteLine("2xx to kyoto's users by operation: " + string.Join(", ", requests.Where(r => statuses[r.Index] < 300 && !VictimRows.InVictimsTenant(r.Attacker))
            .GroupBy(r => r.Operation.Key).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}")));
        output.WriteLine("slowest operations (total s, calls): " + string.Join(", ", requests.GroupBy(r => r.Operation.Key)
            .Select(g => (g.Key, Seconds: g.Sum(r => ticks[r.Index]) / (double)Stopwatch.Frequency, Calls: g.Count()))
            .OrderByDescending(g => g.Seconds).Take(8).Select(g => $"{g.Key} {g.Seconds:F1} s/{g.Calls}")));
        var list = failures.ToList();
        foreach (var failure in list.Take(60)) output.WriteLine("FAIL " + failure);
        list.ShouldBeEmpty($"{list.Count} failures (seed {seed}); the first: {string.Join("\n", list.Take(10))}");
    }

    /// <summary>The oracle sees what it looks for: the victim and its prefecture read the markers (so an answer without
    /// them is no accident of the arrangement), also inside an export.</summary>
    private async Task TheMarkersAreThereForTheVictimAsync(VictimRows victim)
    {
        using var own = victim.Matrix.Client(App, Caller.OwnOfficer);
        using var admin = victim.Matrix.Client(App, Caller.PrefectureAdmin);
        var seen = new List<string>();
        foreach (var (client, path) in new[]
        {
            (own, $"/api/v1/osaka/migration/{MatrixRows.Own}"),
            (own, $"/api/v1/osaka/migration/inquiries/{victim.SecretInquiry}"),
            (own, $"/api/v1/osaka/talent/requests/{victim.SecretRequest}"),
            (admin, $"/api/v1/osaka/procurements/{victim.SecretWorkspace}"),
            (admin, $"/api/v1/osaka/procurements/{victim.SecretWorkspace}/decisions/export"),
        })
        {
            using var response = await client.GetAsync(path);
            var (text, _) = await ResponseText.ReadAsync(response);
            var found = victim.Markers.Keys.Where(m => text.Contains(m, StringComparison.OrdinalIgnoreCase)).ToList();
            found.ShouldNotBeEmpty($"{path} as the victim shows none of its markers: {(int)response.StatusCode} {Shorten(text)}");
            seen.AddRange(found);
        }
        output.WriteLine($"{victim.Markers.Count} markers planted; the victim reads {seen.Distinct().Count()} of them on 5 of its own pages");
    }

    private async Task<string> UserIdAsync(string normalizedEmail)
    {
        await using var connection = new SqliteConnection(Database);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Id\" FROM \"Identity_Users\" WHERE \"TenantId\" = 'osaka' AND \"NormalizedEmail\" = $email";
        command.Parameters.AddWithValue("$email", normalizedEmail);
        return Convert.ToString(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture).ShouldNotBeNull();
    }

    private void Report(int seed, List<ProbeRequest> requests, int[] statuses, VictimRows victim, TimeSpan arranged, TimeSpan elapsed, int twins,
        long scannedBytes, long zips, TenantRows before, TenantRows after)
    {
        var operations = requests.Select(r => r.Operation.Key).Distinct().Count();
        output.WriteLine($"{requests.Count} requests over {operations} operations in {elapsed.TotalSeconds:F1} s " +
            $"({requests.Count / elapsed.TotalSeconds:F0}/s, {Parallelism} in parallel; arranging {arranged.TotalSeconds:F1} s), seed {seed}");
        output.WriteLine($"{victim.Markers.Count} secret markers searched in {scannedBytes / 1024.0 / 1024.0:F1} MB of answers (headers, bodies, {zips} xlsx/zip unpacked)");
        output.WriteLine("by attacker: " + string.Join(", ", requests.GroupBy(r => r.Attacker).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}")));
        output.WriteLine("by substitution (a request may have several): " + string.Join(", ", Enum.GetValues<Substitution>().Where(k => k != Substitution.None)
            .Select(k => $"{k} {requests.Count(r => r.Kinds.HasFlag(k))}")));
        output.WriteLine("by status: " + string.Join(", ", statuses.GroupBy(s => s).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}")));
        output.WriteLine("2xx by attacker (answered, and searched for markers): " + string.Join(", ", requests.Where(r => statuses[r.Index] < 300)
            .GroupBy(r => r.Attacker).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}")));
        output.WriteLine($"{twins} existence twins (the victim's row id vs. no row: {requests.Count(r => r.TwinOf is not null && r.Attacker == Caller.PeerOfficer)} by the peer, the rest by kyoto; Expert is the unassigned expert.tanaka)");
        output.WriteLine($"osaka: {before.Count} rows before, {after.Count} after; added per table: " +
            string.Join(", ", TenantRows.Added(before, after).OrderBy(t => t.Key).Select(t => $"{t.Key} {t.Value:+#;-#}")));
    }

    private static bool IsJapaneseProblem(HttpResponseMessage response, byte[] body)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json" || body.Length == 0) return false;
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("title", out var title) && title.GetString()?.Any(c => c > 0x3000) == true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Shorten(string text) => text.Length > 400 ? text[..400] + "…" : text;
}
