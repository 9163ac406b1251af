using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using DxCollab.IntegrationTests.Infrastructure;
using static DxCollab.IntegrationTests.Procurement.ProcurementTestData;
using static DxCollab.IntegrationTests.Procurement.WorkspaceTestData;

namespace DxCollab.IntegrationTests.Procurement;

/// <summary>Phase moves, milestones and the 協定 record: the lead decides, members are told, who may mark a milestone
/// done, overdue milestones marked, the 協定書 stored through the file store and readable by readers only.</summary>
public abstract class WorkspaceProgressTests(AppFixture fixture) : AppTest(fixture)
{
    private static readonly byte[] Pdf = [.. "%PDF-1.7\n"u8.ToArray(), .. Enumerable.Range(0, 800).Select(i => (byte)(i % 251))];

    [Fact]
    public async Task The_lead_moves_the_phase_which_is_recorded_with_who_and_the_members_are_told_a_member_may_not_move_it()
    {
        using var toyonaka = await App.SignInAsync("osaka", ToyonakaEmail);
        using var chihaya = await App.SignInAsync("osaka", ChihayaEmail);
        var id = await CreateWorkspaceAsync(toyonaka);
        await AddActiveMemberAsync(toyonaka, chihaya, id, Chihayaakasaka);

        await (await chihaya.PostAsJsonAsync($"{Procurements}/{id}/phase", new { phase = "Specification" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await (await toyonaka.PostAsJsonAsync($"{Procurements}/{id}/phase", new { phase = (string?)null }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldError("phase").ShouldNotBeNullOrWhiteSpace();
        (await (await toyonaka.PostAsJsonAsync($"{Procurements}/{id}/phase", new { phase = "Specification", note = "意向調査は省略" })).ReadJsonAsync())
            .GetProperty("toName").GetString().ShouldBe("仕様書作成");
        await (await toyonaka.PostAsJsonAsync($"{Procurements}/{id}/phase", new { phase = "Specification" })).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        (await (await chihaya.GetAsync($"{Procurements}/{id}")).ReadJsonAsync()).GetProperty("phaseName").GetString().ShouldBe("仕様書作成");
        var trail = (await (await chihaya.GetAsync($"{Procurements}/{id}/phase")).ReadJsonAsync()).EnumerateArray().Single();
        trail.GetProperty("fromName").GetString().ShouldBe("検討");
        trail.GetProperty("changedBy").GetString().ShouldBe(ToyonakaEmail);
        (await NoticeTitlesAsync(chihaya)).ShouldContain("フェーズが「仕様書作成」になりました: ビジネスチャット共同調達");
    }

    [Fact]
    public async Task Milestones_are_listed_by_date_with_the_overdue_marked_and_only_the_lead_or_the_owner_marks_one_done()
    {
        using var toyonaka = await App.SignInAsync("osaka", ToyonakaEmail);
        using var chihaya = await App.SignInAsync("osaka", ChihayaEmail);
        using var staff = await App.SignInAsync("osaka", OsakaAdmin);
        var id = await CreateWorkspaceAsync(toyonaka);
        await AddActiveMemberAsync(toyonaka, chihaya, id, Chihayaakasaka);
        var path = $"{Procurements}/{id}/milestones";

        (await (await toyonaka.PostAsJsonAsync(path, new { title = "仕様書案の確定", dueOn = "2026/12/25", ownerOrganizationCode = Toyonaka }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldError("dueOn").ShouldNotBeNullOrWhiteSpace();
        (await (await toyonaka.PostAsJsonAsync(path, new { title = "仕様書案の確定", dueOn = "2099-12-25", ownerOrganizationCode = "272043" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldError("ownerOrganizationCode").ShouldNotBeNullOrWhiteSpace();
        await (await chihaya.PostAsJsonAsync(path, new { title = "x", dueOn = "2099-01-01", ownerOrganizationCode = Chihayaakasaka }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        var later = (await (await toyonaka.PostAsJsonAsync(path, new { title = "公告", dueOn = "2099-06-01", ownerOrganizationCode = Toyonaka }))
            .ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var past = (await (await toyonaka.PostAsJsonAsync(path, new { title = "意向調査のとりまとめ", dueOn = "2020-04-01", ownerOrganizationCode = Chihayaakasaka }))
            .ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();

        var listed = (await (await staff.GetAsync(path)).ReadJsonAsync()).EnumerateArray().ToList();
        listed.Select(m => m.GetProperty("id").GetInt64()).ShouldBe([past, later]);
        listed[0].GetProperty("overdue").GetBoolean().ShouldBeTrue();
        listed[0].GetProperty("dueOnJapanese").GetString().ShouldBe("令和2年4月1日");
        listed[1].GetProperty("overdue").GetBoolean().ShouldBeFalse();

        await (await chihaya.PostAsync($"{path}/{later}/done", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden); // 豊中市's
        await (await staff.PostAsync($"{path}/{past}/done", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);     // a reader
        var done = await (await chihaya.PostAsync($"{path}/{past}/done", null)).ReadJsonAsync();
        done.GetProperty("done").GetBoolean().ShouldBeTrue();
        done.GetProperty("overdue").GetBoolean().ShouldBeFalse();
        (await (await toyonaka.PostAsync($"{path}/{past}/undone", null)).ReadJsonAsync()).GetProperty("overdue").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task The_lead_records_the_agreement_with_member_signatories_and_its_document_which_readers_download_and_others_never_reach()
    {
        using var toyonaka = await App.SignInAsync("osaka", ToyonakaEmail);
        using var chihaya = await App.SignInAsync("osaka", ChihayaEmail);
        var id = await CreateWorkspaceAsync(toyonaka);
        var chihayaId = await AddActiveMemberAsync(toyonaka, chihaya, id, Chihayaakasaka, role: "Observer");
        var path = $"{Procurements}/{id}/agreement";

        (await toyonaka.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await (await toyonaka.PutAsJsonAsync(path, new { kind = "Agreement", signedOn = "2026-11-30", signatoryCodes = new[] { Toyonaka, "272043" } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldError("signatoryCodes").ShouldNotBeNullOrWhiteSpace();
        (await (await toyonaka.PutAsJsonAsync(path, new { kind = "Agreement", signedOn = "", signatoryCodes = new[] { Toyonaka } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldError("signedOn").ShouldNotBeNullOrWhiteSpace();
        await (await chihaya.PutAsJsonAsync(path, new { kind = "Agreement", signedOn = "2026-11-30", signatoryCodes = new[] { Toyonaka } }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        var recorded = await (await toyonaka.PutAsJsonAsync(path, new { kind = "Delegation", signedOn = "2026-11-30", signatoryCodes = new[] { Toyonaka, Chihayaakasaka } }))
            .ReadJsonAsync();
        recorded.GetProperty("kindName").GetString().ShouldBe("事務委託");
        recorded.GetProperty("signedOnJapanese").GetString().ShouldBe("令和8年11月30日");
        recorded.GetProperty("signatories").EnumerateArray().Select(s => s.GetProperty("organizationName").GetString()).ShouldBe(["豊中市", "千早赤阪村"]);

        using (var form = new MultipartFormDataContent())
        {
            var file = new ByteArrayContent(Pdf);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(file, "file", "事務委託規約.pdf");
            (await (await toyonaka.PostAsync($"{path}/document", form)).ReadJsonAsync()).GetProperty("fileName").GetString().ShouldBe("事務委託規約.pdf");
        }
        using (var download = await chihaya.GetAsync($"{path}/document"))
        {
            download.StatusCode.ShouldBe(HttpStatusCode.OK);
            download.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
            (await download.Content.ReadAsByteArrayAsync()).ShouldBe(Pdf);
        }

        await (await toyonaka.PostAsJsonAsync($"{Procurements}/{id}/members/{chihayaId}/remove", new { reason = "テスト" })).ReadJsonAsync();
        await (await chihaya.GetAsync($"{path}/document")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        using var kasagi = await App.SignInAsync("kyoto", "kasagi@kyoto.example");
        await (await kasagi.GetAsync($"/api/v1/kyoto/procurements/{id}/agreement/document")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await kasagi.GetAsync($"/api/v1/kyoto/procurements/{id}/milestones")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_WorkspaceProgress(SqliteAppFixture fixture) : WorkspaceProgressTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSql_WorkspaceProgress(PostgresAppFixture fixture) : WorkspaceProgressTests(fixture);
