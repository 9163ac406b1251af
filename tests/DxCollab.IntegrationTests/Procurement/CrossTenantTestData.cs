using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.MultiTenancy;
using DxCollab.Platform.Data;
using DxCollab.Platform.Files;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Results;
using DxCollab.Platform.Tenancy;
using DxCollab.Procurement.CrossTenant;
using DxCollab.Procurement.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DxCollab.IntegrationTests.Procurement;

/// <summary>Two prefectures for the cross-tenant tests: tottori leads (鳥取市), okayama is invited (倉敷市, 津山市), with users
/// made as an administrator would, and workspaces opened and invitations sent through the product's API.</summary>
public static class CrossTenantTestData
{
    public const string Tottori = "tottori", Okayama = "okayama";
    public const string TottoriCity = "312011", Kurashiki = "332020", Tsuyama = "332038", OkayamaPrefecture = "330001";
    public const string TottoriLead = "lead@tottori.example", TottoriStaff = "staff@tottori.example";
    public const string KurashikiOfficer = "kurashiki@okayama.example", TsuyamaOfficer = "tsuyama@okayama.example", OkayamaStaff = "staff@okayama.example";
    public const string Password = "Cross-Tenant-2026!";

    public static string TottoriProcurements => $"/api/v1/{Tottori}/procurements";
    public static string OkayamaShared => $"/api/v1/{Okayama}/procurements/shared";

