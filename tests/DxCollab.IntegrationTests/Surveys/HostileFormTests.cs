using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.Platform.Data;
using DxCollab.Platform.Threads;
using DxCollab.Platform.Validation;
using DxCollab.Surveys.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DxCollab.IntegrationTests.Surveys.AnsweringTestData;

namespace DxCollab.IntegrationTests.Surveys;

/// <summary>Issue #13 on the 照会 pages: the page forms refuse what the API refuses (a title of zero-width characters,
/// a NUL in a text, a deadline of 9999-12-31, a bidi override in an answer), say why beside the form, and store nothing.</summary>
public abstract partial class HostileFormTests(AppFixture fixture) : AppTest(fixture)
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    private static async Task<string> TokenAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html.Length > 500 ? html[..500] : html);
        return WebUtility.HtmlDecode(TokenPattern().Match(html).Groups[1].Value);
    }

    private Task<int> SurveyCountAsync() =>
        App.InTenantAsync("osaka", services => services.GetRequiredService<DxCollabDbContext>().Set<Survey>().CountAsync());

    public static TheoryData<string, string, string, string> NewSurveyFields => new()
    {
        { "\u200B\u180E", "趣旨", "2027-01-29", "件名を入力してください。" },
        { "照会", "趣旨\u001Bです", "2027-01-29", InputRules.ControlCharacterMessage },
        { "照会", "趣旨\u202Eです", "2027-01-29", InputRules.BidiMessage },
        { "照会", "趣旨", "9999-12-31", InputRules.DateRangeMessage },
        { "照会", "趣旨", "0001-01-01", InputRules.DateRangeMessage },
    };

    [Theory]
    [MemberData(nameof(NewSurveyFields))]
    public async Task The_new_survey_page_refuses_hostile_text_and_dates_with_the_rule_and_stores_nothing(string title, string purpose, string deadline,
        string message)
    {
        using var admin = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        var token = await TokenAsync(admin, "/osaka/surveys/new");
        var before = await SurveyCountAsync();

        using var refused = await admin.PostAsync("/osaka/surveys/new", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Basics.Title"] = title, ["Basics.Purpose"] = purpose, ["Basics.LegalBasis"] = "地方自治法第245条の4", ["Basics.Contact"] = "DX推進課",
            ["Basics.Deadline"] = deadline, ["__RequestVerificationToken"] = token,
        }));
        var html = await refused.Content.ReadAsStringAsync();
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest, html.Length > 500 ? html[..500] : html);
        WebUtility.HtmlDecode(html).ShouldContain(message);
        (await SurveyCountAsync()).ShouldBe(before);
    }

    /// <summary>A NUL (%00) in a urlencoded page form never reaches the page: ASP.NET Core refuses the body with a 400 (a
    /// browser cannot type one; multipart forms and the API reach the rule above).</summary>
    [Fact]
    public async Task A_nul_in_a_urlencoded_page_form_is_a_400_and_stores_nothing()
    {
        using var admin = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        var token = await TokenAsync(admin, "/osaka/surveys/new");
        var before = await SurveyCountAsync();
        using var refused = await admin.PostAsync("/osaka/surveys/new", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Basics.Title"] = "照会", ["Basics.Purpose"] = "趣旨\0です", ["Basics.LegalBasis"] = "地方自治法第245条の4", ["Basics.Contact"] = "DX推進課",
            ["Basics.Deadline"] = "2027-01-29", ["__RequestVerificationToken"] = token,
        }));
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        // The error page says the input was wrong, not that the system failed.
        var page = await refused.Content.ReadAsStringAsync();
        page.ShouldContain("入力内容に誤りがあります。");
        page.ShouldNotContain("システムエラー");
        (await SurveyCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task The_api_refuses_a_title_of_zero_width_characters_too()
    {
        using var admin = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        var before = await SurveyCountAsync();
        using var refused = await admin.PostAsJsonAsync("/api/v1/osaka/surveys",
            new { title = "\u200B", legalBasis = "地方自治法第245条の4", contact = "DX推進課", deadline = "2027-01-29" });
        var problem = await refused.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldError("title").ShouldBeOneOf("件名を入力してください。", InputRules.InvisibleOnlyMessage);
        (await SurveyCountAsync()).ShouldBe(before);
    }

    public static TheoryData<string, string, string> AnswerFields => new()
    {
        { "q.memo", "課題\0あり", InputRules.ControlCharacterMessage },
        { "q.memo", "課題\u202Eあり", InputRules.BidiMessage },
        { "q.memo", "\u200B\u200B", InputRules.InvisibleOnlyMessage },
        { "q.ai-tool.other", "独自\0ツール", InputRules.ControlCharacterMessage },
    };

    [Theory]
    [MemberData(nameof(AnswerFields))]
    public async Task The_answer_page_refuses_a_control_or_bidi_character_in_an_answer_keeps_the_typed_answers_and_saves_nothing(string field,
        string value, string message)
    {
        var survey = await App.CreateSurveyAsync("osaka", [Toyonaka]);
        using var toyonaka = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        var page = $"/osaka/surveys/{survey}/answer/{Toyonaka}";
        var token = await TokenAsync(toyonaka, page);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" }, { new StringContent("0"), "version" }, { new StringContent("12"), "q.staff" },
            { new StringContent("yes"), "q.uses-ai" }, { new StringContent("other"), "q.ai-tool" }, { new StringContent(value), field },
        };
        if (field != "q.ai-tool.other") form.Add(new StringContent("社内ツール"), "q.ai-tool.other");

        using var refused = await toyonaka.PostAsync(page + "?handler=Save", form);
        var html = await refused.Content.ReadAsStringAsync();
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest, html.Length > 500 ? html[..500] : html);
        WebUtility.HtmlDecode(html).ShouldContain(message);
        html.ShouldContain("value=\"12\""); // the rest of what was typed stays in the form

        var stored = await toyonaka.GetFromJsonAsync<JsonElement>($"/api/v1/osaka/surveys/{survey}/responses/{Toyonaka}");
        stored.GetProperty("state").GetString().ShouldBe("NotStarted");
        stored.GetProperty("version").GetInt32().ShouldBe(0);
        (await App.EventsAsync("osaka", survey, Toyonaka)).ShouldBeEmpty();
    }

    public static TheoryData<string, string, string> QuestionFields => new()
    {
        { "\u200B", "令和7年度末時点でよいですか。", "件名を入力してください。" },
        { "問2の対象期間", "令和7年度末\0時点でよいですか。", InputRules.ControlCharacterMessage },
        { "問2の対象期間", "\u202E令和7年度末", InputRules.BidiMessage },
    };

    /// <summary>A question about a survey (the platform's threads, multipart because of its attachments).</summary>
    [Theory]
    [MemberData(nameof(QuestionFields))]
    public async Task A_question_about_a_survey_with_hostile_text_is_refused_and_no_thread_is_opened(string title, string body, string message)
    {
        var survey = await App.CreateSurveyAsync("osaka", [Toyonaka]);
        using var toyonaka = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        var path = $"/osaka/surveys/{survey}/threads";
        var token = await TokenAsync(toyonaka, path);
        Task<int> ThreadsAsync() => App.InTenantAsync("osaka", services => services.GetRequiredService<DxCollabDbContext>().Set<ConversationThread>().CountAsync());
        var before = await ThreadsAsync();
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" }, { new StringContent(title), "Title" }, { new StringContent(body), "Body" },
        };
        using var refused = await toyonaka.PostAsync(path, form);
        var html = await refused.Content.ReadAsStringAsync();
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest, html.Length > 500 ? html[..500] : html);
        WebUtility.HtmlDecode(html).ShouldContain(message);
        (await ThreadsAsync()).ShouldBe(before);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_SurveyHostileForms(SqliteAppFixture fixture) : HostileFormTests(fixture);
