using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.MultiTenancy;
using DxCollab.Platform.Calendar;
using DxCollab.Platform.Data;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Organizations;
using DxCollab.Platform.Tenancy;
using DxCollab.Platform.Text;
using DxCollab.Surveys.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.IntegrationTests.Surveys;

/// <summary>The prefecture's staff write, publish, grow and copy a survey through the API; officers read only what
/// their 団体 is asked; an expert and another prefecture see nothing.</summary>
public abstract class AuthoringApiTests(AppFixture fixture) : AppTest(fixture)
{
    private const string Api = "/api/v1/osaka/surveys";
    private const string Admin = "pref.admin@osaka.example", Toyonaka = "toyonaka@osaka.example", Chihaya = "chihayaakasaka@osaka.example";

    private static DateOnly Today => JapaneseCalendar.TodayInTokyo(DateTimeOffset.UtcNow);

    private BusinessCalendar Calendar => App.Factory.Services.GetRequiredService<BusinessCalendar>();

    /// <summary>A 開庁日 about three weeks ahead, inside this 年度 when possible.</summary>
    private DateOnly OpenDay() => Calendar.MoveDeadline(Today.AddDays(21), DeadlineShift.Later);

    private static object Basics(string title, DateOnly deadline, bool confidential = false) => new
    {
        title, purpose = "DX推進体制の把握のため", legalBasis = "地方自治法第245条の4", contact = "大阪府 スマートシティ戦略部 06-0000-0000",
        deadline = deadline.ToString("yyyy-MM-dd"), isConfidential = confidential,
    };

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, body);
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task<long> CreateAsync(HttpClient client, string title, DateOnly deadline) =>
        (await JsonAsync(await client.PostAsJsonAsync(Api, Basics(title, deadline)), HttpStatusCode.Created)).GetProperty("id").GetInt64();

    private static object TwoQuestions(string firstText = "生成AIを利用していますか") => new
    {
        sections = new[]
        {
            new { key = "", title = "生成AIの利用", questions = new object[]
            {
                new { key = "", type = "YesNo", text = firstText, required = true },
                new { key = "", type = "SingleChoice", text = "主な用途", options = new[] { new { value = "doc", label = "文書作成" }, new { value = "qa", label = "問合せ対応" } } },
            } },
        },
    };

    /// <summary>A survey with two questions and the 中核市 as its roster, not yet published.</summary>
    private async Task<long> DraftForCoreCitiesAsync(HttpClient admin, string title = "生成AIの利用状況調査")
    {
        var id = await CreateAsync(admin, title, OpenDay());
        await JsonAsync(await admin.PutAsJsonAsync($"{Api}/{id}/form", TwoQuestions()), HttpStatusCode.OK);
        await JsonAsync(await admin.PutAsJsonAsync($"{Api}/{id}/roster", new { mode = "Categories", categories = new[] { "中核市" } }), HttpStatusCode.OK);
        return id;
    }

    private async Task<T> InOsakaAsync<T>(Func<DxCollabDbContext, Task<T>> work)
    {
        var tenant = await App.Factory.Services.GetRequiredService<IMultiTenantStore<PrefectureTenant>>().GetAsync("osaka");
        using var _ = App.Factory.Services.GetRequiredService<TenantScope<PrefectureTenant>>().Begin(tenant, "test");
        await using var scope = App.Factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<DxCollabDbContext>());
    }

    private static async Task<string[]> NotificationTitlesAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/osaka/notifications")).GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("title").GetString()!).ToArray();

    [Fact]
    public async Task A_deadline_on_a_closed_day_is_accepted_but_flagged_with_the_next_open_day_and_the_year_comes_from_it()
    {
        using var admin = await App.SignInAsync("osaka", Admin);
        var saturday = Today.AddDays(14);
        while (saturday.DayOfWeek != DayOfWeek.Saturday) saturday = saturday.AddDays(1);
        var created = await JsonAsync(await admin.PostAsJsonAsync(Api, Basics("土曜日が期限の照会", saturday)), HttpStatusCode.Created);
        created.GetProperty("state").GetString().ShouldBe("Draft");
        created.GetProperty("fiscalYear").GetInt32().ShouldBe(JapaneseCalendar.FiscalYear(saturday));
        var warning = created.GetProperty("deadlineWarning");
        DateOnly.Parse(warning.GetProperty("suggestedDeadline").GetString()!).ShouldBe(Calendar.NextBusinessDay(saturday));
        warning.GetProperty("message").GetString()!.ShouldContain("閉庁日");

        var onOpenDay = await JsonAsync(await admin.PostAsJsonAsync(Api, Basics("開庁日が期限の照会", OpenDay())), HttpStatusCode.Created);
        onOpenDay.GetProperty("deadlineWarning").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Theory]
    [InlineData("title", "", "件名を入力")]
    [InlineData("legalBasis", "", "根拠")]
    [InlineData("contact", "", "問い合わせ先")]
    [InlineData("deadline", "12月25日", "日付として読めません")]
    public async Task Missing_or_unreadable_basics_are_400_naming_the_field(string field, string value, string message)
    {
        using var admin = await App.SignInAsync("osaka", Admin);
        var body = new Dictionary<string, object?>
        {
            ["title"] = "照会", ["legalBasis"] = "根拠", ["contact"] = "連絡先", ["deadline"] = OpenDay().ToString("yyyy-MM-dd"), [field] = value,
        };
        (await (await admin.PostAsJsonAsync(Api, body)).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldError(field).ShouldContain(message);
    }

    [Fact]
    public async Task The_form_gets_generated_keys_and_a_bad_form_is_400_naming_the_question()
    {
        using var admin = await App.SignInAsync("osaka", Admin);
        var id = await CreateAsync(admin, "様式の検証", OpenDay());
        var saved = await JsonAsync(await admin.PutAsJsonAsync($"{Api}/{id}/form", TwoQuestions()), HttpStatusCode.OK);
        var section = saved.GetProperty("form").GetProperty("sections")[0];
        section.GetProperty("key").GetString().ShouldBe("s1");
        section.GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("key").GetString()).ShouldBe(["q1", "q2"]);
        section.GetProperty("questions")[0].GetProperty("type").GetString().ShouldBe("YesNo");

        // A conditional question on q1 (earlier) is fine; a choice question without options is refused naming it.
        var conditional = new
        {
            sections = new[] { new { key = "s1", title = "生成AIの利用", questions = new object[]
            {
                new { key = "q1", type = "YesNo", text = "生成AIを利用していますか", required = true },
                new { key = "q2", type = "SingleChoice", text = "主な用途", options = new[] { new { value = "doc", label = "文書作成" }, new { value = "qa", label = "問合せ対応" } },
                      showIf = new { questionKey = "q1", anyOf = new[] { "yes" } } },
                new { key = "", type = "MultipleChoice", text = "利用しているツール" },
            } } },
        };
        var problem = await (await admin.PutAsJsonAsync($"{Api}/{id}/form", conditional)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldError("q3").ShouldContain("選択肢を 1 つ以上");

        var unknownKey = new { sections = new[] { new { key = "s1", title = "x", questions = new object[] { new { key = "q99", type = "YesNo", text = "?" } } } } };
        (await (await admin.PutAsJsonAsync($"{Api}/{id}/form", unknownKey)).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .FieldError("q99").ShouldContain("この様式にありません");
    }

    [Fact]
    public async Task Publishing_to_the_core_cities_creates_one_response_each_and_tells_their_officers()
    {
        using var admin = await App.SignInAsync("osaka", Admin);
        using var toyonaka = await App.SignInAsync("osaka", Toyonaka);
        using var chihaya = await App.SignInAsync("osaka", Chihaya);
        await App.CreateUserAsync("osaka", "expert.in.toyonaka@osaka.example", "Expert-Toyonaka-2026!", "272035", Roles.Expert);
        var id = await DraftForCoreCitiesAsync(admin);
        var coreCities = await InOsakaAsync(db => db.Organizations.Where(o => o.Type == OrganizationType.CoreCity && o.AbolishedOn == null)
            .Select(o => o.Code).ToListAsync());
        coreCities.ShouldContain("272035");

        var roster = await admin.GetFromJsonAsync<JsonElement>($"{Api}/{id}/roster");
        roster.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("code").GetString()).ShouldBe(coreCities.Order(), ignoreOrder: true);

        var published = await JsonAsync(await admin.PostAsync($"{Api}/{id}/publish", null), HttpStatusCode.OK);
        published.GetProperty("state").GetString().ShouldBe("Published");
        published.GetProperty("respondents").GetInt32().ShouldBe(coreCities.Count);
        var responses = await InOsakaAsync(db => db.Set<SurveyResponse>().Where(r => r.SurveyId == id).ToListAsync());
        responses.Select(r => r.RespondentCode).ShouldBe(coreCities, ignoreOrder: true);
        responses.ShouldAllBe(r => r.State == ResponseState.NotStarted);

        (await NotificationTitlesAsync(toyonaka)).ShouldContain(t => t.Contains("生成AIの利用状況調査") && t.Contains("回答をお願いします"));
        (await NotificationTitlesAsync(chihaya)).ShouldNotContain(t => t.Contains("生成AIの利用状況調査")); // a village is not on the roster
        // An expert placed in 豊中市 sees no survey, so is told of none.
        var expertNotices = await InOsakaAsync(db => db.Notifications.Where(n => db.Users.Any(u => u.Id == n.UserId && u.Email == "expert.in.toyonaka@osaka.example"))
            .CountAsync());
        expertNotices.ShouldBe(0);

        await (await admin.PostAsync($"{Api}/{id}/publish", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Publishing_needs_a_question_a_respondent_and_a_deadline_not_past()
    {
        using var admin = await App.SignInAsync("osaka", Admin);
        var empty = await CreateAsync(admin, "質問なし", OpenDay());
        (await (await admin.PostAsync($"{Api}/{empty}/publish", null)).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldError("form").ShouldContain("質問");

        await JsonAsync(await admin.PutAsJsonAsync($"{Api}/{empty}/form", TwoQuestions()), HttpStatusCode.OK);
        (await (await admin.PostAsync($"{Api}/{empty}/publish", null)).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldError("roster").ShouldContain("回答する団体");

        var past = await CreateAsync(admin, "期限切れ", Today.AddDays(-1));
        await JsonAsync(await admin.PutAsJsonAsync($"{Api}/{past}/form", TwoQuestions()), HttpStatusCode.OK);
        await JsonAsync(await admin.PutAsJsonAsync($"{Api}/{past}/roster", new { mode = "All" }), HttpStatusCode.OK);
        (await (await admin.PostAsync($"{Api}/{past}/publish", null)).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldError("deadline").ShouldContain("過ぎています");
    }

    [Fact]
    public async Task After_publishing_only_additions_are_allowed_and_each_is_recorded_and_told()
    {
        using var admin = await App.SignInAsync("osaka", Admin);
        using var toyonaka = await App.SignInAsync("osaka", Toyonaka);
        var id = await DraftForCoreCitiesAsync(admin, "追加だけの照会");
        var revision = (await JsonAsync(await admin.PostAsync($"{Api}/{id}/publish", null), HttpStatusCode.OK)).GetProperty("formRevision").GetInt32();

        // Removing q2 or changing q1's type is refused, naming the question.
        var removed = new { sections = new[] { new { key = "s1", title = "生成AIの利用", questions = new object[] { new { key = "q1", type = "YesNo", text = "生成AIを利用していますか", required = true } } } } };
        var conflict = await (await admin.PutAsJsonAsync($"{Api}/{id}/form", removed)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        conflict.Detail().ShouldNotBeNull().ShouldContain("q2");
        conflict.Detail()!.ShouldContain("削除できません");

        // Adding an option and a question is accepted: the revision moves on, every response records it, respondents are told.
        var grown = new
        {
            sections = new[] { new { key = "s1", title = "生成AIの利用", questions = new object[]
            {
                new { key = "q1", type = "YesNo", text = "生成AIを利用していますか", required = true },
                new { key = "q2", type = "SingleChoice", text = "主な用途", options = new[] { new { value = "doc", label = "文書作成" }, new { value = "qa", label = "問合せ対応" }, new { value = "code", label = "プログラミング" } } },
                new { key = "", type = "LongText", text = "課題があればお書きください" },
            } } },
        };
        var saved = await JsonAsync(await admin.PutAsJsonAsync($"{Api}/{id}/form", grown), HttpStatusCode.OK);
        saved.GetProperty("formRevision").GetInt32().ShouldBe(revision + 1);
        saved.GetProperty("form").GetProperty("sections")[0].GetProperty("questions")[2].GetProperty("key").GetString().ShouldBe("q3");
        var (responses, changes) = await InOsakaAsync(async db => (
            await db.Set<SurveyResponse>().CountAsync(r => r.SurveyId == id),
            await db.Set<SurveyResponseEvent>().CountAsync(e => e.SurveyId == id && e.Kind == ResponseEventKind.FormChanged)));
        changes.ShouldBe(responses);
        (await NotificationTitlesAsync(toyonaka)).ShouldContain(t => t.Contains("追加だけの照会") && t.Contains("変更されました"));

        // The deadline may only move later; a confidentiality change is refused.
        var deadline = DateOnly.Parse(saved.GetProperty("deadline").GetString()!);
        (await (await admin.PutAsJsonAsync($"{Api}/{id}", Basics("追加だけの照会", deadline.AddDays(-1)))).ShouldBeProblemAsync(HttpStatusCode.Conflict))
            .Detail().ShouldNotBeNull().ShouldContain("延ばすことだけ");
        (await JsonAsync(await admin.PutAsJsonAsync($"{Api}/{id}", Basics("追加だけの照会", deadline.AddDays(7))), HttpStatusCode.OK))
            .GetProperty("formRevision").GetInt32().ShouldBe(revision + 2);
        await (await admin.PutAsJsonAsync($"{Api}/{id}", Basics("追加だけの照会", deadline.AddDays(7), confidential: true))).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task After_publishing_the_roster_only_grows_and_a_new_respondent_gets_its_response()
    {
        using var admin = await App.SignInAsync("osaka", Admin);
        using var chihaya = await App.SignInAsync("osaka", Chihaya);
        var id = await DraftForCoreCitiesAsync(admin, "名簿を広げる照会");
        await JsonAsync(await admin.PostAsync($"{Api}/{id}/publish", null), HttpStatusCode.OK);

        var narrowed = await (await admin.PutAsJsonAsync($"{Api}/{id}/roster", new { mode = "Picked", codes = new[] { "272035" } }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        narrowed.Detail().ShouldNotBeNull().ShouldContain("外せません");

        var grown = await JsonAsync(await admin.PutAsJsonAsync($"{Api}/{id}/roster", new { mode = "Categories", categories = new[] { "CoreCity", "TownOrVillage" } }),
            HttpStatusCode.OK);
        grown.GetProperty("entries").EnumerateArray().ShouldContain(e => e.GetProperty("code").GetString() == "273830");
        (await InOsakaAsync(db => db.Set<SurveyResponse>().AnyAsync(r => r.SurveyId == id && r.RespondentCode == "273830"))).ShouldBeTrue();
        (await NotificationTitlesAsync(chihaya)).ShouldContain(t => t.Contains("名簿を広げる照会") && t.Contains("回答をお願いします"));
        (await chihaya.GetAsync($"{Api}/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_unknown_roster_entry_is_400_naming_it()
    {
        using var admin = await App.SignInAsync("osaka", Admin);
        var id = await CreateAsync(admin, "名簿の検証", OpenDay());
        (await (await admin.PutAsJsonAsync($"{Api}/{id}/roster", new { mode = "Picked", codes = new[] { "263648" } })).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .FieldError("codes").ShouldContain("263648"); // 笠置町 is kyoto's
        (await (await admin.PutAsJsonAsync($"{Api}/{id}/roster", new { mode = "Categories", categories = new[] { "都道府県" } })).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .FieldError("categories").ShouldContain("都道府県");
        (await (await admin.PutAsJsonAsync($"{Api}/{id}/roster", new { mode = "All", departments = new[] { 999999 } })).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .FieldError("departments").ShouldContain("999999");
    }

    [Fact]
    public async Task A_department_can_be_a_respondent()
    {
        using var admin = await App.SignInAsync("osaka", Admin);
        var department = await JsonAsync(await admin.PostAsJsonAsync($"{Api}/departments", new { name = "総務部 行政改革課" }), HttpStatusCode.Created);
        var departmentId = department.GetProperty("id").GetInt64();
        await (await admin.PostAsJsonAsync($"{Api}/departments", new { name = "総務部　行政改革課" })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var id = await CreateAsync(admin, "部局への照会", OpenDay());
        await JsonAsync(await admin.PutAsJsonAsync($"{Api}/{id}/form", TwoQuestions()), HttpStatusCode.OK);
        await JsonAsync(await admin.PutAsJsonAsync($"{Api}/{id}/roster", new { mode = "None", departments = new[] { departmentId } }), HttpStatusCode.OK);
        await JsonAsync(await admin.PostAsync($"{Api}/{id}/publish", null), HttpStatusCode.OK);
        (await InOsakaAsync(db => db.Set<SurveyResponse>().Where(r => r.SurveyId == id).Select(r => r.RespondentCode).ToListAsync()))
            .ShouldBe([$"D{departmentId}"]);
    }

    [Fact]
    public async Task The_builder_warns_of_a_question_asked_again_this_year_whatever_the_width_of_its_letters()
    {
        using var admin = await App.SignInAsync("osaka", Admin);
        var deadline = OpenDay();
        var first = await CreateAsync(admin, "KPI進捗照会（上期）", deadline);
        await JsonAsync(await admin.PutAsJsonAsync($"{Api}/{first}/form", TwoQuestions("ＫＰＩの達成状況を教えてください")), HttpStatusCode.OK);
        var second = await CreateAsync(admin, "KPI進捗照会（下期）", deadline);
        await JsonAsync(await admin.PutAsJsonAsync($"{Api}/{second}/form", TwoQuestions("KPI の達成状況を教えてください")), HttpStatusCode.OK);
        var other = await CreateAsync(admin, "来年度の照会", deadline.AddYears(1));
        await JsonAsync(await admin.PutAsJsonAsync($"{Api}/{other}/form", TwoQuestions("KPIの達成状況を教えてください")), HttpStatusCode.OK);

        var repeats = (await admin.GetFromJsonAsync<JsonElement[]>($"{Api}/{second}/repeats"))!;
        var kpi = repeats.Single(r => r.GetProperty("questionKey").GetString() == "q1");
        kpi.GetProperty("otherSurveyId").GetInt64().ShouldBe(first);
        kpi.GetProperty("otherSurveyTitle").GetString().ShouldBe("KPI進捗照会（上期）");
        repeats.ShouldNotContain(r => r.GetProperty("otherSurveyId").GetInt64() == other); // another 年度
    }

    [Fact]
    public async Task A_copy_is_a_new_draft_round_with_the_same_keys_and_roster_and_a_new_deadline()
    {
        using var admin = await App.SignInAsync("osaka", Admin);
        var id = await DraftForCoreCitiesAsync(admin, "令和8年度 DX推進状況調査");
        await JsonAsync(await admin.PostAsync($"{Api}/{id}/publish", null), HttpStatusCode.OK);
        await JsonAsync(await admin.PostAsync($"{Api}/{id}/close", null), HttpStatusCode.OK);

        (await (await admin.PostAsJsonAsync($"{Api}/{id}/copy", new { })).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldError("deadline").ShouldContain("回答期限");
        var deadline = OpenDay().AddDays(30);
        var copy = await JsonAsync(await admin.PostAsJsonAsync($"{Api}/{id}/copy", new { deadline = deadline.ToString("yyyy-MM-dd"), title = "令和9年度 DX推進状況調査" }),
            HttpStatusCode.Created);
        copy.GetProperty("state").GetString().ShouldBe("Draft");
        copy.GetProperty("copiedFromSurveyId").GetInt64().ShouldBe(id);
        copy.GetProperty("title").GetString().ShouldBe("令和9年度 DX推進状況調査");
        copy.GetProperty("deadline").GetString().ShouldBe(deadline.ToString("yyyy-MM-dd"));
        copy.GetProperty("form").GetProperty("sections")[0].GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("key").GetString()).ShouldBe(["q1", "q2"]);
        copy.GetProperty("roster").GetProperty("mode").GetString().ShouldBe("Categories");
        (await InOsakaAsync(db => db.Set<SurveyResponse>().CountAsync(r => r.SurveyId == copy.GetProperty("id").GetInt64()))).ShouldBe(0);

        // A closed survey takes no change; only a draft can be deleted.
        await (await admin.PutAsJsonAsync($"{Api}/{id}/form", TwoQuestions())).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await admin.DeleteAsync($"{Api}/{id}")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await admin.DeleteAsync($"{Api}/{copy.GetProperty("id").GetInt64()}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task An_officer_reads_only_published_surveys_of_its_own_body_and_cannot_author()
    {
        using var admin = await App.SignInAsync("osaka", Admin);
        using var toyonaka = await App.SignInAsync("osaka", Toyonaka);
        using var chihaya = await App.SignInAsync("osaka", Chihaya);
        var id = await DraftForCoreCitiesAsync(admin, "担当者に見える照会");

        await (await toyonaka.GetAsync($"{Api}/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound); // a draft
        (await toyonaka.GetFromJsonAsync<JsonElement[]>(Api))!.ShouldNotContain(s => s.GetProperty("id").GetInt64() == id);
        await JsonAsync(await admin.PostAsync($"{Api}/{id}/publish", null), HttpStatusCode.OK);

        var seen = await JsonAsync(await toyonaka.GetAsync($"{Api}/{id}"), HttpStatusCode.OK);
        seen.GetProperty("ownRespondentCode").GetString().ShouldBe("272035");
        seen.GetProperty("ownStateName").GetString().ShouldBe("未着手");
        seen.GetProperty("roster").ValueKind.ShouldBe(JsonValueKind.Null);
        var list = await toyonaka.GetFromJsonAsync<JsonElement[]>(Api);
        list!.Single(s => s.GetProperty("id").GetInt64() == id).GetProperty("businessDaysLeft").GetInt32().ShouldBeGreaterThan(0);

        await (await chihaya.GetAsync($"{Api}/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound); // not on the roster
        (await chihaya.GetFromJsonAsync<JsonElement[]>(Api))!.ShouldNotContain(s => s.GetProperty("id").GetInt64() == id);

        await (await toyonaka.PostAsJsonAsync(Api, Basics("担当者の照会", OpenDay()))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await toyonaka.PutAsJsonAsync($"{Api}/{id}/form", TwoQuestions())).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await toyonaka.PostAsync($"{Api}/{id}/close", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await toyonaka.GetAsync($"{Api}/{id}/roster")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_expert_sees_no_survey_and_kyoto_never_sees_osakas()
    {
        using var admin = await App.SignInAsync("osaka", Admin);
        var id = await DraftForCoreCitiesAsync(admin, "大阪府だけの照会");
        await JsonAsync(await admin.PostAsync($"{Api}/{id}/publish", null), HttpStatusCode.OK);

        await App.CreateUserAsync("osaka", "expert.surveys@osaka.example", "Expert-Surveys-2026!", null, Roles.Expert);
        using var expert = await App.SignInAsync("osaka", "expert.surveys@osaka.example", "Expert-Surveys-2026!");
        (await expert.GetAsync(Api)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await expert.GetAsync($"{Api}/{id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var kyoto = await App.SignInAsync("kyoto", "pref.admin@kyoto.example");
        await (await kyoto.GetAsync($"/api/v1/kyoto/surveys/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await kyoto.PutAsJsonAsync($"/api/v1/kyoto/surveys/{id}/form", TwoQuestions())).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await kyoto.GetFromJsonAsync<JsonElement[]>("/api/v1/kyoto/surveys"))!.ShouldBeEmpty();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_AuthoringApi(SqliteAppFixture fixture) : AuthoringApiTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSql_AuthoringApi(PostgresAppFixture fixture) : AuthoringApiTests(fixture);
