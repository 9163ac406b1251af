using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.Platform.Data;
using DxCollab.Platform.Hosting;
using DxCollab.Platform.Identity;
using DxCollab.Procurement.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DxCollab.IntegrationTests.Procurement.ProcurementTestData;

namespace DxCollab.IntegrationTests.Procurement;

/// <summary>A workspace with one organisation per seat, and documents uploaded through the product's API.</summary>
public static class DocumentTestData
{
    public const string Suita = "272051", SuitaEmail = "suita.docs@osaka.example";

    /// <summary>The clients of one workspace: 豊中市 leads, 千早赤阪村 is a member, 吹田市 an observer, the prefecture's
    /// staff read without a seat, and 笠置町 (kyoto) is nobody here.</summary>
    public sealed record Seats(long WorkspaceId, HttpClient Lead, HttpClient Member, HttpClient Observer, HttpClient Staff, HttpClient Kyoto) : IDisposable
    {
        public string Documents => $"{Procurements}/{WorkspaceId}/documents";
        public string Decisions => $"{Procurements}/{WorkspaceId}/decisions";

        public void Dispose()
        {
            foreach (var client in new[] { Lead, Member, Observer, Staff, Kyoto }) client.Dispose();
        }
    }

    public static async Task<Seats> ArrangeSeatsAsync(this AppFixture app, string title = "ビジネスチャット共同調達")
    {
        var lead = await app.SignInAsync("osaka", ToyonakaEmail);
        var id = await CreateWorkspaceAsync(lead, ChatWorkspace(title));
        await app.ArrangeActiveMemberAsync(id, Chihayaakasaka, MemberRole.Member);
        await app.ArrangeActiveMemberAsync(id, Suita, MemberRole.Observer);
        return new Seats(id, lead, await app.SignInAsync("osaka", ChihayaEmail), await app.SuitaAsync(), await app.SignInAsync("osaka", OsakaAdmin),
            await app.SignInAsync("kyoto", "kasagi@kyoto.example"));
    }

    /// <summary>Test-only, until the Workspaces slice's invite/accept API is merged (the lead switches this to the API):
    /// writes an active member row in the app's own service scope;
    /// <paramref name="remote"/> (tenant, name) makes it another prefecture's organisation.</summary>
    public static Task ArrangeActiveMemberAsync(this AppFixture app, long workspaceId, string code, MemberRole role, (string Tenant, string Name)? remote = null) =>
        app.InTenantAsync("osaka", async sp =>
        {
            var db = sp.GetRequiredService<DxCollabDbContext>();
            var name = remote?.Name ?? (await sp.GetRequiredService<Platform.Organizations.OrganizationDirectory>().FindAsync(code))!.Name;
            db.Add(new WorkspaceMember
            {
                WorkspaceId = workspaceId, OrganizationCode = code, OrganizationName = name, OrganizationTenant = remote?.Tenant, Role = role, State = MemberState.Active,
                InvitedAt = DateTime.UtcNow, InvitedBy = "test", JoinedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        });

    /// <summary>Test-only, until the Workspaces slice's phase API is merged: moves the workspace to a phase.</summary>
    public static Task ArrangePhaseAsync(this AppFixture app, long workspaceId, ProcurementPhase phase) =>
        app.InTenantAsync("osaka", sp => sp.GetRequiredService<DxCollabDbContext>().Set<Workspace>().Where(w => w.Id == workspaceId)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.Phase, phase)));

    /// <summary>An officer of 吹田市 (created once per test class: the reset removes users).</summary>
    public static async Task<HttpClient> SuitaAsync(this AppFixture app)
    {
        using (var probe = app.CreateClient())
        using (var login = await probe.PostAsJsonAsync(AppFixture.LoginPath("osaka"), new { email = SuitaEmail, password = DemoData.Password }))
            if (login.StatusCode != HttpStatusCode.OK) await app.CreateUserAsync("osaka", SuitaEmail, DemoData.Password, Suita, Roles.MunicipalOfficer);
        return await app.SignInAsync("osaka", SuitaEmail);
    }

    /// <summary>A small PDF that passes the type check; <paramref name="text"/> makes its bytes (and SHA-256) differ.</summary>
    public static byte[] Pdf(string text = "仕様書") => Encoding.UTF8.GetBytes($"%PDF-1.4\n% {text}\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");

    private static MultipartFormDataContent Form(byte[] content, string fileName, params (string Name, string? Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
            if (value is not null) form.Add(new StringContent(value), name);
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return form;
    }

    public static Task<HttpResponseMessage> PostDocumentAsync(this HttpClient client, long workspaceId, string title, string confidentiality,
        byte[]? content = null, string fileName = "仕様書.pdf", long? folderId = null) =>
        client.PostAsync($"{Procurements}/{workspaceId}/documents", Form(content ?? Pdf(title), fileName, ("title", title),
            ("confidentiality", confidentiality), ("folderId", folderId?.ToString()), ("changeNote", "初版")));

    /// <summary>Uploads a document with its 第1版; returns its id.</summary>
    public static async Task<long> UploadDocumentAsync(this HttpClient client, long workspaceId, string title, string confidentiality = "MembersOnly",
        byte[]? content = null) =>
        (await (await client.PostDocumentAsync(workspaceId, title, confidentiality, content)).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();

    public static Task<HttpResponseMessage> PostRevisionAsync(this HttpClient client, long workspaceId, long documentId, string? changeNote,
        byte[]? content = null, string fileName = "仕様書.pdf") =>
        client.PostAsync($"{Procurements}/{workspaceId}/documents/{documentId}/revisions", Form(content ?? Pdf(changeNote ?? "版"), fileName, ("changeNote", changeNote)));

    /// <summary>Uploads a new revision; returns its number.</summary>
    public static async Task<int> UploadRevisionAsync(this HttpClient client, long workspaceId, long documentId, string changeNote, byte[]? content = null) =>
        (await (await client.PostRevisionAsync(workspaceId, documentId, changeNote, content)).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("number").GetInt32();

    public static string Revision(long workspaceId, long documentId, int number) => $"{Procurements}/{workspaceId}/documents/{documentId}/revisions/{number}";

    public static async Task<JsonElement> DocumentAsync(this HttpClient client, long workspaceId, long documentId) =>
        await (await client.GetAsync($"{Procurements}/{workspaceId}/documents/{documentId}")).ReadJsonAsync();

    public static async Task<List<string>> ListedTitlesAsync(this HttpClient client, long workspaceId) =>
        [.. (await (await client.GetAsync($"{Procurements}/{workspaceId}/documents")).ReadJsonAsync()).GetProperty("documents").EnumerateArray()
            .Select(d => d.GetProperty("title").GetString()!)];
}
