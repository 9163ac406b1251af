using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DxCollab.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DxCollab.IntegrationTests.TalentPool.RequestTestData;

namespace DxCollab.IntegrationTests.TalentPool;

/// <summary>Making a request through the API: the theme cards and their questions, validation that names the question,
/// a complete request (受付, the prefecture told), and the 「相談したい」 path with its conversation and classification.</summary>
public abstract class RequestIntakeApiTests(AppFixture fixture) : AppTest(fixture)
{
    [Fact]
    public async Task Every_theme_card_asks_three_to_five_questions_and_the_choices_of_those_that_have_them()
    {
        using var officer = await App.SignInAsync("osaka", "chihayaakasaka@osaka.example");
        var themes = await (await officer.GetAsync("/api/v1/osaka/talent/themes")).JsonAsync();
        themes.GetArrayLength().ShouldBe(9);
        foreach (var theme in themes.EnumerateArray())
        {
            var questions = theme.GetProperty("questions");
            questions.GetArrayLength().ShouldBeInRange(3, 5, theme.GetProperty("key").GetString());
        }
        var stage = themes.EnumerateArray().Single(t => t.GetProperty("key").GetString() == "migration-plan").GetProperty("questions")[0];
        stage.GetProperty("options").EnumerateArray().Select(o => o.GetString()).ShouldContain("計画をつくっている");
    }

