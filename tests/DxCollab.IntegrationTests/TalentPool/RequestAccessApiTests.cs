using System.Net;
using System.Net.Http.Json;
using DxCollab.IntegrationTests.Infrastructure;
using static DxCollab.IntegrationTests.TalentPool.RequestTestData;

namespace DxCollab.IntegrationTests.TalentPool;

/// <summary>Who sees a request and its documents: the 団体's officers and the prefecture's staff; never another 団体 of the
/// same prefecture nor another prefecture; an expert only once assigned to it.</summary>
public abstract class RequestAccessApiTests(AppFixture fixture) : AppTest(fixture)
{
    [Fact]
    public async Task Another_団体_and_kyoto_neither_read_nor_list_nor_learn_of_a_request()
    {
        using var chihaya = await App.SignInAsync("osaka", "chihayaakasaka@osaka.example");
        var id = (await CreateRequestAsync(chihaya, MigrationPlan("千早赤阪村の計画"))).GetProperty("id").GetInt64();

        using var toyonaka = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        await (await toyonaka.GetAsync($"{Requests}/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await (await toyonaka.GetAsync(Requests)).JsonAsync()).EnumerateArray().ShouldNotContain(r => r.GetProperty("id").GetInt64() == id);
        // Filtering by the other 団体 does not widen an officer's list.
        (await (await toyonaka.GetAsync($"{Requests}?organization={Chihayaakasaka}")).JsonAsync()).GetArrayLength().ShouldBe(0);

        using var kyoto = await App.SignInAsync("kyoto", "pref.admin@kyoto.example");
        await (await kyoto.GetAsync($"{Requests}/{id}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden); // osaka's address
        await (await kyoto.GetAsync($"/api/v1/kyoto/talent/requests/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await (await kyoto.GetAsync("/api/v1/kyoto/talent/requests")).JsonAsync()).GetArrayLength().ShouldBe(0);
        await (await kyoto.PostAsJsonAsync($"/api/v1/kyoto/talent/requests/{id}/coordinating", new { version = 0 })).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        using var staff = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        (await (await staff.GetAsync(Requests)).JsonAsync()).EnumerateArray().ShouldContain(r => r.GetProperty("id").GetInt64() == id);
        // The staff do not make requests; they answer them.
        await (await staff.PostAsJsonAsync(Requests, MigrationPlan())).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_expert_reads_a_request_only_once_assigned_to_it_sees_only_their_own_assignment_and_never_withdraws_it()
    {
        using var chihaya = await App.SignInAsync("osaka", "chihayaakasaka@osaka.example");
        var created = await CreateRequestAsync(chihaya);
        var id = created.GetProperty("id").GetInt64();
        var other = (await CreateRequestAsync(chihaya, MigrationPlan("別の依頼"))).GetProperty("id").GetInt64();
        using var staff = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        var expertId = await CreateExpertAsync(App, staff, "expert.requests@osaka.example", "田中 一郎");

        using var expert = await App.SignInAsync("osaka", "expert.requests@osaka.example");
        await (await expert.GetAsync($"{Requests}/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await (await expert.GetAsync(Requests)).JsonAsync()).GetArrayLength().ShouldBe(0);

        await AssignAsync(staff, id, expertId);
        // A second expert on the same request: each expert sees only their own assignment, the 団体 and staff see both.
        await AssignAsync(staff, id, await CreateExpertAsync(App, staff, "expert.second@osaka.example", "佐藤 花子"));
        var seen = await (await expert.GetAsync($"{Requests}/{id}")).JsonAsync();
        ExpertNames(await (await chihaya.GetAsync($"{Requests}/{id}")).JsonAsync()).ShouldBe(["田中 一郎", "佐藤 花子"]);
        ExpertNames(await (await staff.GetAsync($"{Requests}/{id}")).JsonAsync()).ShouldBe(["田中 一郎", "佐藤 花子"]);
        seen.GetProperty("stateName").GetString().ShouldBe("割当済");
        ExpertNames(seen).ShouldBe(["田中 一郎"]);
        (await (await expert.GetAsync(Requests)).JsonAsync()).EnumerateArray().Select(r => r.GetProperty("id").GetInt64()).ShouldBe([id]);
        await (await expert.GetAsync($"{Requests}/{other}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await expert.PostAsJsonAsync($"{Requests}/{id}/withdraw", new { version = seen.GetProperty("version").GetInt32(), reason = "x" }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    private static List<string?> ExpertNames(System.Text.Json.JsonElement request) =>
        [.. request.GetProperty("details").GetProperty("assignments").EnumerateArray().Select(a => a.GetProperty("expertName").GetString())];

    [Fact]
    public async Task A_document_downloads_for_the_request_s_readers_only_and_only_its_own_団体_may_attach_it()
    {
        using var chihaya = await App.SignInAsync("osaka", "chihayaakasaka@osaka.example");
        var fileId = await UploadAsync(chihaya, "移行計画書.pdf");
        var created = await CreateRequestAsync(chihaya, MigrationPlan(fileIds: [fileId]));
        var id = created.GetProperty("id").GetInt64();
        var files = (await (await chihaya.GetAsync($"{Requests}/{id}")).JsonAsync()).GetProperty("details").GetProperty("files");
        files.EnumerateArray().Select(f => f.GetProperty("fileName").GetString()).ShouldBe(["移行計画書.pdf"]);

        using (var download = await chihaya.GetAsync($"{Requests}/{id}/files/{fileId}"))
        {
            download.StatusCode.ShouldBe(HttpStatusCode.OK);
            download.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
            (await download.Content.ReadAsByteArrayAsync()).ShouldBe(Pdf);
        }
        using var staff = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        (await staff.GetAsync($"{Requests}/{id}/files/{fileId}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Another 団体: neither through this request nor by attaching the file's number to its own request.
        using var toyonaka = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        await (await toyonaka.GetAsync($"{Requests}/{id}/files/{fileId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await (await toyonaka.PostAsJsonAsync(Requests, MigrationPlan(fileIds: [fileId]))).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .FieldError("fileIds").ShouldContain($"番号 {fileId}");
        var own = (await CreateRequestAsync(toyonaka, MigrationPlan("豊中市の計画"))).GetProperty("id").GetInt64();
        await (await toyonaka.GetAsync($"{Requests}/{own}/files/{fileId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        // The same document is not attached to a second request.
        (await (await chihaya.PostAsJsonAsync(Requests, MigrationPlan(fileIds: [fileId]))).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .FieldError("fileIds").ShouldContain("別の依頼に添付済み");

        using var kyoto = await App.SignInAsync("kyoto", "pref.admin@kyoto.example");
        await (await kyoto.GetAsync($"/api/v1/kyoto/talent/requests/{id}/files/{fileId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_file_of_a_kind_not_accepted_is_refused_naming_it()
    {
        using var chihaya = await App.SignInAsync("osaka", "chihayaakasaka@osaka.example");
        using var form = new MultipartFormDataContent { { new ByteArrayContent("MZ\u0090\0"u8.ToArray()), "file", "setup.exe" } };
        (await (await chihaya.PostAsync($"{Requests}/files", form)).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .FieldError("file").ShouldContain("setup.exe");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_RequestAccessApi(SqliteAppFixture fixture) : RequestAccessApiTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSql_RequestAccessApi(PostgresAppFixture fixture) : RequestAccessApiTests(fixture);
