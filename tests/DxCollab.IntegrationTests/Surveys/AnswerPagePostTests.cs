using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.Surveys.Domain;
using DxCollab.Surveys.Forms;
using static DxCollab.IntegrationTests.Surveys.AnsweringTestData;

namespace DxCollab.IntegrationTests.Surveys;

/// <summary>The answer page's post runs its steps (save the typed draft, attach the chosen file, confirm, submit) on one
/// load of the answer: what is saved, versioned and checked is what the same steps gave one by one.</summary>
public abstract partial class AnswerPagePostTests(AppFixture fixture) : AppTest(fixture)
{
    private static string Page(long survey, string rest = "") => $"/osaka/surveys/{survey}/answer/{Toyonaka}{rest}";
    private static string Api(long survey) => $"/api/v1/osaka/surveys/{survey}/responses/{Toyonaka}";

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    private static async Task<string> TokenAsync(HttpClient client, long survey)
    {
        using var response = await client.GetAsync(Page(survey));
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        return WebUtility.HtmlDecode(TokenPattern().Match(html).Groups[1].Value);
    }

    private static MultipartFormDataContent Form(string token, params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        return form;
    }

    [Fact]
    public async Task One_submit_with_a_wrong_number_and_a_file_saves_both_keeps_the_typed_text_and_names_every_error()
    {
        var survey = await App.CreateSurveyAsync("osaka", [Toyonaka]);
        using var toyonaka = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        var token = await TokenAsync(toyonaka, survey);
        using var form = Form(token, ("version", "0"), ("q.staff", "十二"), ("q.memo", "庁内の合意形成"));
        form.Add(new ByteArrayContent([.. "%PDF-1.7\n"u8.ToArray(), .. new byte[300]]), "q.plan.upload", "推進計画.pdf");

        using var refused = await toyonaka.PostAsync(Page(survey, "?handler=Submit"), form);
        var html = await refused.Content.ReadAsStringAsync();
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest, html);
        html.ShouldContain("id=\"error-summary\"");
        html.ShouldContain("href=\"#q-staff\""); // the wrong number
        html.ShouldContain("href=\"#q-uses-ai\""); // the missing answer
        html.ShouldContain("value=\"十二\"");
        html.ShouldContain(">庁内の合意形成</textarea>");
        html.ShouldContain("推進計画.pdf</a>");
        html.ShouldContain("name=\"version\" value=\"2\""); // the draft, then the file: two saves

        var stored = await toyonaka.GetFromJsonAsync<JsonElement>(Api(survey));
        stored.GetProperty("state").GetString().ShouldBe("Drafting");
        stored.GetProperty("answers").GetProperty("staff").GetProperty("value").GetString().ShouldBe("十二");
        stored.GetProperty("files").EnumerateArray().Single().GetProperty("fileName").GetString().ShouldBe("推進計画.pdf");
        (await App.EventsAsync("osaka", survey, Toyonaka)).ShouldBe([ResponseEventKind.Saved, ResponseEventKind.Saved]);
        (await App.SubmittedEventsAsync("osaka", survey, Toyonaka)).ShouldBe(0);

        // Corrected, the same post submits once; the file stays attached.
        using var corrected = Form(token, ("version", "2"), ("q.staff", "12"), ("q.uses-ai", "no"), ("q.memo", "庁内の合意形成"));
        using var submitted = await toyonaka.PostAsync(Page(survey, "?handler=Submit"), corrected);
        submitted.StatusCode.ShouldBe(HttpStatusCode.Redirect, await submitted.Content.ReadAsStringAsync());
        var final = await toyonaka.GetFromJsonAsync<JsonElement>(Api(survey));
        final.GetProperty("state").GetString().ShouldBe("Submitted");
        final.GetProperty("files").GetArrayLength().ShouldBe(1);
        (await App.EventsAsync("osaka", survey, Toyonaka)).ShouldBe(
            [ResponseEventKind.Saved, ResponseEventKind.Saved, ResponseEventKind.Saved, ResponseEventKind.Submitted]);
        (await App.SubmittedEventsAsync("osaka", survey, Toyonaka)).ShouldBe(1);
    }

    [Fact]
    public async Task Confirm_all_on_the_page_saves_the_unchanged_form_without_a_new_version_then_confirms_the_prefilled_values()
    {
        var survey = await App.CreateSurveyAsync("osaka", [Toyonaka]);
        await App.UpdateResponseAsync("osaka", survey, Toyonaka, r =>
        {
            r.AnswersJson = new AnswerSet { Answers = { ["staff"] = new Answer { Value = "12", PrefilledFrom = "previous-round" } } }.ToJson();
            r.Version = 1;
            r.State = ResponseState.Drafting;
        });
        using var toyonaka = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        var token = await TokenAsync(toyonaka, survey);
        using var form = Form(token, ("version", "1"), ("q.staff", "12"), ("confirm", "all"));
        using var confirmed = await toyonaka.PostAsync(Page(survey, "?handler=Confirm"), form);
        confirmed.StatusCode.ShouldBe(HttpStatusCode.Redirect, await confirmed.Content.ReadAsStringAsync());

        var stored = await toyonaka.GetFromJsonAsync<JsonElement>(Api(survey));
        stored.GetProperty("unconfirmedCount").GetInt32().ShouldBe(0);
        stored.GetProperty("version").GetInt32().ShouldBe(2); // one save: the confirmation
        stored.GetProperty("answers").GetProperty("staff").GetProperty("confirmed").GetBoolean().ShouldBeTrue();
        (await App.EventsAsync("osaka", survey, Toyonaka)).ShouldBe([ResponseEventKind.Saved]);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_AnswerPagePost(SqliteAppFixture fixture) : AnswerPagePostTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSql_AnswerPagePost(PostgresAppFixture fixture) : AnswerPagePostTests(fixture);
