using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.TalentPool.Pool;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.IntegrationTests.TalentPool;

/// <summary>Experts, requests and assignments arranged through the product's API (the matching slice's tests).</summary>
internal static class MatchingTestData
{
    public const string Staff = "pref.admin@osaka.example", ToyonakaOfficer = "toyonaka@osaka.example", ChihayaOfficer = "chihayaakasaka@osaka.example";
    public const string ToyonakaCode = "272035", ChihayaCode = "273830";
    public const string ExpertPassword = "Expert-Matching-2026!";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The tenant's skill area ids by name (the taxonomy is seeded on first use).</summary>
    public static Task<Dictionary<string, long>> SkillAreasAsync(this AppFixture app, string tenant) => app.InTenantAsync(tenant, async sp =>
        (await sp.GetRequiredService<PoolDirectory>().SkillAreasAsync()).ToDictionary(a => a.Name, a => a.Id));

    public static async Task<long> ExpertAsync(this HttpClient staff, Dictionary<string, long> areas, string name, int capacity = 40,
        (string Area, int Level)[]? skills = null, int? onSiteDaysCap = null, int? onlineHoursCap = null, string? email = null,
        object[]? availability = null)
    {
        using var response = await staff.PostAsJsonAsync("/api/v1/osaka/talent/experts", new
        {
            name, engagementForm = "Contractor", email, monthlyCapacityHours = capacity, onSiteDaysCap, onlineHoursCap,
            skills = (skills ?? []).Select(s => new { skillAreaId = areas[s.Area], level = s.Level }).ToArray(), availability,
        });
        (await response.Content.ReadAsStringAsync()).ShouldNotBeNull();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    public static async Task<long> RequestAsync(this HttpClient officer, string title, string? theme, DateOnly? from = null, DateOnly? to = null,
        string mode = "Either", string tenant = "osaka")
    {
        using var response = await officer.PostAsJsonAsync($"/api/v1/{tenant}/talent/requests", new
        {
            themeKey = theme, title, description = "相談の内容", intake = RequestTestData.ValidIntake(theme), preferredFrom = from, preferredTo = to, mode,
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    public static Task<HttpResponseMessage> AssignAsync(this HttpClient staff, long requestId, long expertId, string start, string end, int hours,
        string? mode = null, string tenant = "osaka") =>
        staff.PostAsJsonAsync($"/api/v1/{tenant}/talent/assignments", new { requestId, expertId, startMonth = start, endMonth = end, hoursPerMonth = hours, mode });

    public static async Task<long> AssignedAsync(this HttpClient staff, long requestId, long expertId, string start, string end, int hours, string? mode = null)
    {
        using var response = await staff.AssignAsync(requestId, expertId, start, end, hours, mode);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }
}
