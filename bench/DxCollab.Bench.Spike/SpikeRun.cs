using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using DxCollab.Platform.Data;
using DxCollab.Surveys.Domain;
using DxCollab.Surveys.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.Bench.Spike;

/// <summary>The two phases of one run, on the same arrival schedule: every respondent starts at a random moment of the
/// window and makes three requests one after the other. Baseline: three GET /me (authentication, tenancy, one small
/// query). Spike: read the draft, save it (PUT with its version), submit — the routes agreed for answering (routes9).</summary>
public sealed partial class SpikeRun(HttpClient http, SpikeOptions options)
{
    public async Task<IReadOnlyCollection<Sample>> BaselineAsync(IReadOnlyList<Respondent> respondents) =>
        await ScheduledAsync(respondents, async (r, samples) =>
        {
            for (var i = 0; i < 3; i++) await SendAsync(HttpMethod.Get, $"/api/v1/{options.Tenant}/me", r, null, "baseline GET /me", samples);
        });

    /// <summary>What each respondent sent in a save the server acknowledged, and which submits it acknowledged.</summary>
    public sealed record Sent(ConcurrentDictionary<string, AnswerSet> Saved, ConcurrentDictionary<string, bool> Submitted);

    public async Task<(IReadOnlyCollection<Sample> Samples, Sent Sent)> SpikeAsync(long surveyId, SurveyForm form, IReadOnlyList<Respondent> respondents)
    {
        var sent = new Sent(new(), new());
        var random = new Random(options.Seed);
        var answers = respondents.ToDictionary(r => r.Code, r => SpikeSeed.AnswersFor(form, r, random));
        var samples = await ScheduledAsync(respondents, async (r, samples) =>
        {
            var url = $"/api/v1/{options.Tenant}/surveys/{surveyId}/responses/{Uri.EscapeDataString(r.Code)}";
            var (_, draft) = await SendAsync(HttpMethod.Get, url, r, null, "spike GET 回答", samples);
            var version = VersionOf(draft) ?? 0;
            var (saved, after) = await SendAsync(HttpMethod.Put, url, r, new { version, answers = answers[r.Code].Answers }, "spike PUT 下書き保存", samples);
            if (IsSuccess(saved)) sent.Saved[r.Code] = answers[r.Code];
            version = VersionOf(after) ?? version + 1;
            var (submitted, _) = await SendAsync(HttpMethod.Post, url + "/submit", r, new { version }, "spike POST 提出", samples);
            if (IsSuccess(submitted)) sent.Submitted[r.Code] = true;
        });
        return (samples, sent);
    }

    /// <summary>Answers the server acknowledged but the database does not hold, and acknowledged submits not recorded.</summary>
    public static async Task<(int LostAnswers, int LostSubmits)> CountLostAsync(SpikeHost host, SpikeOptions options, long surveyId, Sent sent) =>
        await host.InTenantAsync(options.Tenant, async sp =>
        {
            var rows = await sp.GetRequiredService<DxCollabDbContext>().Set<SurveyResponse>().AsNoTracking()
                .Where(r => r.SurveyId == surveyId).ToDictionaryAsync(r => r.RespondentCode);
            var lostAnswers = 0;
            foreach (var (code, expected) in sent.Saved)
            {
                var stored = rows.TryGetValue(code, out var row) ? AnswerSet.FromJson(row.AnswersJson) : new AnswerSet();
                lostAnswers += expected.Answers.Count(a => !Same(a.Value, stored[a.Key]));
            }
            var lostSubmits = sent.Submitted.Keys.Count(code => !rows.TryGetValue(code, out var row) || row.State != ResponseState.Submitted);
            return (lostAnswers, lostSubmits);
        });

    /// <summary>Which of the answering routes (PUT …/responses/{code}, POST …/submit) the app does not map, from its own
    /// OpenAPI document; empty when both are there.</summary>
    public async Task<IReadOnlyList<string>> MissingAnsweringRoutesAsync()
    {
        using var document = JsonDocument.Parse(await http.GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().ToList();
        bool Has(Regex pattern, string method) => paths.Any(p => pattern.IsMatch(p.Name) && p.Value.TryGetProperty(method, out _));
        var missing = new List<string>();
        if (!Has(DraftPath(), "put")) missing.Add("PUT /api/v1/{tenant}/surveys/{id}/responses/{code}（下書き保存）");
        if (!Has(SubmitPath(), "post")) missing.Add("POST /api/v1/{tenant}/surveys/{id}/responses/{code}/submit（提出）");
        return missing;
    }

    [GeneratedRegex(@"^/api/v1/\{[^}]+\}/surveys/\{[^}]+\}/responses/\{[^}]+\}$")]
    private static partial Regex DraftPath();

    [GeneratedRegex(@"^/api/v1/\{[^}]+\}/surveys/\{[^}]+\}/responses/\{[^}]+\}/submit$")]
    private static partial Regex SubmitPath();

    private async Task<IReadOnlyCollection<Sample>> ScheduledAsync(IReadOnlyList<Respondent> respondents, Func<Respondent, ConcurrentBag<Sample>, Task> journey)
    {
        var random = new Random(options.Seed);
        var starts = respondents.Select(_ => TimeSpan.FromMilliseconds(random.NextDouble() * options.Window.TotalMilliseconds)).ToList();
        var samples = new ConcurrentBag<Sample>();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(respondents.Select(async (r, i) =>
        {
            var wait = starts[i] - clock.Elapsed;
            if (wait > TimeSpan.Zero) await Task.Delay(wait);
            await journey(r, samples);
        }));
        return samples;
    }

    private async Task<(int Status, JsonElement? Body)> SendAsync(HttpMethod method, string url, Respondent r, object? body, string step,
        ConcurrentBag<Sample> samples)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", r.Token);
        if (body is not null) request.Content = JsonContent.Create(body, options: FormJson.Options);
        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            clock.Stop();
            samples.Add(new Sample(step, (int)response.StatusCode, clock.Elapsed));
            JsonElement? json = null;
            if (text.Length > 0 && text[0] == '{')
                try { json = JsonDocument.Parse(text).RootElement.Clone(); } catch (JsonException) { }
            return ((int)response.StatusCode, json);
        }
        catch (HttpRequestException)
        {
            samples.Add(new Sample(step, 0, clock.Elapsed));
            return (0, null);
        }
        catch (TaskCanceledException)
        {
            samples.Add(new Sample(step, 0, clock.Elapsed));
            return (0, null);
        }
    }

    private static bool IsSuccess(int status) => status is >= 200 and < 300;

    private static int? VersionOf(JsonElement? body) =>
        body is { ValueKind: JsonValueKind.Object } json && json.TryGetProperty("version", out var v) && v.TryGetInt32(out var n) ? n : null;

    private static bool Same(Answer expected, Answer? stored) =>
        stored is not null && expected.Value == stored.Value && expected.Other == stored.Other
        && (expected.Choices ?? []).SequenceEqual(stored.Choices ?? []);
}
