using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.Platform.Hosting;
using DxCollab.Platform.Identity;
using DxCollab.Surveys.Domain;
using DxCollab.Surveys.Forms;
using static DxCollab.IntegrationTests.Surveys.AnsweringTestData;

namespace DxCollab.IntegrationTests.Surveys;

/// <summary>Answering through the API: a draft keeps what was typed (errors shown, nothing lost), two officers saving at
/// once are told, submit is checked and published once, the prefecture returns with a comment and the 団体 resubmits,
/// extensions, files, and who may reach which answer.</summary>
public abstract class AnsweringApiTests(AppFixture fixture) : AppTest(fixture)
{
    private static string Path(long survey, string code, string rest = "") => $"/api/v1/osaka/surveys/{survey}/responses/{code}{rest}";

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static object Answers(params (string Key, object Answer)[] answers) => answers.ToDictionary(a => a.Key, a => a.Answer);

    private static Task<HttpResponseMessage> SaveAsync(HttpClient client, long survey, string code, int version, object answers) =>
        client.PutAsJsonAsync(Path(survey, code), new { version, answers });

    [Fact]
    public async Task An_officer_saves_a_draft_with_a_wrong_number_keeps_the_text_then_submit_names_the_question_and_finally_submits_once()
    {
        var survey = await App.CreateSurveyAsync("osaka", [Toyonaka, Chihayaakasaka]);
        using var toyonaka = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        var opened = await JsonAsync(await toyonaka.GetAsync(Path(survey, Toyonaka)));
        opened.GetProperty("state").GetString().ShouldBe("NotStarted");
        opened.GetProperty("respondentName").GetString().ShouldBe("豊中市");
        opened.GetProperty("version").GetInt32().ShouldBe(0);

        var saved = await JsonAsync(await SaveAsync(toyonaka, survey, Toyonaka, 0,
            Answers(("staff", new { value = "十二人" }), ("memo", new { value = "庁内の合意形成" }))));
        saved.GetProperty("state").GetString().ShouldBe("Drafting");
        saved.GetProperty("version").GetInt32().ShouldBe(1);
        saved.GetProperty("lastSavedBy").GetString().ShouldBe("toyonaka@osaka.example");
        saved.GetProperty("answers").GetProperty("staff").GetProperty("value").GetString().ShouldBe("十二人"); // kept as typed
        var staffError = saved.GetProperty("errors").EnumerateArray().Single(e => e.GetProperty("field").GetString() == "staff");
        staffError.GetProperty("rule").GetString().ShouldBe("Format");
        staffError.GetProperty("message").GetString()!.ShouldContain("情報部門の職員数");

        // Submit carries a new draft: it is saved before the check, so the corrected number is kept even though 「生成AI」 is missing.
        var refused = await (await toyonaka.PostAsJsonAsync(Path(survey, Toyonaka, "/submit"),
            new { version = 1, answers = Answers(("staff", new { value = "１２" })) })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        refused.FieldError("uses-ai").ShouldContain("生成AIを利用していますか");
        refused.FieldError("uses-ai").ShouldContain("必須");
        refused.GetProperty("errors").TryGetProperty("ai-tool", out _).ShouldBeFalse(); // hidden until uses-ai = yes
        var current = refused.GetProperty("current");
        current.GetProperty("answers").GetProperty("staff").GetProperty("value").GetString().ShouldBe("１２");
        current.GetProperty("version").GetInt32().ShouldBe(2);

        var submitted = await JsonAsync(await toyonaka.PostAsJsonAsync(Path(survey, Toyonaka, "/submit"),
            new { version = 2, answers = Answers(("uses-ai", new { value = "no" })) }));
        submitted.GetProperty("state").GetString().ShouldBe("Submitted");
        submitted.GetProperty("submittedBy").GetString().ShouldBe("toyonaka@osaka.example");
        (await App.SubmittedEventsAsync("osaka", survey, Toyonaka)).ShouldBe(1);

        // Submitted answers are locked until the prefecture returns them.
        var locked = await (await SaveAsync(toyonaka, survey, Toyonaka, submitted.GetProperty("version").GetInt32(),
            Answers(("memo", new { value = "追記" })))).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        locked.Detail()!.ShouldContain("提出済み");
        (await App.EventsAsync("osaka", survey, Toyonaka)).ShouldBe(
            [ResponseEventKind.Saved, ResponseEventKind.Saved, ResponseEventKind.Saved, ResponseEventKind.Submitted]);
    }

    [Fact]
    public async Task Two_officers_save_the_same_draft_and_the_second_is_told_with_the_current_draft_so_nothing_is_lost_silently()
    {
        var survey = await App.CreateSurveyAsync("osaka", [Toyonaka]);
        await App.CreateUserAsync("osaka", "toyonaka.kikaku@osaka.example", DemoData.Password, Toyonaka, Roles.MunicipalOfficer);
        using var first = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        using var second = await App.SignInAsync("osaka", "toyonaka.kikaku@osaka.example");
        await JsonAsync(await SaveAsync(first, survey, Toyonaka, 0, Answers(("memo", new { value = "情報政策課の案" }))));

        var stale = await (await SaveAsync(second, survey, Toyonaka, 0, Answers(("memo", new { value = "企画課の案" }))))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        stale.Detail()!.ShouldContain("toyonaka@osaka.example");
        var current = stale.GetProperty("current");
        current.GetProperty("answers").GetProperty("memo").GetProperty("value").GetString().ShouldBe("情報政策課の案");
        current.GetProperty("version").GetInt32().ShouldBe(1);

        // Saved again from the version it was shown: accepted, and both saves are in the history.
        var merged = await JsonAsync(await SaveAsync(second, survey, Toyonaka, 1, Answers(("memo", new { value = "情報政策課の案＋企画課の案" }))));
        merged.GetProperty("lastSavedBy").GetString().ShouldBe("toyonaka.kikaku@osaka.example");
        merged.GetProperty("version").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task Saves_racing_at_the_same_moment_never_both_win()
    {
        var survey = await App.CreateSurveyAsync("osaka", [Toyonaka]);
        using var toyonaka = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            SaveAsync(toyonaka, survey, Toyonaka, 0, Answers(("memo", new { value = $"案{i}" })))));
        results.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        results.Where(r => r.StatusCode != HttpStatusCode.OK).ShouldAllBe(r => r.StatusCode == HttpStatusCode.Conflict);
        var stored = await JsonAsync(await toyonaka.GetAsync(Path(survey, Toyonaka)));
        stored.GetProperty("version").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task The_prefecture_returns_an_answer_with_a_comment_the_officers_are_told_and_the_resubmission_is_published_again()
    {
        var survey = await App.CreateSurveyAsync("osaka", [Toyonaka]);
        using var toyonaka = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        using var prefecture = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        var submitted = await JsonAsync(await toyonaka.PostAsJsonAsync(Path(survey, Toyonaka, "/submit"),
            new { version = 0, answers = Answers(("staff", new { value = "12" }), ("uses-ai", new { value = "no" })) }));

        // Staff read every answer but do not write a 団体's; officers do not return.
        (await SaveAsync(prefecture, survey, Toyonaka, submitted.GetProperty("version").GetInt32(), Answers(("memo", new { value = "x" }))))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await (await toyonaka.PostAsJsonAsync(Path(survey, Toyonaka, "/return"), new { comment = "自分で戻す" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var noComment = await (await prefecture.PostAsJsonAsync(Path(survey, Toyonaka, "/return"), new { comment = " " }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        noComment.FieldError("comment").ShouldContain("コメント");

        var returned = await JsonAsync(await prefecture.PostAsJsonAsync(Path(survey, Toyonaka, "/return"),
            new { comment = "職員数は4月1日時点の人数でお願いします。" }));
        returned.GetProperty("state").GetString().ShouldBe("Returned");
        returned.GetProperty("returnComment").GetString().ShouldBe("職員数は4月1日時点の人数でお願いします。");
        var inbox = await toyonaka.GetFromJsonAsync<JsonElement>("/api/v1/osaka/notifications?pageSize=100");
        inbox.GetProperty("items").EnumerateArray().ShouldContain(i => i.GetProperty("title").GetString()!.Contains("差し戻されました"));

        var resubmitted = await JsonAsync(await toyonaka.PostAsJsonAsync(Path(survey, Toyonaka, "/submit"),
            new { version = returned.GetProperty("version").GetInt32(), answers = Answers(("staff", new { value = "14" })) }));
        resubmitted.GetProperty("state").GetString().ShouldBe("Submitted");
        (await App.SubmittedEventsAsync("osaka", survey, Toyonaka)).ShouldBe(2);
        (await App.EventsAsync("osaka", survey, Toyonaka)).ShouldBe(
            [ResponseEventKind.Saved, ResponseEventKind.Submitted, ResponseEventKind.Returned, ResponseEventKind.Saved, ResponseEventKind.Submitted]);
    }

    [Fact]
    public async Task A_prefilled_answer_blocks_the_submission_until_it_is_confirmed_with_one_click()
    {
        var survey = await App.CreateSurveyAsync("osaka", [Toyonaka]);
        await App.UpdateResponseAsync("osaka", survey, Toyonaka, r =>
        {
            r.AnswersJson = new AnswerSet
            {
                Answers = { ["staff"] = new Answer { Value = "11", PrefilledFrom = "previous-round" }, ["uses-ai"] = new Answer { Value = "no" } },
            }.ToJson();
            r.State = ResponseState.Drafting;
            r.Version = 1;
        });
        using var toyonaka = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        var refused = await (await toyonaka.PostAsJsonAsync(Path(survey, Toyonaka, "/submit"), new { version = 1 }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        refused.FieldError("staff").ShouldContain("確認");
        var confirmed = await JsonAsync(await toyonaka.PostAsJsonAsync(Path(survey, Toyonaka, "/confirm"), new { version = 1 }));
        confirmed.GetProperty("unconfirmedCount").GetInt32().ShouldBe(0);
        confirmed.GetProperty("answers").GetProperty("staff").GetProperty("prefilledFrom").GetString().ShouldBe("previous-round");
        await JsonAsync(await toyonaka.PostAsJsonAsync(Path(survey, Toyonaka, "/submit"), new { version = 2 }));
    }

    [Fact]
    public async Task A_municipality_never_reaches_another_s_answer_an_expert_sees_none_and_kyoto_never_reaches_osaka()
    {
        var department = await App.CreateDepartmentAsync("osaka", "総務部 人事課");
        var survey = await App.CreateSurveyAsync("osaka", [Toyonaka, Chihayaakasaka, $"D{department}"]);
        var kyotoSurvey = await App.CreateSurveyAsync("kyoto", [Kasagi]);
        using var chihaya = await App.SignInAsync("osaka", "chihayaakasaka@osaka.example");
        await (await chihaya.GetAsync(Path(survey, Toyonaka))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await SaveAsync(chihaya, survey, Toyonaka, 0, Answers(("memo", new { value = "なりすまし" })))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await chihaya.GetAsync(Path(survey, $"D{department}"))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await chihaya.GetAsync(Path(survey, Chihayaakasaka))).StatusCode.ShouldBe(HttpStatusCode.OK);

        await App.CreateUserAsync("osaka", "expert@osaka.example", DemoData.Password, null, Roles.Expert);
        using var expert = await App.SignInAsync("osaka", "expert@osaka.example");
        await (await expert.GetAsync(Path(survey, Toyonaka))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        using var kyoto = await App.SignInAsync("kyoto", "pref.admin@kyoto.example");
        (await kyoto.GetAsync(Path(survey, Toyonaka))).StatusCode.ShouldBe(HttpStatusCode.Forbidden); // another tenant's address
        await (await kyoto.GetAsync($"/api/v1/kyoto/surveys/{survey}/responses/{Toyonaka}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        using var osakaStaff = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        await (await osakaStaff.GetAsync($"/api/v1/osaka/surveys/{kyotoSurvey}/responses/{Kasagi}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        // The prefecture's staff answer for its departments.
        var saved = await JsonAsync(await SaveAsync(osakaStaff, survey, $"D{department}", 0, Answers(("staff", new { value = "3" }))));
        saved.GetProperty("respondentName").GetString().ShouldBe("総務部 人事課");
    }

    [Fact]
    public async Task A_draft_survey_a_closed_one_and_a_passed_deadline_refuse_saving_with_a_clear_409()
    {
        var draft = await App.CreateSurveyAsync("osaka", [Toyonaka], SurveyState.Draft);
        var closed = await App.CreateSurveyAsync("osaka", [Toyonaka], SurveyState.Closed);
        var late = await App.CreateSurveyAsync("osaka", [Toyonaka], deadlineInDays: -1);
        using var toyonaka = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        await (await toyonaka.GetAsync(Path(draft, Toyonaka))).ShouldBeProblemAsync(HttpStatusCode.NotFound); // not published: not theirs to see
        (await (await SaveAsync(toyonaka, closed, Toyonaka, 0, Answers(("memo", new { value = "x" })))).ShouldBeProblemAsync(HttpStatusCode.Conflict))
            .Detail()!.ShouldContain("締め切られ");
        (await (await SaveAsync(toyonaka, late, Toyonaka, 0, Answers(("memo", new { value = "x" })))).ShouldBeProblemAsync(HttpStatusCode.Conflict))
            .Detail()!.ShouldContain("回答期限");
    }

    [Fact]
    public async Task An_extension_is_requested_once_at_a_time_granted_by_the_prefecture_and_then_saving_is_accepted_again()
    {
        var survey = await App.CreateSurveyAsync("osaka", [Toyonaka], deadlineInDays: -1);
        using var toyonaka = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        using var prefecture = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        var requested = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(10));
        (await (await toyonaka.PostAsJsonAsync(Path(survey, Toyonaka, "/extension"), new { requestedDeadline = requested }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldError("reason").ShouldContain("理由");
        var created = await JsonAsync(await toyonaka.PostAsJsonAsync(Path(survey, Toyonaka, "/extension"),
            new { requestedDeadline = requested, reason = "議会対応のため" }), HttpStatusCode.Created);
        created.GetProperty("decision").GetString().ShouldBe("Pending");
        await (await toyonaka.PostAsJsonAsync(Path(survey, Toyonaka, "/extension"), new { requestedDeadline = requested, reason = "再度" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var id = created.GetProperty("id").GetInt64();
        await (await toyonaka.PostAsJsonAsync(Path(survey, Toyonaka, $"/extension/{id}/decision"), new { decision = "grant" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        var granted = await JsonAsync(await prefecture.PostAsJsonAsync(Path(survey, Toyonaka, $"/extension/{id}/decision"),
            new { decision = "grant", comment = "承知しました" }));
        granted.GetProperty("decision").GetString().ShouldBe("Granted");
        var view = await JsonAsync(await toyonaka.GetAsync(Path(survey, Toyonaka)));
        view.GetProperty("extendedDeadline").GetString().ShouldBe(requested.ToString("yyyy-MM-dd"));
        view.GetProperty("lockedReason").ValueKind.ShouldBe(JsonValueKind.Null);
        await JsonAsync(await SaveAsync(toyonaka, survey, Toyonaka, view.GetProperty("version").GetInt32(), Answers(("memo", new { value = "延長後" }))));
        var inbox = await toyonaka.GetFromJsonAsync<JsonElement>("/api/v1/osaka/notifications?pageSize=100");
        inbox.GetProperty("items").EnumerateArray().ShouldContain(i => i.GetProperty("title").GetString()!.Contains("期限延長が承認"));
        (await App.EventsAsync("osaka", survey, Toyonaka)).ShouldBe(
            [ResponseEventKind.ExtensionRequested, ResponseEventKind.ExtensionGranted, ResponseEventKind.Saved]);
    }

    [Fact]
    public async Task A_refused_extension_keeps_the_deadline_tells_the_officers_and_a_new_request_may_follow()
    {
        var survey = await App.CreateSurveyAsync("osaka", [Toyonaka]);
        using var toyonaka = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        using var prefecture = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        var before = await JsonAsync(await toyonaka.GetAsync(Path(survey, Toyonaka)));
        var deadline = DateOnly.Parse(before.GetProperty("deadline").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        (await (await toyonaka.PostAsJsonAsync(Path(survey, Toyonaka, "/extension"), new { requestedDeadline = deadline, reason = "理由" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldError("requestedDeadline").ShouldContain("より後の日");
        var created = await JsonAsync(await toyonaka.PostAsJsonAsync(Path(survey, Toyonaka, "/extension"),
            new { requestedDeadline = deadline.AddDays(7), reason = "担当者の異動" }), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt64();
        (await (await prefecture.PostAsJsonAsync(Path(survey, Toyonaka, $"/extension/{id}/decision"), new { decision = "maybe" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldError("decision").ShouldContain("grant");
        var refused = await JsonAsync(await prefecture.PostAsJsonAsync(Path(survey, Toyonaka, $"/extension/{id}/decision"),
            new { decision = "refuse", comment = "期限内の提出をお願いします" }));
        refused.GetProperty("decision").GetString().ShouldBe("Refused");
        await (await prefecture.PostAsJsonAsync(Path(survey, Toyonaka, $"/extension/{id}/decision"), new { decision = "grant" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var after = await JsonAsync(await toyonaka.GetAsync(Path(survey, Toyonaka)));
        after.GetProperty("extendedDeadline").ValueKind.ShouldBe(JsonValueKind.Null);
        var inbox = await toyonaka.GetFromJsonAsync<JsonElement>("/api/v1/osaka/notifications?pageSize=100");
        inbox.GetProperty("items").EnumerateArray().ShouldContain(i => i.GetProperty("title").GetString()!.Contains("承認されませんでした"));
        await JsonAsync(await toyonaka.PostAsJsonAsync(Path(survey, Toyonaka, "/extension"),
            new { requestedDeadline = deadline.AddDays(3), reason = "再度のお願い" }), HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_save_that_changes_nothing_makes_no_new_version_and_no_event()
    {
        var survey = await App.CreateSurveyAsync("osaka", [Toyonaka]);
        using var toyonaka = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        await JsonAsync(await SaveAsync(toyonaka, survey, Toyonaka, 0, Answers(("memo", new { value = "同じ文" }))));
        var again = await JsonAsync(await SaveAsync(toyonaka, survey, Toyonaka, 1, Answers(("memo", new { value = "同じ文" }))));
        again.GetProperty("version").GetInt32().ShouldBe(1);
        (await App.EventsAsync("osaka", survey, Toyonaka)).ShouldBe([ResponseEventKind.Saved]);
    }

    private static readonly byte[] PdfBytes = [.. "%PDF-1.7\n"u8.ToArray(), .. Enumerable.Range(0, 2000).Select(i => (byte)(i % 251))];

    private static MultipartFormDataContent FileForm(string fileName, byte[] bytes, int version)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        form.Add(new StringContent(version.ToString(System.Globalization.CultureInfo.InvariantCulture)), "version");
        return form;
    }

    [Fact]
    public async Task A_file_is_attached_to_its_question_too_large_or_refused_kinds_are_named_and_only_its_own_reach_it()
    {
        var survey = await App.CreateSurveyAsync("osaka", [Toyonaka, Chihayaakasaka]);
        using var toyonaka = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        using (var form = FileForm("DX推進計画.pdf", PdfBytes, 0))
        {
            var saved = await JsonAsync(await toyonaka.PostAsync(Path(survey, Toyonaka, "/files/plan"), form));
            var file = saved.GetProperty("files").EnumerateArray().Single();
            file.GetProperty("fileName").GetString().ShouldBe("DX推進計画.pdf");
            saved.GetProperty("answers").GetProperty("plan").GetProperty("fileIds")[0].GetInt64().ShouldBe(file.GetProperty("id").GetInt64());
            var fileId = file.GetProperty("id").GetInt64();
            (await (await toyonaka.GetAsync(Path(survey, Toyonaka, $"/files/{fileId}"))).Content.ReadAsByteArrayAsync()).ShouldBe(PdfBytes);
            using var prefecture = await App.SignInAsync("osaka", "pref.admin@osaka.example");
            (await prefecture.GetAsync(Path(survey, Toyonaka, $"/files/{fileId}"))).StatusCode.ShouldBe(HttpStatusCode.OK);
            using var chihaya = await App.SignInAsync("osaka", "chihayaakasaka@osaka.example");
            await (await chihaya.GetAsync(Path(survey, Toyonaka, $"/files/{fileId}"))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
            // Pointing one's own answer at another 団体's file does not attach it.
            var hijack = await JsonAsync(await SaveAsync(chihaya, survey, Chihayaakasaka, 0, Answers(("plan", new { fileIds = new[] { fileId } }))));
            hijack.GetProperty("files").GetArrayLength().ShouldBe(0);
            await (await chihaya.GetAsync(Path(survey, Chihayaakasaka, $"/files/{fileId}"))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        }
        using (var tooLarge = FileForm("計画.pdf", [.. "%PDF"u8.ToArray(), .. new byte[10 * 1024 * 1024]], 1))
        {
            var problem = await (await toyonaka.PostAsync(Path(survey, Toyonaka, "/files/plan"), tooLarge)).ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
            problem.Detail()!.ShouldContain("DX推進計画");
            problem.Detail()!.ShouldContain("10 MB");
        }
        using (var program = FileForm("tool.exe", [0x4D, 0x5A, 0x90, 0x00], 1))
        {
            var problem = await (await toyonaka.PostAsync(Path(survey, Toyonaka, "/files/plan"), program)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
            problem.FieldError("plan").ShouldContain("DX推進計画");
            problem.FieldError("plan").ShouldContain("受け付けられない種類");
        }
        using (var notFile = FileForm("a.pdf", PdfBytes, 1))
            (await (await toyonaka.PostAsync(Path(survey, Toyonaka, "/files/staff"), notFile)).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
                .FieldError("staff").ShouldContain("ファイルを添付する設問ではありません");
    }

    [Fact]
    public async Task The_answer_downloads_as_xlsx_and_csv_with_labels_and_wareki()
    {
        var survey = await App.CreateSurveyAsync("osaka", [Toyonaka]);
        using var toyonaka = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        await JsonAsync(await SaveAsync(toyonaka, survey, Toyonaka, 0,
            Answers(("staff", new { value = "1200" }), ("uses-ai", new { value = "yes" }), ("ai-tool", new { value = "other", other = "議事録要約" }))));
        using var csv = await toyonaka.GetAsync(Path(survey, Toyonaka, "/download?format=csv"));
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = await csv.Content.ReadAsStringAsync();
        text.ShouldContain("1,200人");
        text.ShouldContain("その他（議事録要約）");
        text.ShouldContain("はい");
        using var xlsx = await toyonaka.GetAsync(Path(survey, Toyonaka, "/download?format=xlsx"));
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        xlsx.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        (await (await toyonaka.GetAsync(Path(survey, Toyonaka, "/download?format=pdf"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .FieldError("format").ShouldContain("xlsx");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_AnsweringApi(SqliteAppFixture fixture) : AnsweringApiTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSql_AnsweringApi(PostgresAppFixture fixture) : AnsweringApiTests(fixture);
