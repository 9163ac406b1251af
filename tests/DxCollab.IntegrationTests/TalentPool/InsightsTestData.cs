using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DxCollab.IntegrationTests.Infrastructure;

namespace DxCollab.IntegrationTests.TalentPool;

/// <summary>Arranges 人材プール data through the product's API (experts, requests, assignments, 情報担当職員数).</summary>
internal static class InsightsTestData
{
    public const string Toyonaka = "272035", Chihayaakasaka = "273830", Ikeda = "272043", Toyono = "273210", Nose = "273228";

    // JsonAsync (the response as JSON, status checked) is RequestTestData's extension.

    public static async Task<long> ExpertAsync(HttpClient staff, string tenant, string name, int capacity, string? email = null)
    {
        var created = await (await staff.PostAsJsonAsync($"/api/v1/{tenant}/talent/experts",
            new { name, engagementForm = "Contractor", monthlyCapacityHours = capacity, email })).JsonAsync(HttpStatusCode.Created);
        return created.GetProperty("id").GetInt64();
    }

    public static async Task<long> RequestAsync(HttpClient officer, string tenant, string? themeKey, string title)
    {
        var created = await (await officer.PostAsJsonAsync($"/api/v1/{tenant}/talent/requests", new { themeKey, title, description = "相談の内容", intake = RequestTestData.ValidIntake(themeKey) })).JsonAsync(HttpStatusCode.Created);
        return created.GetProperty("id").GetInt64();
    }

    public static async Task<long> AssignAsync(HttpClient staff, string tenant, long requestId, long expertId, string month, int hours)
    {
        var created = await (await staff.PostAsJsonAsync($"/api/v1/{tenant}/talent/assignments",
            new { requestId, expertId, startMonth = month, endMonth = month, hoursPerMonth = hours, mode = "OnSite" })).JsonAsync(HttpStatusCode.Created);
        return created.GetProperty("id").GetInt64();
    }

    public static Task<HttpResponseMessage> PutItStaffAsync(HttpClient staff, string tenant, params (string Code, int? Staff)[] entries) =>
        staff.PutAsJsonAsync($"/api/v1/{tenant}/talent/it-staff", new { entries = entries.Select(e => new { organizationCode = e.Code, staff = e.Staff }) });
}
