using System.Net.Http.Headers;
using System.Text.Json;

namespace DxCollab.Bench.Procurement;

/// <summary>The documents API as a member's client uses it: one new document per upload (its 第1版), streamed from disk.</summary>
internal static class DocumentsApi
{
    /// <summary>Uploads <paramref name="path"/> as a new document of the workspace; returns the revision's download address.</summary>
    public static async Task<string> UploadAsync(HttpClient client, long workspace, string path)
    {
        await using var file = File.OpenRead(path);
        var content = new StreamContent(file, 81920);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        using var form = new MultipartFormDataContent
        {
            { content, "file", Path.GetFileName(path) },
            { new StringContent(Path.GetFileNameWithoutExtension(path)), "title" },
            { new StringContent("MembersOnly"), "confidentiality" },
        };
        using var response = await client.PostAsync($"/api/v1/osaka/procurements/{workspace}/documents", form);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"アップロードに失敗しました: {(int)response.StatusCode} {body}");
        var document = JsonDocument.Parse(body).RootElement;
        return $"/api/v1/osaka/procurements/{workspace}/documents/{document.GetProperty("id").GetInt64()}/revisions/1/file";
    }
}