    /// <summary>The users the tests sign in as, made once per test class (the reset between classes removes them).</summary>
    public static async Task ArrangeUsersAsync(AppFixture app)
    {
        (string Tenant, string Email, string Code, string Role)[] users =
        [
            (Tottori, TottoriLead, TottoriCity, Roles.MunicipalOfficer), (Tottori, TottoriStaff, "310000", Roles.PrefectureStaff),
            (Okayama, KurashikiOfficer, Kurashiki, Roles.MunicipalOfficer), (Okayama, TsuyamaOfficer, Tsuyama, Roles.MunicipalOfficer),
            (Okayama, OkayamaStaff, OkayamaPrefecture, Roles.PrefectureStaff),
        ];
        await Gate.WaitAsync();
        try
        {
            foreach (var (tenant, email, code, role) in users)
            {
                var found = await TenantAsync(app, tenant);
                using (Begin(app, found))
                {
                    await using var scope = app.Factory.Services.CreateAsyncScope();
                    if (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email) is not null) continue;
                }
                await app.CreateUserAsync(tenant, email, Password, code, role);
            }
        }
        finally { Gate.Release(); }
    }

    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static Task<HttpClient> SignInAsync(AppFixture app, string tenant, string email) => app.SignInAsync(tenant, email, Password);

    /// <summary>tottori's lead opens a workspace and invites 倉敷市 through the API; returns the workspace and member ids.</summary>
    public static async Task<(long WorkspaceId, long MemberId)> InviteKurashikiAsync(HttpClient lead, string title = "標準準拠システム 住民記録 共同調達（鳥取・岡山）",
        string role = "Member")
    {
        var id = (await (await lead.PostAsJsonAsync(TottoriProcurements, new { subject = "標準準拠システム 住民記録", title }))
            .ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var member = await (await lead.PostAsJsonAsync($"{TottoriProcurements}/{id}/remote-members", new { organizationCode = Kurashiki, role }))
            .ReadJsonAsync(HttpStatusCode.Created);
        return (id, member.GetProperty("id").GetInt64());
    }

    /// <summary>Waits until okayama holds its record of the invitation (the bus delivers it) and returns it as listed.</summary>
    public static Task<JsonElement> ReceivedAsync(HttpClient okayama, long workspaceId, string state = "Invited") => EventuallyAsync(async () =>
    {
        var list = await (await okayama.GetAsync(OkayamaShared)).ReadJsonAsync();
        var found = list.EnumerateArray().FirstOrDefault(s => s.GetProperty("leadTenant").GetString() == Tottori
            && s.GetProperty("leadWorkspaceId").GetInt64() == workspaceId && s.GetProperty("state").GetString() == state);
        return found.ValueKind == JsonValueKind.Undefined ? null : found;
    }, $"okayama's record of tottori workspace {workspaceId} is {state}");

    /// <summary>A member row of tottori's workspace as tottori's lead sees it.</summary>
    public static async Task<JsonElement> TottoriMemberAsync(HttpClient lead, long workspaceId, string code) =>
        (await (await lead.GetAsync($"{TottoriProcurements}/{workspaceId}")).ReadJsonAsync()).GetProperty("members").EnumerateArray()
        .Single(m => m.GetProperty("organizationCode").GetString() == code);

    /// <summary>Waits until tottori's member row of <paramref name="code"/> reaches <paramref name="state"/>.</summary>
    public static Task<JsonElement> TottoriMemberStateAsync(HttpClient lead, long workspaceId, string code, string state) => EventuallyAsync(async () =>
    {
        var member = await TottoriMemberAsync(lead, workspaceId, code);
        return member.GetProperty("state").GetString() == state ? member : null;
    }, $"tottori's member row of {code} becomes {state}");

    public static async Task<JsonElement> EventuallyAsync(Func<Task<JsonElement?>> check, string what, int seconds = 20)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(seconds); ; await Task.Delay(100))
        {
            if (await check() is { } value) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Not reached within {seconds} s: {what}");
        }
    }

    /// <summary>Stores a file in <paramref name="tenant"/>'s file store, as an upload of the documents slice would.</summary>
    public static async Task<long> StoreFileAsync(AppFixture app, string tenant, string organizationCode, string fileName, byte[] content)
    {
        using var _ = Begin(app, await TenantAsync(app, tenant));
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<FileStore>();
        var file = store.Add(organizationCode, CheckedFile.FromBytes(fileName, "application/pdf", content), "test", null);
        await store.SaveAsync();
        return file.Id;
    }

    public static Task<PrefectureTenant?> TenantAsync(AppFixture app, string? tenant) =>
        tenant is null ? Task.FromResult<PrefectureTenant?>(null) : app.Factory.Services.GetRequiredService<IMultiTenantStore<PrefectureTenant>>().GetAsync(tenant);

    /// <summary>Sets the ambient tenant for what follows in the caller (not awaited: an async method's ambient change would
    /// not reach its caller).</summary>
    public static IDisposable Begin(AppFixture app, PrefectureTenant? tenant) =>
        app.Factory.Services.GetRequiredService<TenantScope<PrefectureTenant>>().Begin(tenant, "test");

    public static FakeWorkspaceContent.Book Content(AppFixture app) => app.Factory.Services.GetRequiredService<FakeWorkspaceContent.Book>();
}

/// <summary>Stands in for the documents slice's <see cref="IWorkspaceContent"/> where a test needs what the real one cannot
/// give — a lead tenant that answers slowly (503), messages forged or replayed: documents a test puts in <see cref="Book"/>
/// per workspace, files in the real file store, verdicts kept in the book (the real slice across prefectures:
/// CrossTenantDocumentTests).
/// A document marked sensitive is withheld from observers, as a 機微 label is.</summary>
public sealed class FakeWorkspaceContent(DxCollabDbContext db, FileStore files, FakeWorkspaceContent.Book book) : IWorkspaceContent
{
    public sealed record Document(long DocumentId, string Title, long RevisionId, long FileId, string FileName, long Length, bool Sensitive);

    public sealed record Verdict(string Tenant, long WorkspaceId, long RevisionId, string OrganizationCode, bool Approved, string? Comment, string Actor);

    public sealed class Book
    {
        public ConcurrentDictionary<(string Tenant, long WorkspaceId), List<Document>> Documents { get; } = new();
        public ConcurrentQueue<Verdict> Verdicts { get; } = new();
        /// <summary>Workspaces whose answer takes this long (a busy or stuck lead tenant).</summary>
        public ConcurrentDictionary<(string Tenant, long WorkspaceId), TimeSpan> Delays { get; } = new();

