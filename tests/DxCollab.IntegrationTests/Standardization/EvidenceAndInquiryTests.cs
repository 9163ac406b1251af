using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.MultiTenancy;
using DxCollab.Platform.Data;
using DxCollab.Platform.Files;
using DxCollab.Platform.Hosting;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Tenancy;
using DxCollab.Platform.Threads;
using DxCollab.Standardization.Evidence;
using DxCollab.Standardization.Files;
using DxCollab.Standardization.Inquiries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.IntegrationTests.Standardization;

/// <summary>証跡 of a step and 課題・質問 threads: the bytes come back as uploaded with their Japanese name, limits refuse
/// without storing anything, a municipality never reaches another's files or threads, another prefecture never
/// reaches either, and the thread's status and notices follow who wrote last.</summary>
public abstract class EvidenceAndInquiryTests(AppFixture fixture) : AppTest(fixture)
{
    private const string Toyonaka = "272035", Chihayaakasaka = "273830";
    private const string StepPath = "/api/v1/osaka/migration/272035/住民基本台帳/steps/④-1/evidence";
    private static readonly byte[] PdfBytes = [.. "%PDF-1.7\n"u8.ToArray(), .. Enumerable.Range(0, 3000).Select(i => (byte)(i % 251))];

    private static MultipartFormDataContent FileForm(string fileName, byte[] bytes, string field = "file", string? description = null)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, field, fileName);
        if (description is not null) form.Add(new StringContent(description), "description");
        return form;
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private async Task<T> InTenantAsync<T>(string tenantId, Func<DxCollabDbContext, Task<T>> work)
    {
        var tenant = await App.Factory.Services.GetRequiredService<IMultiTenantStore<PrefectureTenant>>().GetAsync(tenantId);
        using var _ = App.Factory.Services.GetRequiredService<TenantScope<PrefectureTenant>>().Begin(tenant, "test");
        await using var scope = App.Factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<DxCollabDbContext>());
    }

    private Task<int> StoredFileCountAsync(string tenantId = "osaka") =>
        InTenantAsync(tenantId, db => db.Set<StoredFile>().CountAsync());

    [Fact]
    public async Task Toyonaka_uploads_a_plan_with_a_japanese_name_and_gets_the_same_bytes_and_name_back()
    {
        using var toyonaka = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        const string name = "移行計画書（第2版）住民記録.pdf";
        using var form = FileForm(name, PdfBytes, description: "庁内決裁済みの版");
        var created = await JsonAsync(await toyonaka.PostAsync(StepPath, form), HttpStatusCode.Created);
        created.GetProperty("fileName").GetString().ShouldBe(name);
        created.GetProperty("length").GetInt64().ShouldBe(PdfBytes.Length);
        created.GetProperty("business").GetInt32().ShouldBe(3);
        created.GetProperty("step").GetInt32().ShouldBe(10);
        created.GetProperty("uploadedBy").GetString().ShouldBe("toyonaka@osaka.example");
        var id = created.GetProperty("id").GetInt64();

        var list = await toyonaka.GetFromJsonAsync<JsonElement[]>("/api/v1/osaka/migration/272035/3/steps/10/evidence");
        list!.Single().GetProperty("description").GetString().ShouldBe("庁内決裁済みの版");

        foreach (var client in new[] { toyonaka, await App.SignInAsync("osaka", "pref.admin@osaka.example") })
        {
            using var download = await client.GetAsync($"/api/v1/osaka/migration/evidence/{id}");
            download.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await download.Content.ReadAsByteArrayAsync()).ShouldBe(PdfBytes);
            download.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
            var disposition = download.Content.Headers.ContentDisposition!;
            disposition.DispositionType.ShouldBe("attachment");
            disposition.FileNameStar.ShouldBe(name);
            download.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]); // the browser never sniffs an upload
        }
    }

    [Fact]
    public async Task A_file_over_the_limit_is_413_and_nothing_is_stored()
    {
        using var toyonaka = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        var before = await StoredFileCountAsync();
        var tooBig = new byte[10 * 1024 * 1024 + 1];
        "%PDF"u8.CopyTo(tooBig);
        using var form = FileForm("テスト結果.pdf", tooBig);
        var problem = await (await toyonaka.PostAsync("/api/v1/osaka/migration/272035/3/steps/35/evidence", form))
            .ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        problem.Detail().ShouldNotBeNull().ShouldContain("10 MB");
        (await StoredFileCountAsync()).ShouldBe(before);
        (await toyonaka.GetFromJsonAsync<JsonElement[]>("/api/v1/osaka/migration/272035/3/steps/35/evidence"))!.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("setup.exe", "MZ")]
    [InlineData("契約書.pdf", "MZ this is not a pdf")] // an executable renamed to .pdf
    [InlineData("名簿.docx", "not a zip")]
    public async Task A_disallowed_or_disguised_file_is_400_with_a_japanese_reason(string name, string content)
    {
        using var toyonaka = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        var before = await StoredFileCountAsync();
        using var form = FileForm(name, Encoding.ASCII.GetBytes(content));
        var problem = await (await toyonaka.PostAsync("/api/v1/osaka/migration/272035/3/steps/28/evidence", form)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldError("file").ShouldContain(name);
        (await StoredFileCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task No_file_and_an_unknown_step_are_400()
    {
        using var toyonaka = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        using var empty = new MultipartFormDataContent { { new StringContent("説明だけ"), "description" } };
        (await (await toyonaka.PostAsync(StepPath, empty)).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldError("file").ShouldContain("ファイルを選んでください");
        using var form = FileForm("a.pdf", PdfBytes);
        (await (await toyonaka.PostAsync("/api/v1/osaka/migration/272035/3/steps/41/evidence", form)).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .FieldError("stepNo").ShouldContain("ステップ");
    }

    [Fact]
    public async Task A_municipality_neither_sees_nor_touches_another_municipalitys_evidence_and_the_prefecture_sees_all()
    {
        using var toyonaka = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        using var chihaya = await App.SignInAsync("osaka", "chihayaakasaka@osaka.example");
        using var admin = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        using var form = FileForm("契約書.pdf", PdfBytes);
        var id = (await JsonAsync(await toyonaka.PostAsync("/api/v1/osaka/migration/272035/1/steps/28/evidence", form), HttpStatusCode.Created)).GetProperty("id").GetInt64();

        (await (await chihaya.GetAsync("/api/v1/osaka/migration/272035/1/steps/28/evidence")).ShouldBeProblemAsync(HttpStatusCode.Forbidden))
            .Detail().ShouldNotBeNull().ShouldContain("その団体の担当者");
        await (await chihaya.GetAsync($"/api/v1/osaka/migration/evidence/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await chihaya.DeleteAsync($"/api/v1/osaka/migration/evidence/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        using var upload = FileForm("他団体.pdf", PdfBytes);
        await (await chihaya.PostAsync("/api/v1/osaka/migration/272035/1/steps/28/evidence", upload)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        // The prefecture's staff read every 団体's 証跡 and may upload on its behalf.
        (await admin.GetFromJsonAsync<JsonElement[]>("/api/v1/osaka/migration/272035/1/steps/28/evidence"))!.Length.ShouldBe(1);
        using var onBehalf = FileForm("府が代理登録.pdf", PdfBytes);
        (await admin.PostAsync($"/api/v1/osaka/migration/{Chihayaakasaka}/1/steps/28/evidence", onBehalf)).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Only_the_uploader_or_the_prefecture_deletes_and_the_step_history_keeps_both_events()
    {
        await App.CreateUserAsync("osaka", "toyonaka2@osaka.example", "Evidence-Test-2026!", Toyonaka, Roles.MunicipalOfficer);
        using var toyonaka = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        using var colleague = await App.SignInAsync("osaka", "toyonaka2@osaka.example", "Evidence-Test-2026!");
        using var admin = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        using var first = FileForm("テスト結果1.pdf", PdfBytes);
        var mine = (await JsonAsync(await toyonaka.PostAsync("/api/v1/osaka/migration/272035/2/steps/35/evidence", first), HttpStatusCode.Created)).GetProperty("id").GetInt64();
        using var second = FileForm("テスト結果2.pdf", PdfBytes);
        var other = (await JsonAsync(await toyonaka.PostAsync("/api/v1/osaka/migration/272035/2/steps/35/evidence", second), HttpStatusCode.Created)).GetProperty("id").GetInt64();

        (await (await colleague.DeleteAsync($"/api/v1/osaka/migration/evidence/{mine}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden))
            .Detail().ShouldNotBeNull().ShouldContain("登録した本人");
        (await toyonaka.DeleteAsync($"/api/v1/osaka/migration/evidence/{mine}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await admin.DeleteAsync($"/api/v1/osaka/migration/evidence/{other}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await toyonaka.GetAsync($"/api/v1/osaka/migration/evidence/{mine}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await toyonaka.GetFromJsonAsync<JsonElement[]>("/api/v1/osaka/migration/272035/2/steps/35/evidence"))!.ShouldBeEmpty();

        // The bytes are gone; who uploaded and who deleted what, and when, stays.
        var (contents, history) = await InTenantAsync("osaka", async db =>
        {
            var files = await db.Set<StepEvidence>().Where(e => e.Id == mine || e.Id == other).Select(e => e.FileId).ToListAsync();
            return (await db.Set<StoredFileContent>().CountAsync(c => files.Contains(c.FileId)),
                await db.Set<StepEvidence>().Where(e => e.Id == mine || e.Id == other).OrderBy(e => e.Id).ToListAsync());
        });
        contents.ShouldBe(0);
        history.Select(h => (h.UploadedBy, h.DeletedBy)).ShouldBe([("toyonaka@osaka.example", "toyonaka@osaka.example"), ("toyonaka@osaka.example", "pref.admin@osaka.example")]);
    }

    [Fact]
    public async Task Kyoto_never_reaches_osakas_evidence_or_inquiries_by_api_or_directly()
    {
        using var toyonaka = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        using var form = FileForm("移行計画書.pdf", PdfBytes);
        var evidenceId = (await JsonAsync(await toyonaka.PostAsync("/api/v1/osaka/migration/272035/3/steps/20/evidence", form), HttpStatusCode.Created)).GetProperty("id").GetInt64();
        using var ask = new MultipartFormDataContent { { new StringContent("大阪の質問"), "title" }, { new StringContent("本文"), "body" } };
        var inquiryId = (await JsonAsync(await toyonaka.PostAsync("/api/v1/osaka/migration/inquiries", ask), HttpStatusCode.Created))
            .GetProperty("inquiry").GetProperty("id").GetInt64();

        using var kyotoAdmin = await App.SignInAsync("kyoto", "pref.admin@kyoto.example");
        await (await kyotoAdmin.GetAsync($"/api/v1/osaka/migration/evidence/{evidenceId}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await kyotoAdmin.GetAsync("/api/v1/osaka/migration/inquiries")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await kyotoAdmin.GetAsync($"/api/v1/kyoto/migration/evidence/{evidenceId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await kyotoAdmin.DeleteAsync($"/api/v1/kyoto/migration/evidence/{evidenceId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await kyotoAdmin.GetAsync($"/api/v1/kyoto/migration/inquiries/{inquiryId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        using var reply = new MultipartFormDataContent { { new StringContent("京都から"), "body" } };
        await (await kyotoAdmin.PostAsync($"/api/v1/kyoto/migration/inquiries/{inquiryId}/messages", reply)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var kyotoList = await kyotoAdmin.GetFromJsonAsync<JsonElement[]>("/api/v1/kyoto/migration/inquiries?status=all");
        kyotoList!.Select(i => i.GetProperty("id").GetInt64()).ShouldNotContain(inquiryId);
        kyotoList!.Select(i => i.GetProperty("organizationCode").GetString()).ShouldAllBe(code => code!.StartsWith("26"));

        // Directly: a DbContext bound to kyoto sees none of osaka's rows, and cannot write one.
        var seen = await InTenantAsync("kyoto", async db => (
            await db.Set<StepEvidence>().CountAsync(e => e.Id == evidenceId), await db.Set<StoredFile>().CountAsync(f => f.OrganizationCode == Toyonaka),
            await db.Set<StoredFileContent>().CountAsync(), await db.Set<ConversationThread>().CountAsync(i => i.Id == inquiryId),
            await db.Set<ThreadMessage>().CountAsync(m => m.ThreadId == inquiryId)));
        seen.ShouldBe((0, 0, 0, 0, 0));
        await Should.ThrowAsync<Exception>(() => InTenantAsync("kyoto", async db =>
        {
            db.Add(new ConversationThread { TenantId = "osaka", SubjectType = "migration", SubjectKey = Toyonaka, OrganizationCode = Toyonaka, Title = "なりすまし", CreatedAt = DateTime.UtcNow, LastActivityAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        }));
    }

    [Fact]
    public async Task An_inquiry_goes_open_answered_closed_and_reopened_with_notices_to_the_other_side()
    {
        await SeedDemoThreadsAsync();
        using var toyonaka = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        using var admin = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        using var ask = FileForm("現行システム構成図.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3], field: "files");
        ask.Add(new StringContent("データ移行リハーサルの回数について"), "title");
        ask.Add(new StringContent("リハーサルは2回で足りるでしょうか。\n他団体の例を教えてください。"), "body");
        ask.Add(new StringContent("住民記録"), "business");
        ask.Add(new StringContent("⑭-3"), "step");
        var created = await JsonAsync(await toyonaka.PostAsync("/api/v1/osaka/migration/inquiries", ask), HttpStatusCode.Created);
        var inquiry = created.GetProperty("inquiry");
        var id = inquiry.GetProperty("id").GetInt64();
        inquiry.GetProperty("statusName").GetString().ShouldBe("回答待ち");
        inquiry.GetProperty("business").GetInt32().ShouldBe(3);
        inquiry.GetProperty("stepId").GetString().ShouldBe("⑭-3");
        inquiry.GetProperty("waitingBusinessDays").GetInt32().ShouldBe(0);
        var attachment = created.GetProperty("entries")[0].GetProperty("attachments")[0];
        attachment.GetProperty("fileName").GetString().ShouldBe("現行システム構成図.png");

        // The prefecture is told, finds it among the open ones and downloads the attachment.
        (await InboxTitlesAsync(admin)).ShouldContain(t => t.Contains("豊中市") && t.Contains("データ移行リハーサル"));
        var open = await admin.GetFromJsonAsync<JsonElement[]>("/api/v1/osaka/migration/inquiries?status=open");
        open!.Select(i => i.GetProperty("id").GetInt64()).ShouldContain(id);
        open!.Select(i => i.GetProperty("organizationCode").GetString()).ShouldContain(Chihayaakasaka); // demo thread of 千早赤阪村
        using (var file = await admin.GetAsync($"/api/v1/osaka/migration/inquiries/{id}/attachments/{attachment.GetProperty("id").GetInt64()}"))
        {
            file.StatusCode.ShouldBe(HttpStatusCode.OK);
            file.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        }

        using var answer = new MultipartFormDataContent { { new StringContent("2回で差し支えありません。府内の例を添付します。"), "body" } };
        var answered = await JsonAsync(await admin.PostAsync($"/api/v1/osaka/migration/inquiries/{id}/messages", answer), HttpStatusCode.OK);
        answered.GetProperty("inquiry").GetProperty("statusName").GetString().ShouldBe("回答済み");
        answered.GetProperty("inquiry").GetProperty("waitingBusinessDays").ValueKind.ShouldBe(JsonValueKind.Null);
        answered.GetProperty("entries")[1].GetProperty("fromPrefecture").GetBoolean().ShouldBeTrue();
        (await InboxTitlesAsync(toyonaka)).ShouldContain(t => t.Contains("回答がありました"));
        (await admin.GetFromJsonAsync<JsonElement[]>("/api/v1/osaka/migration/inquiries?status=open"))!.Select(i => i.GetProperty("id").GetInt64()).ShouldNotContain(id);

        var closed = await JsonAsync(await toyonaka.PostAsJsonAsync($"/api/v1/osaka/migration/inquiries/{id}/close", new { comment = "解決しました" }), HttpStatusCode.OK);
        closed.GetProperty("inquiry").GetProperty("statusName").GetString().ShouldBe("終了");
        using var late = new MultipartFormDataContent { { new StringContent("追加で"), "body" } };
        (await (await toyonaka.PostAsync($"/api/v1/osaka/migration/inquiries/{id}/messages", late)).ShouldBeProblemAsync(HttpStatusCode.Conflict))
            .Detail().ShouldNotBeNull().ShouldContain("再開");
        var reopened = await JsonAsync(await admin.PostAsync($"/api/v1/osaka/migration/inquiries/{id}/reopen", null), HttpStatusCode.OK);
        reopened.GetProperty("inquiry").GetProperty("statusName").GetString().ShouldBe("回答待ち");
        reopened.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ShouldBe(["Message", "Message", "Closed", "Reopened"]);
    }

    [Fact]
    public async Task A_municipality_sees_only_its_own_threads_and_only_officers_ask()
    {
        await SeedDemoThreadsAsync();
        using var toyonaka = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        using var chihaya = await App.SignInAsync("osaka", "chihayaakasaka@osaka.example");
        using var admin = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        using var ask = new MultipartFormDataContent { { new StringContent("豊中市だけの質問"), "title" }, { new StringContent("本文です"), "body" } };
        var id = (await JsonAsync(await toyonaka.PostAsync("/api/v1/osaka/migration/inquiries", ask), HttpStatusCode.Created)).GetProperty("inquiry").GetProperty("id").GetInt64();

        var chihayaList = await chihaya.GetFromJsonAsync<JsonElement[]>("/api/v1/osaka/migration/inquiries");
        chihayaList!.Select(i => i.GetProperty("organizationCode").GetString()).Distinct().ShouldBe([Chihayaakasaka]);
        await (await chihaya.GetAsync($"/api/v1/osaka/migration/inquiries/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await chihaya.PostAsJsonAsync($"/api/v1/osaka/migration/inquiries/{id}/close", new { })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await chihaya.GetFromJsonAsync<JsonElement[]>($"/api/v1/osaka/migration/inquiries?organizationCode={Toyonaka}"))!.ShouldBeEmpty();

        using var forOther = new MultipartFormDataContent { { new StringContent("代わりに"), "title" }, { new StringContent("本文"), "body" }, { new StringContent(Toyonaka), "organizationCode" } };
        await (await chihaya.PostAsync("/api/v1/osaka/migration/inquiries", forOther)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        using var fromPrefecture = new MultipartFormDataContent { { new StringContent("府から"), "title" }, { new StringContent("本文"), "body" }, { new StringContent(Toyonaka), "organizationCode" } };
        await (await admin.PostAsync("/api/v1/osaka/migration/inquiries", fromPrefecture)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        var filtered = await admin.GetFromJsonAsync<JsonElement[]>($"/api/v1/osaka/migration/inquiries?organizationCode={Toyonaka}&status=open");
        filtered!.Select(i => i.GetProperty("id").GetInt64()).ShouldContain(id);
        filtered!.ShouldAllBe(i => i.GetProperty("organizationCode").GetString() == Toyonaka);
        await (await admin.GetAsync("/api/v1/osaka/migration/inquiries?status=pending")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        using var noTitle = new MultipartFormDataContent { { new StringContent("本文"), "body" } };
        (await (await toyonaka.PostAsync("/api/v1/osaka/migration/inquiries", noTitle)).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldError("title").ShouldContain("件名");
    }

    [Fact]
    public async Task Demo_mode_opens_on_two_waiting_threads_in_osaka_and_one_in_kyoto_and_seeding_again_adds_none()
    {
        await SeedDemoThreadsAsync();
        await SeedDemoThreadsAsync();
        using var osaka = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        var open = (await osaka.GetFromJsonAsync<JsonElement[]>("/api/v1/osaka/migration/inquiries?status=open"))!
            .Where(i => i.GetProperty("createdAt").GetDateTime() < DateTime.UtcNow.AddHours(-12)).ToList(); // not this class's own threads
        open.Select(i => i.GetProperty("organizationCode").GetString()).Order().ShouldBe([Toyonaka, Chihayaakasaka]);
        open.ShouldAllBe(i => i.GetProperty("waitingBusinessDays").ValueKind == JsonValueKind.Number);
        open[0].GetProperty("organizationCode").GetString().ShouldBe(Toyonaka); // asked earliest: waited longest, listed first
        using var kyoto = await App.SignInAsync("kyoto", "pref.admin@kyoto.example");
        (await kyoto.GetFromJsonAsync<JsonElement[]>("/api/v1/kyoto/migration/inquiries"))!.Select(i => i.GetProperty("organizationName").GetString())
            .ShouldBe(["笠置町"]);
    }

    /// <summary>The demo's threads (the test hosts start without demo figures); idempotent.</summary>
    private Task SeedDemoThreadsAsync() =>
        App.Factory.Services.GetRequiredService<DemoData>().SeedFiguresAsync(c => c is InquiryDemoData);

    private static async Task<string[]> InboxTitlesAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/osaka/notifications?pageSize=100")).GetProperty("items").EnumerateArray()
        .Select(i => i.GetProperty("title").GetString()!).ToArray();
}

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_EvidenceAndInquiries(SqliteAppFixture fixture) : EvidenceAndInquiryTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSql_EvidenceAndInquiries(PostgresAppFixture fixture) : EvidenceAndInquiryTests(fixture);
