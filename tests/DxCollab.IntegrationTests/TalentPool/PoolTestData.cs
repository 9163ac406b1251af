using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace DxCollab.IntegrationTests.TalentPool;

/// <summary>Arranging the pool through the product's API: experts, skill areas, a request and an assignment.</summary>
internal static class PoolTestData
{
    public const string Experts = "/api/v1/osaka/talent/experts", Skills = "/api/v1/osaka/talent/skills";
    public const string Admin = "pref.admin@osaka.example", Toyonaka = "toyonaka@osaka.example", Chihaya = "chihayaakasaka@osaka.example";

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, body);
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>The profile with no caps per assignment (a test of capacity alone books more than a use's caps).</summary>
    public static Dictionary<string, object?> WithoutCaps(this Dictionary<string, object?> profile)
    {
        profile["onSiteDaysCap"] = null;
        profile["onlineHoursCap"] = null;
        return profile;
    }

    public static Dictionary<string, object?> Profile(string name, int capacity = 40, string? email = null, params object[] skills) => new()
    {
        ["name"] = name, ["engagementForm"] = "Contractor", ["affiliation"] = "株式会社デジタル支援", ["email"] = email,
        ["monthlyCapacityHours"] = capacity, ["onSiteDaysCap"] = 3, ["onlineHoursCap"] = 10, ["fundingTag"] = "SpecialAllocationTax",
        ["skills"] = skills, ["availability"] = Array.Empty<object>(), ["note"] = null,
    };

    public static async Task<long> CreateExpertAsync(HttpClient admin, Dictionary<string, object?> profile) =>
        (await JsonAsync(await admin.PostAsJsonAsync(Experts, profile), HttpStatusCode.Created)).GetProperty("id").GetInt64();

    public static async Task<long> SkillIdAsync(HttpClient client, string name) =>
        (await client.GetFromJsonAsync<JsonElement[]>($"{Skills}?includeRetired=true"))!.Single(a => a.GetProperty("name").GetString() == name)
            .GetProperty("id").GetInt64();

    /// <summary>A request of 豊中市 (made by its officer), to assign experts to.</summary>
    public static async Task<long> RequestAsync(HttpClient officer) =>
        (await JsonAsync(await officer.PostAsJsonAsync("/api/v1/osaka/talent/requests", new { title = "標準化の移行計画を見てほしい", description = "移行計画の進め方を相談したい" }), HttpStatusCode.Created))
            .GetProperty("id").GetInt64();

    public static Task<HttpResponseMessage> AssignAsync(HttpClient admin, long requestId, long expertId, string start, string end, int hours) =>
        admin.PostAsJsonAsync("/api/v1/osaka/talent/assignments", new { requestId, expertId, startMonth = start, endMonth = end, hoursPerMonth = hours, mode = "Online" });
}
