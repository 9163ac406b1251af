using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DxCollab.IntegrationTests.Infrastructure;
using static DxCollab.IntegrationTests.Procurement.CrossTenantTestData;
using static DxCollab.IntegrationTests.Procurement.DocumentTestData;

namespace DxCollab.IntegrationTests.Procurement;

/// <summary>Across prefectures end to end with the real documents slice (the shared hosts, no stand-in): files tottori's
/// lead uploads through the documents API are read and downloaded byte for byte by 倉敷市 through okayama's API, a 機微
/// document stays out of an observer's reach as the label rules say, a removal refuses the next read and download, and a
/// 承認 sent through okayama shows in tottori's approval view of the revision.</summary>
public abstract class CrossTenantDocumentTests(AppFixture fixture) : AppTest(fixture)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await ArrangeUsersAsync(App);
    }

    private static string Documents(long workspaceId) => $"{TottoriProcurements}/{workspaceId}/documents";

    /// <summary>tottori's lead opens a workspace and invites okayama's bodies; each accepts through okayama's API and tottori
    /// records it. Returns the lead, the workspace and each body's client with its shared id.</summary>
    private async Task<(HttpClient Lead, long WorkspaceId, Dictionary<string, (HttpClient Client, long SharedId, long MemberId)> Bodies)> JoinedAsync(
        string title, params (string Code, string Email, string Role)[] bodies)
    {
        var lead = await SignInAsync(App, Tottori, TottoriLead);
        var id = (await (await lead.PostAsJsonAsync(TottoriProcurements, new { subject = "標準準拠システム 住民記録", title }))
            .ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var joined = new Dictionary<string, (HttpClient, long, long)>();
        foreach (var (code, email, role) in bodies)
        {
            var memberId = (await (await lead.PostAsJsonAsync($"{TottoriProcurements}/{id}/remote-members", new { organizationCode = code, role }))
                .ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();
            var client = await SignInAsync(App, Okayama, email);
            var sharedId = (await ReceivedAsync(client, id)).GetProperty("id").GetInt64();
            (await (await client.PostAsync($"{OkayamaShared}/{sharedId}/accept", null)).ReadJsonAsync()).GetProperty("state").GetString().ShouldBe("Active");
            await TottoriMemberStateAsync(lead, id, code, "Active");
            joined[code] = (client, sharedId, memberId);
        }
        return (lead, id, joined);
    }

    private static MultipartFormDataContent Form(byte[] content, string fileName, params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return form;
    }

    /// <summary>Uploads a document (its 第1版) through tottori's documents API; returns its id.</summary>
    private static async Task<long> UploadAsync(HttpClient lead, long workspaceId, string title, string confidentiality, byte[] content, string fileName) =>
        (await (await lead.PostAsync(Documents(workspaceId), Form(content, fileName, ("title", title), ("confidentiality", confidentiality), ("changeNote", "初版"))))
            .ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();

    /// <summary>Uploads the next revision; returns its number.</summary>
    private static async Task<int> UploadRevisionAsync(HttpClient lead, long workspaceId, long documentId, string changeNote, byte[] content, string fileName) =>
        (await (await lead.PostAsync($"{Documents(workspaceId)}/{documentId}/revisions", Form(content, fileName, ("changeNote", changeNote))))
            .ReadJsonAsync(HttpStatusCode.Created)).GetProperty("number").GetInt32();

    private static async Task<JsonElement> SharedAsync(HttpClient body, long sharedId) => await (await body.GetAsync($"{OkayamaShared}/{sharedId}")).ReadJsonAsync();

    private static JsonElement Titled(JsonElement shared, string title) =>
        shared.GetProperty("documents").EnumerateArray().Single(d => d.GetProperty("title").GetString() == title);

    private static long RevisionId(JsonElement document, int number) =>
        document.GetProperty("revisions").EnumerateArray().Single(r => r.GetProperty("number").GetInt32() == number).GetProperty("revisionId").GetInt64();

    [Fact]
    public async Task Kurashiki_reads_both_revisions_tottori_uploaded_downloads_第2版_byte_for_byte_through_okayama_and_after_removal_is_refused_both()
    {
        var (lead, id, bodies) = await JoinedAsync("住民記録 共同調達（実文書）", (Kurashiki, KurashikiOfficer, "Member"));
        using var _ = lead;
        using var kurashiki = bodies[Kurashiki].Client;
        var sharedId = bodies[Kurashiki].SharedId;
        var (first, second) = (Pdf("共通仕様書 第1版"), Pdf("共通仕様書 第2版 移行要件を追記"));
        var doc = await UploadAsync(lead, id, "共通仕様書", "MembersOnly", first, "共通仕様書_第1版.pdf");
        (await UploadRevisionAsync(lead, id, doc, "移行要件を追記", second, "共通仕様書_第2版.pdf")).ShouldBe(2);

        var seen = Titled(await SharedAsync(kurashiki, sharedId), "共通仕様書");
        seen.GetProperty("confidentialityName").GetString().ShouldBe("参加団体限り");
        var revisions = seen.GetProperty("revisions").EnumerateArray().ToList();
        revisions.Select(r => (r.GetProperty("number").GetInt32(), r.GetProperty("fileName").GetString(), r.GetProperty("length").GetInt64()))
            .ShouldBe([(2, "共通仕様書_第2版.pdf", second.LongLength), (1, "共通仕様書_第1版.pdf", first.LongLength)]);
        revisions[0].GetProperty("changeNote").GetString().ShouldBe("移行要件を追記");

        foreach (var (number, bytes, name) in new[] { (2, second, "共通仕様書_第2版.pdf"), (1, first, "共通仕様書_第1版.pdf") })
        {
            using var download = await kurashiki.GetAsync($"{OkayamaShared}/{sharedId}/revisions/{RevisionId(seen, number)}/file");
            download.StatusCode.ShouldBe(HttpStatusCode.OK);
            download.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
            download.Content.Headers.ContentDisposition.FileNameStar.ShouldBe(name);
            (await download.Content.ReadAsByteArrayAsync()).ShouldBe(bytes);
        }

        (await (await lead.PostAsJsonAsync($"{TottoriProcurements}/{id}/remote-members/{bodies[Kurashiki].MemberId}/remove", new { reason = "参加を見送るため" }))
            .ReadJsonAsync()).GetProperty("stateName").GetString().ShouldBe("除外");
        (await (await kurashiki.GetAsync($"{OkayamaShared}/{sharedId}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden)).Detail()!.ShouldContain("除外");
        await (await kurashiki.GetAsync($"{OkayamaShared}/{sharedId}/revisions/{RevisionId(seen, 2)}/file")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_機微_document_is_listed_and_downloaded_by_an_okayama_member_but_not_by_an_okayama_observer_until_the_contract_phase()
    {
        var (lead, id, bodies) = await JoinedAsync("機微文書の確認（鳥取・岡山）", (Kurashiki, KurashikiOfficer, "Member"), (Tsuyama, TsuyamaOfficer, "Observer"));
        using var _ = lead;
        using var kurashiki = bodies[Kurashiki].Client;
        using var tsuyama = bodies[Tsuyama].Client;
        var estimate = Pdf("予定価格の積算根拠");
        await UploadAsync(lead, id, "予定価格の積算", "Sensitive", estimate, "積算.pdf");
        await UploadAsync(lead, id, "説明会資料", "MembersOnly", Pdf("説明会資料"), "説明会資料.pdf");

        var forMember = await SharedAsync(kurashiki, bodies[Kurashiki].SharedId);
        forMember.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("title").GetString()).Order().ShouldBe(["予定価格の積算", "説明会資料"]);
        var sensitive = RevisionId(Titled(forMember, "予定価格の積算"), 1);
        Titled(forMember, "予定価格の積算").GetProperty("confidentialityName").GetString().ShouldBe("機微");
        (await (await kurashiki.GetAsync($"{OkayamaShared}/{bodies[Kurashiki].SharedId}/revisions/{sensitive}/file")).Content.ReadAsByteArrayAsync()).ShouldBe(estimate);

        var forObserver = await SharedAsync(tsuyama, bodies[Tsuyama].SharedId);
        forObserver.GetProperty("membership").GetProperty("roleName").GetString().ShouldBe("オブザーバー");
        forObserver.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("title").GetString()).ShouldBe(["説明会資料"]);
        await (await tsuyama.GetAsync($"{OkayamaShared}/{bodies[Tsuyama].SharedId}/revisions/{sensitive}/file")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        // From 契約 on a 機微 document reads as 参加団体限り: the observer sees and downloads it.
        (await lead.PostAsJsonAsync($"{TottoriProcurements}/{id}/phase", new { phase = "Contract" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await SharedAsync(tsuyama, bodies[Tsuyama].SharedId)).GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("title").GetString()).Order()
            .ShouldBe(["予定価格の積算", "説明会資料"]);
        (await (await tsuyama.GetAsync($"{OkayamaShared}/{bodies[Tsuyama].SharedId}/revisions/{sensitive}/file")).Content.ReadAsByteArrayAsync()).ShouldBe(estimate);
    }

    [Fact]
    public async Task Kurashikis_承認_of_第2版_sent_through_okayama_shows_in_the_leads_approval_view_in_tottori()
    {
        var (lead, id, bodies) = await JoinedAsync("承認の確認（鳥取・岡山）", (Kurashiki, KurashikiOfficer, "Member"));
        using var _ = lead;
        using var kurashiki = bodies[Kurashiki].Client;
        var sharedId = bodies[Kurashiki].SharedId;
        var doc = await UploadAsync(lead, id, "共通仕様書", "Sensitive", Pdf("第1版"), "共通仕様書.pdf");
        await UploadRevisionAsync(lead, id, doc, "意見を反映", Pdf("第2版"), "共通仕様書.pdf");
        (await lead.PostAsJsonAsync($"{Documents(id)}/{doc}/revisions/2/approval", new { })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var seen = Titled(await SharedAsync(kurashiki, sharedId), "共通仕様書");
        seen.GetProperty("revisions").EnumerateArray().Select(r => (r.GetProperty("number").GetInt32(), r.GetProperty("approvalRequested").GetBoolean()))
            .ShouldBe([(2, true), (1, false)]);
        var sent = await (await kurashiki.PostAsJsonAsync($"{OkayamaShared}/{sharedId}/revisions/{RevisionId(seen, 2)}/verdict",
            new { approved = true, comment = "岡山県側の要件も満たしています。" })).ReadJsonAsync(HttpStatusCode.Accepted);
        sent.GetProperty("message").GetString()!.ShouldContain("承認を代表団体（鳥取市）に送りました");

        // The verdict travels by message: tottori's view shows it once recorded.
        var revision = await EventuallyAsync(async () =>
        {
            var second = (await (await lead.GetAsync($"{Documents(id)}/{doc}")).ReadJsonAsync()).GetProperty("revisions").EnumerateArray()
                .Single(r => r.GetProperty("label").GetString() == "第2版");
            return second.GetProperty("approval").GetProperty("verdicts").GetArrayLength() > 0 ? second : null;
        }, "tottori records 倉敷市's 承認 on 第2版");
        var approval = revision.GetProperty("approval");
        var verdict = approval.GetProperty("verdicts").EnumerateArray().Single();
        (verdict.GetProperty("organizationName").GetString(), verdict.GetProperty("verdictName").GetString(), verdict.GetProperty("comment").GetString())
            .ShouldBe(("倉敷市", "承認", "岡山県側の要件も満たしています。"));
        verdict.GetProperty("decidedBy").GetString()!.ShouldContain("岡山県");
        approval.GetProperty("summary").GetString().ShouldBe("承認 1 / 差戻し 0 / 未回答 1"); // 鳥取市 itself has not answered
        var first = (await (await lead.GetAsync($"{Documents(id)}/{doc}")).ReadJsonAsync()).GetProperty("revisions").EnumerateArray()
            .Single(r => r.GetProperty("label").GetString() == "第1版");
        first.GetProperty("approval").GetProperty("verdicts").GetArrayLength().ShouldBe(0);

        // okayama's next read carries the recorded verdict too.
        var again = Titled(await SharedAsync(kurashiki, sharedId), "共通仕様書").GetProperty("revisions").EnumerateArray()
            .Single(r => r.GetProperty("number").GetInt32() == 2).GetProperty("verdicts").EnumerateArray().Single();
        (again.GetProperty("organizationName").GetString(), again.GetProperty("approved").GetBoolean()).ShouldBe(("倉敷市", true));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_CrossTenantDocuments(SqliteAppFixture fixture) : CrossTenantDocumentTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSql_CrossTenantDocuments(PostgresAppFixture fixture) : CrossTenantDocumentTests(fixture);
