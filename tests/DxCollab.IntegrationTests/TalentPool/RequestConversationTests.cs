using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using DxCollab.IntegrationTests.Infrastructure;
using static DxCollab.IntegrationTests.TalentPool.RequestTestData;

namespace DxCollab.IntegrationTests.TalentPool;

/// <summary>Follow-up questions and 補足 on a theme card's request through the platform's threads: either the
/// prefecture's staff or the 団体's officers start the conversation (API or the request's page), the other side is told,
/// one conversation per request; another 団体, another prefecture and an assigned expert stay out of it.</summary>
public abstract partial class RequestConversationTests(AppFixture fixture) : AppTest(fixture)
{
    private const string Staff = "pref.admin@osaka.example", Chihaya = "chihayaakasaka@osaka.example";
    private const string ThreadTitle = "支援依頼「住民記録の移行計画」について";

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [Fact]
    public async Task Staff_ask_a_follow_up_on_a_themed_request_the_officer_is_told_replies_on_the_page_and_the_staff_are_told()
    {
        using var officer = await App.SignInAsync("osaka", Chihaya);
        var id = (await CreateRequestAsync(officer)).GetProperty("id").GetInt64();
        using var staff = await App.SignInAsync("osaka", Staff);
        await (await staff.GetAsync($"{Requests}/{id}/conversation")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        using var asked = await staff.PostAsJsonAsync($"{Requests}/{id}/conversation", new { body = "現行ベンダーとの契約期限は？" });
        var opened = await asked.JsonAsync(HttpStatusCode.Created);
        asked.Headers.Location!.OriginalString.ShouldBe($"{Requests}/{id}/conversation");
        opened.GetProperty("thread").GetProperty("title").GetString().ShouldBe(ThreadTitle);
        // The 団体 owes the next word: nothing waits for the prefecture.
        opened.GetProperty("thread").GetProperty("statusName").GetString().ShouldBe("回答済み");
        opened.GetProperty("entries")[0].GetProperty("fromPrefecture").GetBoolean().ShouldBeTrue();

        var officerNotice = (await NoticesAsync(officer)).Where(n => n.Title.Contains(ThreadTitle) && n.Link == $"/osaka/talent/requests/{id}").ShouldHaveSingleItem();
        officerNotice.Title.ShouldBe($"都道府県から支援の相談「{ThreadTitle}」が届きました");
        (await NoticesAsync(staff)).ShouldNotContain(n => n.Title.Contains(ThreadTitle) && n.Link == $"/osaka/talent/requests/{id}");

        // The officer replies on the request's page.
        var path = $"/osaka/talent/requests/{id}";
        var (page, token) = await PageAsync(officer, path);
        page.ShouldContain("依頼についてのやりとり（回答済み）");
        page.ShouldContain("現行ベンダーとの契約期限は？");
        page.ShouldNotContain("この依頼について質問・補足する");
        using (var reply = Form(token, ("Body", "令和9年3月末までです。")))
            (await officer.PostAsync(path + "?handler=Reply", reply)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await NoticesAsync(staff)).ShouldContain(n => n.Title == $"千早赤阪村から支援の相談「{ThreadTitle}」への追加の質問" && n.Link == path);
        var seen = await (await staff.GetAsync($"{Requests}/{id}/conversation")).JsonAsync();
        seen.GetProperty("thread").GetProperty("statusName").GetString().ShouldBe("回答待ち");
        seen.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("body").GetString()).ShouldBe(["現行ベンダーとの契約期限は？", "令和9年3月末までです。"]);
        (await (await officer.GetAsync($"{Requests}/{id}")).JsonAsync()).GetProperty("details").GetProperty("threadId").GetInt64()
            .ShouldBe(seen.GetProperty("thread").GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task The_officer_adds_補足_the_staff_are_told_and_a_second_conversation_is_refused_with_409()
    {
        using var officer = await App.SignInAsync("osaka", Chihaya);
        var id = (await CreateRequestAsync(officer)).GetProperty("id").GetInt64();
        var opened = await (await officer.PostAsJsonAsync($"{Requests}/{id}/conversation", new { body = "住民記録の次に税も見てほしいです。" }))
            .JsonAsync(HttpStatusCode.Created);
        opened.GetProperty("thread").GetProperty("statusName").GetString().ShouldBe("回答待ち");

        using var staff = await App.SignInAsync("osaka", Staff);
        (await NoticesAsync(staff)).ShouldContain(n => n.Title == $"千早赤阪村から支援の相談「{ThreadTitle}」" && n.Link == $"/osaka/talent/requests/{id}");
        (await NoticesAsync(officer)).ShouldNotContain(n => n.Title.Contains(ThreadTitle) && n.Link == $"/osaka/talent/requests/{id}");

        var again = await (await staff.PostAsJsonAsync($"{Requests}/{id}/conversation", new { body = "契約期限は？" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        again.Detail().ShouldNotBeNull().ShouldContain("すでにやりとりがあります");
        (await (await staff.GetAsync($"{Requests}/{id}/conversation")).JsonAsync()).GetProperty("entries").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task Another_団体_and_kyoto_do_not_find_it_an_assigned_expert_reads_the_request_but_is_refused_the_conversation()
    {
        using var officer = await App.SignInAsync("osaka", Chihaya);
        var id = (await CreateRequestAsync(officer)).GetProperty("id").GetInt64();
        using var staff = await App.SignInAsync("osaka", Staff);
        await (await staff.PostAsJsonAsync($"{Requests}/{id}/conversation", new { body = "現行ベンダーとの契約期限は？" })).JsonAsync(HttpStatusCode.Created);

        using var toyonaka = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        await (await toyonaka.GetAsync($"{Requests}/{id}/conversation")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await toyonaka.PostAsJsonAsync($"{Requests}/{id}/conversation", new { body = "x" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        using var kyoto = await App.SignInAsync("kyoto", "pref.admin@kyoto.example");
        await (await kyoto.GetAsync($"/api/v1/kyoto/talent/requests/{id}/conversation")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await kyoto.PostAsJsonAsync($"/api/v1/kyoto/talent/requests/{id}/conversation", new { body = "x" }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);

        // Assigned, the expert reads the request (so 404 would hide nothing): starting a conversation is 403, reading it 404.
        var expertId = await CreateExpertAsync(App, staff, "expert.conversation@osaka.example", "田中 一郎");
        await AssignAsync(staff, id, expertId);
        using var expert = await App.SignInAsync("osaka", "expert.conversation@osaka.example");
        (await expert.GetAsync($"{Requests}/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await expert.GetAsync($"{Requests}/{id}/conversation")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await expert.PostAsJsonAsync($"{Requests}/{id}/conversation", new { body = "x" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var (page, _) = await PageAsync(expert, $"/osaka/talent/requests/{id}");
        page.ShouldNotContain("現行ベンダーとの契約期限は？");
        page.ShouldNotContain("この依頼について質問・補足する");
        (await NoticesAsync(expert)).ShouldNotContain(n => n.Title.Contains(ThreadTitle) && n.Link == $"/osaka/talent/requests/{id}");
    }

    [Fact]
    public async Task An_empty_question_keeps_nothing_and_says_so_and_a_withdrawn_request_takes_none()
    {
        using var officer = await App.SignInAsync("osaka", Chihaya);
        var created = await CreateRequestAsync(officer);
        var id = created.GetProperty("id").GetInt64();
        (await (await officer.PostAsJsonAsync($"{Requests}/{id}/conversation", new { body = "  " })).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .FieldError("body").ShouldBe("質問の内容を入力してください。");
        await (await officer.GetAsync($"{Requests}/{id}/conversation")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        await (await officer.PostAsJsonAsync($"{Requests}/{id}/withdraw", new { version = created.GetProperty("version").GetInt32(), reason = "自前で対応します" }))
            .JsonAsync();
        using var staff = await App.SignInAsync("osaka", Staff);
        (await (await staff.PostAsJsonAsync($"{Requests}/{id}/conversation", new { body = "理由を教えてください。" })).ShouldBeProblemAsync(HttpStatusCode.Conflict))
            .Detail().ShouldNotBeNull().ShouldContain("取り下げられた依頼");
        var (page, _) = await PageAsync(staff, $"/osaka/talent/requests/{id}");
        page.ShouldNotContain("この依頼について質問・補足する");
    }

    [Fact]
    public async Task The_page_form_asks_without_script_a_refused_question_keeps_the_text_and_the_asked_one_shows_the_conversation()
    {
        using var officer = await App.SignInAsync("osaka", Chihaya);
        var id = (await CreateRequestAsync(officer)).GetProperty("id").GetInt64();
        var path = $"/osaka/talent/requests/{id}";
        using var staff = await App.SignInAsync("osaka", Staff);
        var (page, token) = await PageAsync(staff, path);
        page.ShouldContain("この依頼について質問・補足する");
        page.ShouldContain("<label for=\"ask-body\">質問・補足の内容</label>");

        using (var empty = Form(token, ("Body", " ")))
        {
            var refused = await HtmlAsync(await staff.PostAsync(path + "?handler=Ask", empty), HttpStatusCode.BadRequest);
            refused.ShouldContain("質問の内容を入力してください。");
            refused.ShouldContain("この依頼について質問・補足する");
        }
        var tooLong = new string('あ', DxCollab.Platform.Threads.ThreadService.MaxBody + 1);
        using (var longForm = Form(token, ("Body", tooLong)))
        {
            var refused = await HtmlAsync(await staff.PostAsync(path + "?handler=Ask", longForm), HttpStatusCode.BadRequest);
            refused.ShouldContain($"質問の内容は {DxCollab.Platform.Threads.ThreadService.MaxBody} 文字以内にしてください。");
            refused.ShouldContain(tooLong + "</textarea>");
        }
        await (await staff.GetAsync($"{Requests}/{id}/conversation")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        using (var ask = Form(token, ("Body", "現行ベンダーとの契約期限は？")))
        {
            using var asked = await staff.PostAsync(path + "?handler=Ask", ask);
            asked.StatusCode.ShouldBe(HttpStatusCode.Redirect, await asked.Content.ReadAsStringAsync());
            asked.Headers.Location!.OriginalString.ShouldBe(path + "#conversation");
        }
        var (shown, _) = await PageAsync(staff, path);
        shown.ShouldContain("依頼についてのやりとり（回答済み）");
        shown.ShouldContain("現行ベンダーとの契約期限は？");
        shown.ShouldContain("id=\"reply-body\"");
        shown.ShouldNotContain("この依頼について質問・補足する");
        var (officerPage, _) = await PageAsync(officer, path);
        officerPage.ShouldContain("現行ベンダーとの契約期限は？");
        officerPage.ShouldContain("id=\"reply-body\"");
    }

    private sealed record Notice(string Title, string? Link);

    private static async Task<List<Notice>> NoticesAsync(HttpClient client) =>
        [.. (await (await client.GetAsync("/api/v1/osaka/notifications")).JsonAsync()).GetProperty("items").EnumerateArray()
            .Select(n => new Notice(n.GetProperty("title").GetString()!, n.GetProperty("link").GetString()))];

    private static async Task<(string Html, string Token)> PageAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        return (WebUtility.HtmlDecode(html), WebUtility.HtmlDecode(TokenPattern().Match(html).Groups[1].Value));
    }

    private static FormUrlEncodedContent Form(string token, params (string Name, string Value)[] fields) =>
        new([new("__RequestVerificationToken", token), .. fields.Select(f => KeyValuePair.Create(f.Name, f.Value))]);

    private static async Task<string> HtmlAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, html);
        return WebUtility.HtmlDecode(html);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_RequestConversation(SqliteAppFixture fixture) : RequestConversationTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSql_RequestConversation(PostgresAppFixture fixture) : RequestConversationTests(fixture);
