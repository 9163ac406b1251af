using System.Net;
using System.Net.Http.Json;
using System.Text;
using DxCollab.IntegrationTests.Infrastructure;
using static DxCollab.IntegrationTests.Procurement.DocumentTestData;
using static DxCollab.IntegrationTests.Procurement.ProcurementTestData;

namespace DxCollab.IntegrationTests.Procurement;

/// <summary>Uploading documents and their numbered revisions, downloading any revision as an attachment, comparing two
/// revisions, who may upload, refused input storing nothing, and kyoto learning nothing of osaka's documents.</summary>
public abstract class DocumentApiTests(AppFixture fixture) : AppTest(fixture)
{
    [Fact]
    public async Task A_member_uploads_a_document_then_a_second_revision_and_each_revision_downloads_as_its_own_attachment()
    {
        using var seats = await App.ArrangeSeatsAsync();
        var folder = (await (await seats.Member.PostAsJsonAsync($"{Procurements}/{seats.WorkspaceId}/folders", new { name = "仕様書" }))
            .ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var created = await (await seats.Member.PostDocumentAsync(seats.WorkspaceId, "ビジネスチャット仕様書", "機微", Pdf("第1版の中身"), folderId: folder))
            .ReadJsonAsync(HttpStatusCode.Created);
        created.GetProperty("confidentialityName").GetString().ShouldBe("機微");
        created.GetProperty("folderName").GetString().ShouldBe("仕様書");
        var id = created.GetProperty("id").GetInt64();
        (await seats.Lead.UploadRevisionAsync(seats.WorkspaceId, id, "セキュリティ要件を追記", Pdf("第2版の中身"))).ShouldBe(2);

        var detail = await seats.Lead.DocumentAsync(seats.WorkspaceId, id);
        detail.GetProperty("latestNumber").GetInt32().ShouldBe(2);
        var revisions = detail.GetProperty("revisions").EnumerateArray().ToList();
        revisions.Select(r => r.GetProperty("label").GetString()).ShouldBe(["第2版", "第1版"]);
        revisions[0].GetProperty("changeNote").GetString().ShouldBe("セキュリティ要件を追記");
        revisions[0].GetProperty("uploadedByOrganizationCode").GetString().ShouldBe(Toyonaka);
        revisions[1].GetProperty("uploadedByOrganizationCode").GetString().ShouldBe(Chihayaakasaka);

        foreach (var (number, text) in new[] { (1, "第1版の中身"), (2, "第2版の中身") })
        {
            using var download = await seats.Member.GetAsync($"{Revision(seats.WorkspaceId, id, number)}/file");
            download.StatusCode.ShouldBe(HttpStatusCode.OK);
            download.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
            download.Content.Headers.ContentDisposition.FileNameStar.ShouldBe("仕様書.pdf");
            download.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
            (await download.Content.ReadAsByteArrayAsync()).ShouldBe(Pdf(text));
        }
        await (await seats.Member.GetAsync($"{Revision(seats.WorkspaceId, id, 3)}/file")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        var listed = (await (await seats.Member.GetAsync(seats.Documents)).ReadJsonAsync()).GetProperty("documents").EnumerateArray().Single(d => d.GetProperty("id").GetInt64() == id);
        listed.GetProperty("revisionCount").GetInt32().ShouldBe(2);
        listed.GetProperty("latestUploadedBy").GetString().ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task Comparing_two_revisions_shows_whether_their_contents_are_the_same_with_names_sizes_notes_and_approval()
    {
        using var seats = await App.ArrangeSeatsAsync();
        var id = await seats.Lead.UploadDocumentAsync(seats.WorkspaceId, "仕様書", content: Pdf("A"));
        await seats.Lead.UploadRevisionAsync(seats.WorkspaceId, id, "誤字の修正（中身は同じ）", Pdf("A"));
        await seats.Lead.UploadRevisionAsync(seats.WorkspaceId, id, "要件を追加", Pdf("A と追加の要件"));
        await (await seats.Lead.PostAsJsonAsync($"{Revision(seats.WorkspaceId, id, 3)}/approval", new { })).ReadJsonAsync();

        var same = await (await seats.Observer.GetAsync($"{seats.Documents}/{id}/compare?a=1&b=2")).ReadJsonAsync();
        same.GetProperty("sameContent").GetBoolean().ShouldBeTrue();
        same.GetProperty("lengthDifference").GetInt64().ShouldBe(0);
        var changed = await (await seats.Observer.GetAsync($"{seats.Documents}/{id}/compare?a=1&b=3")).ReadJsonAsync();
        changed.GetProperty("sameContent").GetBoolean().ShouldBeFalse();
        changed.GetProperty("lengthDifference").GetInt64().ShouldBe(Pdf("A と追加の要件").Length - Pdf("A").Length);
        changed.GetProperty("b").GetProperty("changeNote").GetString().ShouldBe("要件を追加");
        changed.GetProperty("a").GetProperty("approval").GetProperty("asked").GetBoolean().ShouldBeFalse();
        changed.GetProperty("b").GetProperty("approval").GetProperty("asked").GetBoolean().ShouldBeTrue();
        changed.GetProperty("a").GetProperty("sha256").GetString().ShouldNotBe(changed.GetProperty("b").GetProperty("sha256").GetString());

        (await (await seats.Observer.GetAsync($"{seats.Documents}/{id}/compare?a=1&b=9")).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .FieldError("b").ShouldContain("第9版はありません");
    }

    [Fact]
    public async Task An_observer_and_the_prefectures_staff_without_a_seat_may_not_upload_and_nothing_is_stored()
    {
        using var seats = await App.ArrangeSeatsAsync();
        var id = await seats.Lead.UploadDocumentAsync(seats.WorkspaceId, "説明資料", "Public");
        await (await seats.Observer.PostRevisionAsync(seats.WorkspaceId, id, "オブザーバーの版")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await seats.Staff.PostRevisionAsync(seats.WorkspaceId, id, "職員の版")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await seats.Observer.PostDocumentAsync(seats.WorkspaceId, "オブザーバーの文書", "Public")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await seats.Lead.DocumentAsync(seats.WorkspaceId, id)).GetProperty("latestNumber").GetInt32().ShouldBe(1);
        (await seats.Lead.ListedTitlesAsync(seats.WorkspaceId)).ShouldBe(["説明資料"]);
    }

    [Theory]
    [InlineData("changeNote")]
    [InlineData("file-kind")]
    [InlineData("file-missing")]
    public async Task A_revision_without_a_change_note_or_with_a_file_that_is_not_what_its_name_says_is_refused_naming_the_field(string fault)
    {
        using var seats = await App.ArrangeSeatsAsync();
        var id = await seats.Lead.UploadDocumentAsync(seats.WorkspaceId, "仕様書");
        using var response = fault switch
        {
            "changeNote" => await seats.Lead.PostRevisionAsync(seats.WorkspaceId, id, " \u200B "),
            "file-kind" => await seats.Lead.PostRevisionAsync(seats.WorkspaceId, id, "実行ファイル", Encoding.ASCII.GetBytes("MZ\x90\0 not a pdf")),
            _ => await seats.Lead.PostAsync($"{seats.Documents}/{id}/revisions", new MultipartFormDataContent { { new StringContent("ファイルなし"), "changeNote" } }),
        };
        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldError(fault == "changeNote" ? "changeNote" : "file").ShouldNotBeNullOrWhiteSpace();
        (await seats.Lead.DocumentAsync(seats.WorkspaceId, id)).GetProperty("revisions").GetArrayLength().ShouldBe(1);
    }

    [Theory]
    [InlineData("", "MembersOnly", "title")]
    [InlineData("仕様書", "社外秘", "confidentiality")]
    public async Task A_document_without_a_title_or_with_an_unknown_label_is_refused_naming_the_field(string title, string label, string field)
    {
        using var seats = await App.ArrangeSeatsAsync();
        (await (await seats.Lead.PostDocumentAsync(seats.WorkspaceId, title, label)).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .FieldError(field).ShouldNotBeNullOrWhiteSpace();
        (await seats.Lead.ListedTitlesAsync(seats.WorkspaceId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Kyoto_neither_reads_nor_downloads_nor_uploads_to_osakas_documents()
    {
        using var seats = await App.ArrangeSeatsAsync();
        var id = await seats.Lead.UploadDocumentAsync(seats.WorkspaceId, "公開の説明資料", "Public");
        var kyotoDocuments = $"/api/v1/kyoto/procurements/{seats.WorkspaceId}/documents";
        await (await seats.Kyoto.GetAsync(kyotoDocuments)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await seats.Kyoto.GetAsync($"{kyotoDocuments}/{id}/revisions/1/file")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await seats.Kyoto.GetAsync($"{seats.Documents}/{id}/revisions/1/file")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await seats.Kyoto.GetAsync(seats.Documents)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        using var kyotoStaff = await App.SignInAsync("kyoto", "pref.admin@kyoto.example");
        await (await kyotoStaff.GetAsync($"{kyotoDocuments}/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await seats.Lead.DocumentAsync(seats.WorkspaceId, id)).GetProperty("latestNumber").GetInt32().ShouldBe(1);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_DocumentApi(SqliteAppFixture fixture) : DocumentApiTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSql_DocumentApi(PostgresAppFixture fixture) : DocumentApiTests(fixture);
