using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.Platform.Reminders;
using DxCollab.Surveys.FollowUp;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.IntegrationTests.Surveys;

/// <summary>Surveys for the reminder tests, built the way people build them: staff create, write the form, pick the
/// roster and publish through the API; officers save, submit and ask for an extension through the API. Scans run the
/// real engine with a clock set in 2031 (the host's own scans, on today's date, never find these due), while the
/// API checks deadlines against today, so every 2031 survey is still open for answering.</summary>
internal static class ReminderTestSurveys
{
    private const string Api = "/api/v1/osaka/surveys";

    /// <summary>One required yes/no question: its key is q1.</summary>
    public static async Task<long> PublishAsync(HttpClient staff, string title, DateOnly deadline, params string[] codes)
    {
        var created = await OkAsync(await staff.PostAsJsonAsync(Api, new
        {
            title, purpose = "督促の確認のため", legalBasis = "地方自治法第245条の4", contact = "大阪府 DX推進課 06-0000-0000",
            deadline = deadline.ToString("yyyy-MM-dd"), isConfidential = false,
        }), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt64();
        await OkAsync(await staff.PutAsJsonAsync($"{Api}/{id}/form", new
        {
            sections = new[] { new { key = "", title = "生成AI", questions = new object[] { new { key = "", type = "YesNo", text = "生成AIを利用していますか", required = true } } } },
        }));
        await OkAsync(await staff.PutAsJsonAsync($"{Api}/{id}/roster", new { mode = "Picked", codes }));
        (await OkAsync(await staff.PostAsync($"{Api}/{id}/publish", null))).GetProperty("state").GetString().ShouldBe("Published");
        return id;
    }

    private static string ResponsePath(long id, string code, string rest = "") => $"{Api}/{id}/responses/{code}{rest}";

    private static async Task<int> VersionAsync(HttpClient client, long id, string code) =>
        (await OkAsync(await client.GetAsync(ResponsePath(id, code)))).GetProperty("version").GetInt32();

    public static async Task<JsonElement> SaveDraftAsync(HttpClient officer, long id, string code) =>
        await OkAsync(await officer.PutAsJsonAsync(ResponsePath(id, code),
            new { version = await VersionAsync(officer, id, code), answers = new Dictionary<string, object> { ["q1"] = new { value = "no" } } }));

    public static async Task SubmitAsync(HttpClient officer, long id, string code) =>
        (await OkAsync(await officer.PostAsJsonAsync(ResponsePath(id, code, "/submit"),
            new { version = await VersionAsync(officer, id, code), answers = new Dictionary<string, object> { ["q1"] = new { value = "yes" } } })))
        .GetProperty("state").GetString().ShouldBe("Submitted");

    public static async Task ReturnAsync(HttpClient staff, long id, string code, string comment) =>
        (await OkAsync(await staff.PostAsJsonAsync(ResponsePath(id, code, "/return"), new { comment })))
        .GetProperty("state").GetString().ShouldBe("Returned");

    /// <summary>The officer asks for a later deadline with a reason; the staff grant it.</summary>
    public static async Task ExtendAsync(HttpClient officer, HttpClient staff, long id, string code, DateOnly to)
    {
        var request = await OkAsync(await officer.PostAsJsonAsync(ResponsePath(id, code, "/extension"),
            new { requestedDeadline = to, reason = "議会対応のため" }), HttpStatusCode.Created);
        (await OkAsync(await staff.PostAsJsonAsync(ResponsePath(id, code, $"/extension/{request.GetProperty("id").GetInt64()}/decision"),
            new { decision = "grant" }))).GetProperty("decision").GetString().ShouldBe("Granted");
    }

    public record Reminder(string Title, string Body, string? Link, string? SourceKey);

    /// <summary>The reminders of one survey in the signed-in user's inbox, oldest first, read through the notifications API.</summary>
    public static async Task<List<Reminder>> RemindersAsync(HttpClient user, long id)
    {
        var inbox = await OkAsync(await user.GetAsync("/api/v1/osaka/notifications?pageSize=100"));
        return inbox.GetProperty("items").EnumerateArray()
            .Where(i => i.GetProperty("category").GetString() == "reminder" && i.GetProperty("link").GetString()?.Contains($"/surveys/{id}/") == true)
            .Select(i => new Reminder(i.GetProperty("title").GetString()!, i.GetProperty("body").GetString()!, i.GetProperty("link").GetString(),
                i.GetProperty("sourceKey").GetString()))
            .Reverse().ToList();
    }

    /// <summary>One scan of osaka by the real engine (its own DI scope and connection), with only the survey rules;
    /// <paramref name="seam"/> may wrap the rules and the delivery (to hold two workers at the same point).</summary>
    public static Task<ReminderScanResult> ScanAsync(this AppFixture app, DateTimeOffset utc,
        Func<IReadOnlyList<IReminderRule>, IReminderDelivery, (IReadOnlyList<IReminderRule> Rules, IReminderDelivery Delivery)>? seam = null) =>
        app.InTenantAsync("osaka", sp =>
        {
            IReadOnlyList<IReminderRule> rules = sp.GetServices<IReminderRule>().Where(r => r is DeadlineReminderRule or EscalationRule).ToList();
            var delivery = sp.GetRequiredService<IReminderDelivery>();
            if (seam is not null) (rules, delivery) = seam(rules, delivery);
            return ActivatorUtilities.CreateInstance<ReminderEngine>(sp, new FixedClock(utc), rules.AsEnumerable(), delivery).RunAsync();
        });

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
