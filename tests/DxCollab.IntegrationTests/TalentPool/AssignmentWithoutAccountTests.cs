using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.Platform.Identity;
using static DxCollab.IntegrationTests.Surveys.FollowUpTestData;
using static DxCollab.IntegrationTests.TalentPool.MatchingTestData;

namespace DxCollab.IntegrationTests.TalentPool;

/// <summary>An expert profile with no account cannot be told of an assignment: the answer and the candidates page say so
/// plainly and point to the invitation; an Expert account made later (with the profile's e-mail) is linked at the next
/// assignment and told.</summary>
public abstract partial class AssignmentWithoutAccountTests(AppFixture fixture) : AppTest(fixture)
{
    private static DateOnly M(int offset)
    {
        var today = DxCollab.Platform.Text.JapaneseCalendar.TodayInTokyo(DateTimeOffset.UtcNow);
        return new DateOnly(today.Year, today.Month, 1).AddMonths(2 + offset);
    }

    private static string Ym(int offset) => M(offset).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Assigning_an_expert_without_an_account_says_they_were_not_told_and_an_account_made_later_is_linked_and_told_next_time()
    {
        var email = $"expert.noaccount.{Guid.NewGuid().ToString("N")[..8]}@osaka.example";
        using var staff = await App.SignInAsync("osaka", Staff);
        var areas = await App.SkillAreasAsync("osaka");
        var expert = await staff.ExpertAsync(areas, "田中 未登録", 40, email: email);
        using var toyonaka = await App.SignInAsync("osaka", ToyonakaOfficer);
        var first = await toyonaka.RequestAsync("ネットワークを見てほしい", null);

        using var response = await staff.AssignAsync(first, expert, Ym(0), Ym(1), 5);
        var assigned = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, assigned.ToString());
        assigned.GetProperty("expertNotified").GetBoolean().ShouldBeFalse();
        assigned.GetProperty("warning").GetString().ShouldBe($"田中 未登録さんはアカウントが未作成のため通知されていません。招待してください（招待メールは {email} に届きます）。");
        // The 団体 is told either way; a later read of the assignment carries no warning.
        (await App.InboxAsync("osaka", ToyonakaOfficer)).ShouldContain(n => n.Title == "専門人材が決まりました: ネットワークを見てほしい");
        var read = await staff.GetFromJsonAsync<JsonElement>($"/api/v1/osaka/talent/assignments/{assigned.GetProperty("id").GetInt64()}");
        read.TryGetProperty("warning", out _).ShouldBeFalse();

        // The administrator makes an Expert account with the profile's e-mail: the next assignment links and tells it.
        await App.CreateUserAsync("osaka", email, "Expert-NoAccount-2026!", null, Roles.Expert);
        var second = await toyonaka.RequestAsync("セキュリティを見てほしい", null);
        using var again = await staff.AssignAsync(second, expert, Ym(0), Ym(1), 5);
        var told = await again.Content.ReadFromJsonAsync<JsonElement>();
        again.StatusCode.ShouldBe(HttpStatusCode.Created, told.ToString());
        told.GetProperty("expertNotified").GetBoolean().ShouldBeTrue();
        told.TryGetProperty("warning", out _).ShouldBeFalse();
        (await App.InboxAsync("osaka", email)).Select(n => n.Title).ShouldBe(["支援の割当: セキュリティを見てほしい"]);
        using var signedIn = await App.SignInAsync("osaka", email, "Expert-NoAccount-2026!");
        (await signedIn.GetFromJsonAsync<JsonElement>("/api/v1/osaka/talent/assignments")).GetArrayLength().ShouldBe(2);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [Fact]
    public async Task On_the_candidates_page_the_staff_read_that_the_expert_was_not_told_with_a_link_to_invite_them()
    {
        using var staff = await App.SignInAsync("osaka", Staff);
        var areas = await App.SkillAreasAsync("osaka");
        var expert = await staff.ExpertAsync(areas, "佐藤 未登録", 40, email: $"expert.page.{Guid.NewGuid().ToString("N")[..8]}@osaka.example");
        using var toyonaka = await App.SignInAsync("osaka", ToyonakaOfficer);
        var request = await toyonaka.RequestAsync("調達を相談したい", null);
        var path = $"/osaka/talent/requests/{request}/candidates";
        var token = WebUtility.HtmlDecode(TokenPattern().Match(await staff.GetStringAsync(path)).Groups[1].Value);
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (name, value) in new[] { ("ExpertId", expert.ToString()), ("HoursPerMonth", "5"), ("StartMonth", Ym(0)), ("EndMonth", Ym(1)), ("Mode", "Online") })
            form.Add(new StringContent(value), name);
        using var assigned = await staff.PostAsync($"{path}?handler=Assign", form);
        assigned.StatusCode.ShouldBe(HttpStatusCode.Redirect, await assigned.Content.ReadAsStringAsync());

        var html = WebUtility.HtmlDecode(await staff.GetStringAsync(path));
        html.ShouldContain("佐藤 未登録 さんを割り当てました");
        html.ShouldContain("佐藤 未登録さんはアカウントが未作成のため通知されていません。招待してください");
        html.ShouldContain($"href=\"/osaka/talent/experts/{expert}#invite-account\"");
        // Said once: the next visit no longer shows it.
        WebUtility.HtmlDecode(await staff.GetStringAsync(path)).ShouldNotContain("通知されていません");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_AssignmentWithoutAccount(SqliteAppFixture fixture) : AssignmentWithoutAccountTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSql_AssignmentWithoutAccount(PostgresAppFixture fixture) : AssignmentWithoutAccountTests(fixture);
