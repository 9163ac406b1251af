using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.Platform.Hosting;
using DxCollab.Platform.Identity;

namespace DxCollab.IntegrationTests.TalentPool;

/// <summary>Requests arranged through the product's API (POST talent/requests, talent/experts, talent/assignments).</summary>
public static class RequestTestData
{
    public const string Requests = "/api/v1/osaka/talent/requests";
    public const string Toyonaka = "272035", Chihayaakasaka = "273830";
    public static readonly byte[] Pdf = [.. "%PDF-1.7\n"u8.ToArray(), .. Enumerable.Range(0, 600).Select(i => (byte)(i % 251))];

    public static DateOnly Today => DxCollab.Platform.Text.JapaneseCalendar.TodayInTokyo(DateTimeOffset.UtcNow);

    public static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A complete answer to the card 「標準化の移行計画を見てほしい」.</summary>
    /// <summary>Answers every question of a theme (the first option, or a plain text): other slices' tests make requests
    /// that pass the intake rules without caring what was answered.</summary>
    public static Dictionary<string, string> ValidIntake(string? themeKey) =>
        DxCollab.TalentPool.Requests.ThemeCatalog.Find(themeKey)?.Questions
            .ToDictionary(q => q.Key, q => q.Options is { Count: > 0 } options ? options[0] : "テストの回答") ?? [];

    public static object MigrationPlan(string title = "住民記録の移行計画", long[]? fileIds = null) => new
    {
        themeKey = "migration-plan", title,
        intake = new Dictionary<string, string>
        {
            ["stage"] = "計画をつくっている", ["systems"] = "住民記録と固定資産税", ["schedule"] = "一部だけ示されている", ["special"] = "ある",
        },
        urgency = "High", preferredFrom = Day(Today.AddDays(14)), preferredTo = Day(Today.AddDays(90)), mode = "Online", fileIds = fileIds ?? [],
    };

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<JsonElement> CreateRequestAsync(HttpClient officer, object? input = null) =>
        await (await officer.PostAsJsonAsync(Requests, input ?? MigrationPlan())).JsonAsync(HttpStatusCode.Created);

    public static async Task<long> UploadAsync(HttpClient officer, string fileName = "計画書.pdf")
    {
        var file = new ByteArrayContent(Pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        using var form = new MultipartFormDataContent { { file, "file", fileName } };
        return (await (await officer.PostAsync($"{Requests}/files", form)).JsonAsync()).GetProperty("id").GetInt64();
    }

    /// <summary>An Expert account and its profile in osaka's pool (linked by the e-mail).</summary>
    public static async Task<long> CreateExpertAsync(AppFixture app, HttpClient staff, string email, string name)
    {
        await app.CreateUserAsync("osaka", email, DemoData.Password, null, Roles.Expert);
        var created = await (await staff.PostAsJsonAsync("/api/v1/osaka/talent/experts", new
        {
            name, engagementForm = "Contractor", email, monthlyCapacityHours = 40, fundingTag = "OwnFunds",
        })).JsonAsync(HttpStatusCode.Created);
        return created.GetProperty("id").GetInt64();
    }

    public static async Task AssignAsync(HttpClient staff, long requestId, long expertId)
    {
        var month = Today.AddMonths(1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        await (await staff.PostAsJsonAsync("/api/v1/osaka/talent/assignments", new
        {
            requestId, expertId, startMonth = month, endMonth = month, hoursPerMonth = 8, mode = "Online",
        })).JsonAsync(HttpStatusCode.Created);
    }
}
