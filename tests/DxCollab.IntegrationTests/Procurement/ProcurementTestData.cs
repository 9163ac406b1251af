using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace DxCollab.IntegrationTests.Procurement;

/// <summary>Workspaces arranged through the product's API (POST procurements …). Every slice's tests use these.</summary>
public static class ProcurementTestData
{
    public const string Procurements = "/api/v1/osaka/procurements";
    public const string Toyonaka = "272035", Chihayaakasaka = "273830", OsakaPrefecture = "270008";
    public const string ToyonakaEmail = "toyonaka@osaka.example", ChihayaEmail = "chihayaakasaka@osaka.example", OsakaAdmin = "pref.admin@osaka.example";

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static object ChatWorkspace(string title = "ビジネスチャット共同調達") => new { subject = "ビジネスチャット", title, description = "庁内チャットを共同で調達する" };

    /// <summary>Opens a workspace as <paramref name="lead"/> (its organisation becomes the lead body); returns its id.</summary>
    public static async Task<long> CreateWorkspaceAsync(HttpClient lead, object? input = null) =>
        (await (await lead.PostAsJsonAsync(Procurements, input ?? ChatWorkspace())).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();
}