        public void Add(string tenant, long workspaceId, Document document) =>
            Documents.AddOrUpdate((tenant, workspaceId), _ => [document], (_, list) => [.. list, document]);
    }

    private string Tenant => db.CurrentTenantId!;

    private IEnumerable<Document> For(long workspaceId, MemberRole role) =>
        (book.Documents.GetValueOrDefault((Tenant, workspaceId)) ?? []).Where(d => !d.Sensitive || role != MemberRole.Observer);

    public async Task<IReadOnlyList<SharedDocument>> DocumentsForAsync(long workspaceId, MemberRole role, CancellationToken ct = default)
    {
        if (book.Delays.TryGetValue((Tenant, workspaceId), out var delay)) await Task.Delay(delay, ct);
        return [.. For(workspaceId, role).Select(d => new SharedDocument(d.DocumentId, d.Title, "仕様書", d.Sensitive ? "Sensitive" : "MembersOnly",
            d.Sensitive ? "機微" : "参加団体限り",
            [new SharedRevision(d.RevisionId, 1, d.FileName, d.Length, DateTime.UtcNow, "lead@tottori.example", "初版", true,
                [.. book.Verdicts.Where(v => v.Tenant == Tenant && v.RevisionId == d.RevisionId)
                    .Select(v => new SharedVerdict(v.OrganizationCode, v.OrganizationCode, v.Approved, v.Comment, DateTime.UtcNow))])]))];
    }

    public async Task<StoredFile?> RevisionFileForAsync(long workspaceId, long revisionId, MemberRole role, CancellationToken ct = default) =>
        For(workspaceId, role).FirstOrDefault(d => d.RevisionId == revisionId) is { } d ? await files.FindAsync(d.FileId, ct) : null;

    public async Task<StoredFile?> LatestRevisionFileAsync(long workspaceId, long documentId, CancellationToken ct = default) =>
        (book.Documents.GetValueOrDefault((Tenant, workspaceId)) ?? []).FirstOrDefault(d => d.DocumentId == documentId) is { } d
            ? await files.FindAsync(d.FileId, ct) : null;

    public Task<Outcome<SharedVerdict>> RecordVerdictAsync(long workspaceId, long revisionId, string organizationCode, bool approved, string? comment,
        string actor, CancellationToken ct = default)
    {
        if (!For(workspaceId, MemberRole.Member).Any(d => d.RevisionId == revisionId)) return Task.FromResult(Outcome<SharedVerdict>.NotFound());
        book.Verdicts.Enqueue(new Verdict(Tenant, workspaceId, revisionId, organizationCode, approved, comment, actor));
        return Task.FromResult(Outcome<SharedVerdict>.Ok(new SharedVerdict(organizationCode, organizationCode, approved, comment, DateTime.UtcNow)));
    }

    public static void Register(IServiceCollection services)
    {
        services.AddSingleton<Book>();
        services.RemoveAll<IWorkspaceContent>();
        services.AddScoped<IWorkspaceContent, FakeWorkspaceContent>();
    }
}

/// <summary>The SQLite host with the stand-in documents (a host of its own: it replaces a service).</summary>
public sealed class CrossTenantSqliteFixture : SqliteAppFixture
{
    protected override void ConfigureTestServices(IServiceCollection services) => FakeWorkspaceContent.Register(services);
}

/// <summary>The PostgreSQL host with the stand-in documents.</summary>
public sealed class CrossTenantPostgresFixture : PostgresAppFixture
{
    protected override void ConfigureTestServices(IServiceCollection services) => FakeWorkspaceContent.Register(services);
}

[CollectionDefinition(Name)]
public sealed class CrossTenantSqliteCollection : ICollectionFixture<CrossTenantSqliteFixture>
{
    public const string Name = "procurement-crosstenant-sqlite";
}

[CollectionDefinition(Name)]
public sealed class CrossTenantPostgresCollection : ICollectionFixture<CrossTenantPostgresFixture>
{
    public const string Name = "procurement-crosstenant-postgresql";
}
