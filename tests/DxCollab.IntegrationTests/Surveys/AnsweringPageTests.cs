using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.Platform.Hosting;
using DxCollab.Platform.Identity;
using DxCollab.Surveys.Forms;
using static DxCollab.IntegrationTests.Surveys.AnsweringTestData;

namespace DxCollab.IntegrationTests.Surveys;

/// <summary>The answer pages without JavaScript: every question type drawn with labels, 一時保存 keeps a wrong value with
/// its error, 提出 saves first and names what is missing, a stale save shows both texts, staff return with a comment.</summary>
public abstract partial class AnsweringPageTests(AppFixture fixture) : AppTest(fixture)
{
    private static string Page(long survey, string code, string rest = "") => $"/osaka/surveys/{survey}/answer/{code}{rest}";

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    private static async Task<(string Html, string Token)> OpenAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        var token = TokenPattern().Match(html);
        return (html, token.Success ? WebUtility.HtmlDecode(token.Groups[1].Value) : "");
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string token, params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        return client.PostAsync(path, form);
    }

    private static SurveyForm EveryType() => new()
    {
        Sections =
        [
            new FormSection
            {
                Key = "all", Title = "すべての型",
                Questions =
                [
                    new Question { Key = "single", Type = QuestionType.SingleChoice, Text = "単一選択の問", Options = [new("a", "選択肢A")], AllowOther = true },
                    new Question { Key = "multi", Type = QuestionType.MultipleChoice, Text = "複数選択の問", Options = [new("a", "選択肢A"), new("b", "選択肢B")] },
                    new Question { Key = "short", Type = QuestionType.ShortText, Text = "短文の問" },
                    new Question { Key = "long", Type = QuestionType.LongText, Text = "長文の問" },
                    new Question { Key = "int", Type = QuestionType.Integer, Text = "整数の問", Unit = "人" },
                    new Question { Key = "dec", Type = QuestionType.Decimal, Text = "小数の問", Unit = "%" },
                    new Question { Key = "date", Type = QuestionType.Date, Text = "日付の問" },
                    new Question { Key = "yn", Type = QuestionType.YesNo, Text = "はい・いいえの問" },
                    new Question { Key = "file", Type = QuestionType.File, Text = "ファイルの問" },
                    new Question
                    {
                        Key = "table", Type = QuestionType.Table, Text = "表の問", Rows = [new("juki", "住民記録")],
                        Columns = [new("cost", "経費", QuestionType.Integer, "千円"), new("done", "完了", QuestionType.YesNo)],
                    },
                ],
            },
        ],
    };

    [Fact]
    public async Task Every_question_type_is_drawn_with_its_label_unit_wareki_and_a_real_table()
    {
        var survey = await App.CreateSurveyAsync("osaka", [Toyonaka]);
        await App.UpdateSurveyAsync("osaka", survey, s => s.Form = EveryType());
        await App.UpdateResponseAsync("osaka", survey, Toyonaka, r =>
        {
            r.AnswersJson = new AnswerSet { Answers = { ["date"] = new Answer { Value = "2026-04-01" }, ["int"] = new Answer { Value = "12", PrefilledFrom = "previous-round" } } }.ToJson();
            r.Version = 1;
            r.State = DxCollab.Surveys.Domain.ResponseState.Drafting;
        });
        using var toyonaka = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        var (html, _) = await OpenAsync(toyonaka, Page(survey, Toyonaka));
        foreach (var id in new[] { "q-single", "q-multi", "q-short", "q-long", "q-int", "q-dec", "q-date", "q-yn", "q-file", "q-table-juki-cost", "q-table-juki-done" })
            html.ShouldContain($"for=\"{id}\"");
        html.ShouldContain("<table class=\"data survey-table\" id=\"q-table\">");
        html.ShouldContain("<span class=\"unit\">人</span>");
        html.ShouldContain("令和8年4月1日");
        html.ShouldContain("survey-prefilled");
        html.ShouldContain("前回の回答から");
        html.ShouldContain("すべて確認");
        html.ShouldContain("地方自治法第245条の4"); // the basis is shown to respondents
    }

    [Fact]
    public async Task Save_keeps_a_wrong_number_as_typed_with_its_error_and_submit_saves_first_then_names_what_is_missing()
    {
        var survey = await App.CreateSurveyAsync("osaka", [Toyonaka]);
        using var toyonaka = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        var (_, token) = await OpenAsync(toyonaka, Page(survey, Toyonaka));
        using (var saved = await PostAsync(toyonaka, Page(survey, Toyonaka, "?handler=Save"), token, ("version", "0"), ("q.staff", "十二"), ("q.memo", "長い説明文")))
            saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (html, token2) = await OpenAsync(toyonaka, Page(survey, Toyonaka));
        html.ShouldContain("value=\"十二\"");
        html.ShouldContain("href=\"#q-staff\"");
        html.ShouldContain("一時保存しました");

        using var refused = await PostAsync(toyonaka, Page(survey, Toyonaka, "?handler=Submit"), token2, ("version", "1"), ("q.staff", "12"), ("q.memo", "直した説明文"));
        var body = await refused.Content.ReadAsStringAsync();
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body);
        body.ShouldContain("id=\"error-summary\"");
        body.ShouldContain("href=\"#q-uses-ai\"");
        body.ShouldContain("直した説明文");
        var stored = await toyonaka.GetFromJsonAsync<JsonElement>($"/api/v1/osaka/surveys/{survey}/responses/{Toyonaka}");
        stored.GetProperty("answers").GetProperty("memo").GetProperty("value").GetString().ShouldBe("直した説明文");

        using var submitted = await PostAsync(toyonaka, Page(survey, Toyonaka, "?handler=Submit"), token2, ("version", "2"), ("q.staff", "12"), ("q.uses-ai", "no"));
        submitted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        submitted.Headers.Location!.OriginalString.ShouldEndWith("/view");
        (await App.SubmittedEventsAsync("osaka", survey, Toyonaka)).ShouldBe(1);
    }

    [Fact]
    public async Task A_stale_save_shows_the_typed_text_and_the_saved_text_side_by_side()
    {
        var survey = await App.CreateSurveyAsync("osaka", [Toyonaka]);
        using var toyonaka = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        var (_, token) = await OpenAsync(toyonaka, Page(survey, Toyonaka));
        (await toyonaka.PutAsJsonAsync($"/api/v1/osaka/surveys/{survey}/responses/{Toyonaka}", new { version = 0, answers = new { memo = new { value = "先に保存された文" } } }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        using var stale = await PostAsync(toyonaka, Page(survey, Toyonaka, "?handler=Save"), token, ("version", "0"), ("q.memo", "あとから打った文"));
        var html = await stale.Content.ReadAsStringAsync();
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict, html);
        html.ShouldContain("保存されている内容:</strong> 先に保存された文");
        html.ShouldContain(">あとから打った文</textarea>");
        html.ShouldContain("name=\"version\" value=\"1\"");
    }

    [Fact]
    public async Task Staff_return_an_answer_with_a_comment_from_the_view_page_and_the_officer_sees_it_on_the_form()
    {
        var survey = await App.CreateSurveyAsync("osaka", [Toyonaka]);
        using var toyonaka = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        (await toyonaka.PostAsJsonAsync($"/api/v1/osaka/surveys/{survey}/responses/{Toyonaka}/submit",
            new { version = 0, answers = new Dictionary<string, object> { ["staff"] = new { value = "5" }, ["uses-ai"] = new { value = "no" } } }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        using var prefecture = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        var (view, token) = await OpenAsync(prefecture, Page(survey, Toyonaka, "/view"));
        view.ShouldContain("差し戻す");
        view.ShouldContain("download?format=xlsx");
        using (var empty = await PostAsync(prefecture, Page(survey, Toyonaka, "/view?handler=Return"), token, ("Comment", "")))
            (await empty.Content.ReadAsStringAsync()).ShouldContain("差戻しの理由（コメント）を入力してください");
        using (var returned = await PostAsync(prefecture, Page(survey, Toyonaka, "/view?handler=Return"), token, ("Comment", "人数を再確認してください")))
            returned.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (form, _) = await OpenAsync(toyonaka, Page(survey, Toyonaka));
        form.ShouldContain("人数を再確認してください");
        form.ShouldContain("差戻し");
    }

    [Fact]
    public async Task Another_municipality_gets_404_an_expert_403_and_only_staff_preview()
    {
        var survey = await App.CreateSurveyAsync("osaka", [Toyonaka, Chihayaakasaka]);
        using var chihaya = await App.SignInAsync("osaka", "chihayaakasaka@osaka.example");
        (await chihaya.GetAsync(Page(survey, Toyonaka))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await chihaya.GetAsync(Page(survey, Toyonaka, "/view"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await chihaya.GetAsync($"/osaka/surveys/{survey}/preview")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await App.CreateUserAsync("osaka", "expert.page@osaka.example", DemoData.Password, null, Roles.Expert);
        using var expert = await App.SignInAsync("osaka", "expert.page@osaka.example");
        (await expert.GetAsync(Page(survey, Toyonaka))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var prefecture = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        var (preview, _) = await OpenAsync(prefecture, $"/osaka/surveys/{survey}/preview");
        preview.ShouldContain("情報部門の職員数");
        preview.ShouldContain("保存はできません");
    }

    [Fact]
    public async Task An_extension_is_requested_from_its_page_and_decided_on_the_view_page()
    {
        var survey = await App.CreateSurveyAsync("osaka", [Toyonaka]);
        using var toyonaka = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        var (_, token) = await OpenAsync(toyonaka, Page(survey, Toyonaka, "/extension"));
        using (var missing = await PostAsync(toyonaka, Page(survey, Toyonaka, "/extension"), token, ("RequestedDeadline", "2099-01-01"), ("Reason", "")))
            missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using (var asked = await PostAsync(toyonaka, Page(survey, Toyonaka, "/extension"), token, ("RequestedDeadline", "2099-01-01"), ("Reason", "議会対応")))
            asked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var prefecture = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        var (view, staffToken) = await OpenAsync(prefecture, Page(survey, Toyonaka, "/view"));
        view.ShouldContain("議会対応");
        var requestId = Regex.Match(view, "name=\"requestId\" value=\"(\\d+)\"").Groups[1].Value;
        using (var granted = await PostAsync(prefecture, Page(survey, Toyonaka, "/view?handler=Decide"), staffToken, ("requestId", requestId), ("decision", "grant")))
            granted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (form, _) = await OpenAsync(toyonaka, Page(survey, Toyonaka));
        form.ShouldContain("2099-01-01");
    }
    [Fact]
    public async Task A_file_chosen_in_the_form_is_attached_on_save_and_a_refused_kind_is_named_while_the_text_is_kept()
    {
        var survey = await App.CreateSurveyAsync("osaka", [Toyonaka]);
        using var toyonaka = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        var (_, token) = await OpenAsync(toyonaka, Page(survey, Toyonaka));
        byte[] pdf = [.. "%PDF-1.7\n"u8.ToArray(), .. new byte[500]];
        using (var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new StringContent("0"), "version" },
            { new StringContent("計画を添付"), "q.memo" }, { new ByteArrayContent(pdf), "q.plan.upload", "DX推進計画.pdf" } })
            (await toyonaka.PostAsync(Page(survey, Toyonaka, "?handler=Save"), form)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (html, token2) = await OpenAsync(toyonaka, Page(survey, Toyonaka));
        html.ShouldContain("DX推進計画.pdf</a>");
        var version = Regex.Match(html, "name=\"version\" value=\"(\\d+)\"").Groups[1].Value;
        using var refused = new MultipartFormDataContent { { new StringContent(token2), "__RequestVerificationToken" }, { new StringContent(version), "version" },
            { new StringContent("説明を書き足した"), "q.memo" }, { new ByteArrayContent([0x4D, 0x5A]), "q.plan.upload", "tool.exe" } };
        using var response = await toyonaka.PostAsync(Page(survey, Toyonaka, "?handler=Save"), refused);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body);
        body.ShouldContain("「DX推進計画」（plan）: ファイル「tool.exe」は受け付けられない種類です");
        body.ShouldContain("説明を書き足した</textarea>");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_AnsweringPages(SqliteAppFixture fixture) : AnsweringPageTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSql_AnsweringPages(PostgresAppFixture fixture) : AnsweringPageTests(fixture);
