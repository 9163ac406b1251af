using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static DxCollab.IntegrationTests.Procurement.ProcurementTestData;

namespace DxCollab.IntegrationTests.Procurement;

/// <summary>Members arranged through the product's invitation API (the lead invites, the 団体's officer accepts).</summary>
public static class WorkspaceTestData
{
    /// <summary>The lead invites <paramref name="organizationCode"/>; returns the member row's id.</summary>
    public static async Task<long> InviteAsync(HttpClient lead, long workspaceId, string organizationCode, string role = "Member") =>
        (await (await lead.PostAsJsonAsync($"{Procurements}/{workspaceId}/members", new { organizationCode, role }))
            .ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();

    public static async Task<JsonElement> AcceptAsync(HttpClient officer, long workspaceId, long memberId) =>
        await (await officer.PostAsync($"{Procurements}/{workspaceId}/members/{memberId}/accept", null)).ReadJsonAsync();

    /// <summary>Invites and accepts: <paramref name="officer"/>'s 団体 (<paramref name="organizationCode"/>) becomes an active member.</summary>
    public static async Task<long> AddActiveMemberAsync(HttpClient lead, HttpClient officer, long workspaceId, string organizationCode,
        string role = "Member")
    {
        var memberId = await InviteAsync(lead, workspaceId, organizationCode, role);
        await AcceptAsync(officer, workspaceId, memberId);
        return memberId;
    }

    public static async Task<JsonElement> MemberAsync(HttpClient reader, long workspaceId, string organizationCode) =>
        (await (await reader.GetAsync($"{Procurements}/{workspaceId}")).ReadJsonAsync()).GetProperty("members").EnumerateArray()
            .Single(m => m.GetProperty("organizationCode").GetString() == organizationCode);

    public static async Task<List<string>> NoticeTitlesAsync(HttpClient client) =>
        [.. (await (await client.GetAsync("/api/v1/osaka/notifications")).ReadJsonAsync()).GetProperty("items").EnumerateArray()
            .Select(n => n.GetProperty("title").GetString()!)];
}
