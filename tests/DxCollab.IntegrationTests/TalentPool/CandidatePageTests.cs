using System.Net;
using System.Text.RegularExpressions;
using DxCollab.IntegrationTests.Infrastructure;
using static DxCollab.IntegrationTests.TalentPool.MatchingTestData;

namespace DxCollab.IntegrationTests.TalentPool;

/// <summary>The candidates page without JavaScript: the staff see the ranking with reasons and assign through the plain
/// form (the request becomes 割当済); a refused assignment keeps the typed hours and says why; others may not open it.</summary>
public abstract partial class CandidatePageTests(AppFixture fixture) : AppTest(fixture)
{
    /// <summary>Months counted from the first month of the request's period (two months from now, Tokyo): the intake
    /// accepts periods from today up to two years ahead.</summary>
    private static DateOnly M(int offset)
    {
        var today = DxCollab.Platform.Text.JapaneseCalendar.TodayInTokyo(DateTimeOffset.UtcNow);
        return new DateOnly(today.Year, today.Month, 1).AddMonths(2 + offset);
    }

    private static DateOnly MonthEnd(int offset) => M(offset + 1).AddDays(-1);

    private static string Ym(int offset) => M(offset).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

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

    [Fact]
    public async Task The_staff_assign_from_the_ranked_list_through_the_plain_form_and_the_request_shows_assigned()
    {
        var staff = await App.SignInAsync("osaka", Staff);
        var areas = await App.SkillAreasAsync("osaka");
        var expert = await staff.ExpertAsync(areas, "画面 指導", 20, [("データ利活用", 3)], onlineHoursCap: 10);
        var request = await (await App.SignInAsync("osaka", ToyonakaOfficer)).RequestAsync("データを活用したい", "data-use",
            M(0), MonthEnd(1), "Online");
        var path = $"/osaka/talent/requests/{request}/candidates";

        var (html, token) = await OpenAsync(staff, path);
        html.ShouldContain("画面 指導");
        html.ShouldContain("データ利活用（指導できる）");
        html.ShouldContain("状態: <strong id=\"request-state\">受付</strong>");

        // Over the online cap (2 × 6 = 12 hours > 10): refused on the page, the typed hours kept.
        using var refused = await PostAsync(staff, path + "?handler=Assign", token, ("ExpertId", expert.ToString()), ("HoursPerMonth", "6"),
            ("StartMonth", Ym(0)), ("EndMonth", Ym(1)), ("Mode", "Online"));
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await refused.Content.ReadAsStringAsync();
        page.ShouldContain("オンライン支援は 1 件あたり 10 時間まで");
        page.ShouldContain($"id=\"hours-{expert}\" name=\"HoursPerMonth\"");
        Regex.IsMatch(page, $"id=\"hours-{expert}\"[^>]*value=\"6\"").ShouldBeTrue();

        using var assigned = await PostAsync(staff, path + "?handler=Assign", token, ("ExpertId", expert.ToString()), ("HoursPerMonth", "5"),
            ("StartMonth", Ym(0)), ("EndMonth", Ym(1)), ("Mode", "Online"));
        assigned.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        assigned.Headers.Location!.OriginalString.ShouldBe(path);
        (html, _) = await OpenAsync(staff, path);
        html.ShouldContain("画面 指導 さんを割り当てました");
        html.ShouldContain("状態: <strong id=\"request-state\">割当済</strong>");
        html.ShouldContain("画面 指導 さんの割当を取り消す");
    }

    [Fact]
    public async Task Only_the_staff_open_the_candidates_page_and_kyoto_finds_no_osaka_request()
    {
        var officer = await App.SignInAsync("osaka", ToyonakaOfficer);
        var request = await officer.RequestAsync("研修をしてほしい", "staff-training");
        (await officer.GetAsync($"/osaka/talent/requests/{request}/candidates")).StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
        var kyoto = await App.SignInAsync("kyoto", "pref.admin@kyoto.example");
        (await kyoto.GetAsync($"/kyoto/talent/requests/{request}/candidates")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_CandidatePage(SqliteAppFixture fixture) : CandidatePageTests(fixture);