    [Fact]
    public async Task Unanswered_questions_and_a_choice_not_offered_are_each_named_and_nothing_is_stored()
    {
        using var officer = await App.SignInAsync("osaka", "chihayaakasaka@osaka.example");
        var before = (await (await officer.GetAsync(Requests)).JsonAsync()).GetArrayLength();
        var problem = await (await officer.PostAsJsonAsync(Requests, new
        {
            themeKey = "migration-plan", intake = new Dictionary<string, string> { ["stage"] = "もうすぐ終わる", ["special"] = "ある" },
            preferredFrom = Day(Today.AddDays(-3)),
        })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldError("intake.stage").ShouldContain("「いまの移行作業はどの段階ですか」の答えは");
        problem.FieldError("intake.stage").ShouldContain("「計画をつくっている」");
        problem.FieldError("intake.systems").ShouldBe("「特に心配な業務システムは何ですか」に答えてください。");
        problem.FieldError("intake.schedule").ShouldContain("「いまの事業者（ベンダ）から移行のスケジュールは示されていますか」の答えを選んでください");
        problem.FieldError("preferredFrom").ShouldContain("今日");
        problem.GetProperty("errors").TryGetProperty("intake.concern", out _).ShouldBeFalse(); // optional

        (await (await officer.GetAsync(Requests)).JsonAsync()).GetArrayLength().ShouldBe(before);
    }

    [Fact]
    public async Task An_unknown_theme_a_reversed_period_and_a_period_years_ahead_are_refused_by_field()
    {
        using var officer = await App.SignInAsync("osaka", "chihayaakasaka@osaka.example");
        (await (await officer.PostAsJsonAsync(Requests, new { themeKey = "cobol-rewrite", title = "x" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .FieldError("themeKey").ShouldContain("cobol-rewrite");
        var reversed = await (await officer.PostAsJsonAsync(Requests, new
        {
            themeKey = "network", intake = new Dictionary<string, string> { ["model"] = "βモデル", ["renewal"] = "未定", ["problem"] = "遅い" },
            preferredFrom = Day(Today.AddDays(30)), preferredTo = Day(Today.AddDays(10)),
        })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        reversed.FieldError("preferredTo").ShouldBe("希望する期間の終わりは始まり以降の日付にしてください。");
        var far = await (await officer.PostAsJsonAsync(Requests, new
        {
            themeKey = "network", intake = new Dictionary<string, string> { ["model"] = "βモデル", ["renewal"] = "未定", ["problem"] = "遅い" },
            preferredTo = Day(Today.AddYears(3)),
        })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        far.FieldError("preferredTo").ShouldContain("2 年以内");
    }

    [Fact]
    public async Task A_complete_request_is_received_with_its_answers_and_the_prefecture_s_staff_are_told()
    {
        using var officer = await App.SignInAsync("osaka", "chihayaakasaka@osaka.example");
        var created = await CreateRequestAsync(officer);
        created.GetProperty("state").GetString().ShouldBe("Received");
        created.GetProperty("stateName").GetString().ShouldBe("受付");
        created.GetProperty("organizationCode").GetString().ShouldBe(Chihayaakasaka);
        var id = created.GetProperty("id").GetInt64();

        var detail = await (await officer.GetAsync($"{Requests}/{id}")).JsonAsync();
        var answers = detail.GetProperty("details").GetProperty("answers").EnumerateArray()
            .ToDictionary(a => a.GetProperty("question").GetString()!, a => a.GetProperty("answer").GetString());
        answers["いまの移行作業はどの段階ですか"].ShouldBe("計画をつくっている");
        detail.GetProperty("details").GetProperty("themeTitle").GetString().ShouldBe("標準化の移行計画を見てほしい");

        using var staff = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        var notices = await (await staff.GetAsync("/api/v1/osaka/notifications")).JsonAsync();
        notices.GetProperty("items").EnumerateArray().ShouldContain(n =>
            n.GetProperty("title").GetString()!.Contains("千早赤阪村から支援依頼「住民記録の移行計画」")
            && n.GetProperty("link").GetString() == $"/osaka/talent/requests/{id}");
    }

    [Fact]
    public async Task A_consultation_whose_conversation_is_refused_leaves_no_request_behind()
    {
        using var officer = await App.SignInAsync("osaka", "chihayaakasaka@osaka.example");
        var before = (await (await officer.GetAsync(Requests)).JsonAsync()).GetArrayLength();
        // The 団体 abolished (a merger) while its officer still holds a session: the platform refuses the conversation.
        await SetAbolishedAsync(new DateOnly(2026, 4, 1));
        try
        {
            (await officer.PostAsJsonAsync(Requests, new { title = "DXの進め方", description = "何から始めればよいか分かりません。" }))
                .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
        finally { await SetAbolishedAsync(null); }
        (await (await officer.GetAsync(Requests)).JsonAsync()).GetArrayLength().ShouldBe(before);
    }

    private Task SetAbolishedAsync(DateOnly? on) => App.InTenantAsync("osaka", sp =>
        sp.GetRequiredService<DxCollab.Platform.Data.DxCollabDbContext>().Organizations.Where(o => o.Code == Chihayaakasaka)
            .ExecuteUpdateAsync(set => set.SetProperty(o => o.AbolishedOn, on)));

    [Fact]
    public async Task A_consultation_opens_a_conversation_the_prefecture_answers_and_classifies_with_a_theme()
    {
        using var officer = await App.SignInAsync("osaka", "chihayaakasaka@osaka.example");
        (await (await officer.PostAsJsonAsync(Requests, new { description = "何から始めればよいか分かりません" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .FieldError("title").ShouldBe("相談の件名を入力してください。");
        var created = await CreateRequestAsync(officer, new { title = "DXの進め方", description = "職員2人で何から始めればよいか分かりません。" });
        created.GetProperty("themeKey").ValueKind.ShouldBe(JsonValueKind.Null);
        var id = created.GetProperty("id").GetInt64();
        var threadId = (await (await officer.GetAsync($"{Requests}/{id}")).JsonAsync()).GetProperty("details").GetProperty("threadId").GetInt64();

        using var staff = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        var seen = await (await staff.GetAsync($"{Requests}/{id}")).JsonAsync();
        seen.GetProperty("details").GetProperty("threadId").GetInt64().ShouldBe(threadId);
        seen.GetProperty("details").GetProperty("mayClassify").GetBoolean().ShouldBeTrue();
        var classified = await (await staff.PostAsJsonAsync($"{Requests}/{id}/theme", new { themeKey = "staff-training", version = seen.GetProperty("version").GetInt32() }))
            .JsonAsync();
        classified.GetProperty("themeKey").GetString().ShouldBe("staff-training");
        (await (await staff.GetAsync($"{Requests}?theme=staff-training")).JsonAsync()).EnumerateArray().Select(r => r.GetProperty("id").GetInt64()).ShouldContain(id);

        // The officer may not classify (that is the prefecture's call).
        await (await officer.PostAsJsonAsync($"{Requests}/{id}/theme", new { themeKey = "ai-rpa", version = classified.GetProperty("version").GetInt32() }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_RequestIntakeApi(SqliteAppFixture fixture) : RequestIntakeApiTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSql_RequestIntakeApi(PostgresAppFixture fixture) : RequestIntakeApiTests(fixture);
