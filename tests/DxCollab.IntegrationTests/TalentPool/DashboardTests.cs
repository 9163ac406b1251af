using System.Net;
using System.Text.Json;
using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.Platform.Data;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Text;
using DxCollab.TalentPool.Domain;
using Microsoft.Extensions.DependencyInjection;
using static DxCollab.IntegrationTests.TalentPool.InsightsTestData;

namespace DxCollab.IntegrationTests.TalentPool;

/// <summary>The prefecture's dashboard over a small arranged pool: two experts, three requests (two assigned this
/// month), logged hours and recorded IT staff. Only the staff see it, and kyoto's dashboard shows nothing of osaka's.</summary>
public abstract class DashboardTests(AppFixture fixture) : AppTest(fixture)
{
    private static DateOnly Today => JapaneseCalendar.TodayInTokyo(DateTimeOffset.UtcNow);
    private static string ThisMonth => Today.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Logged through the activity API (the staff may log on an expert's behalf).</summary>
    private static async Task LogAsync(HttpClient staff, long assignmentId, decimal hours, SupportMode mode) =>
        await (await ActivityTestData.LogAsync(staff, assignmentId, Today, hours, mode.ToString())).JsonAsync(HttpStatusCode.Created);

    private async Task<(long Kimura, long Mori)> ArrangeAsync(HttpClient staff)
    {
        var kimura = await ExpertAsync(staff, "osaka", "木村 一郎", 20);
        var mori = await ExpertAsync(staff, "osaka", "森 花子", 10);
        using var toyonaka = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        using var chihaya = await App.SignInAsync("osaka", "chihayaakasaka@osaka.example");
        var security = await RequestAsync(toyonaka, "osaka", "security-policy", "セキュリティポリシーの改定");
        var migration = await RequestAsync(chihaya, "osaka", "migration-plan", "移行計画を見てほしい");
        await RequestAsync(toyonaka, "osaka", null, "何から始めればよいか相談したい");
        var a1 = await AssignAsync(staff, "osaka", security, kimura, ThisMonth, 8);
        var a2 = await AssignAsync(staff, "osaka", migration, mori, ThisMonth, 5);
        await LogAsync(staff, a1, 3, SupportMode.OnSite);
        await LogAsync(staff, a1, 1.5m, SupportMode.Online);
        await LogAsync(staff, a2, 2, SupportMode.Online);
        (await PutItStaffAsync(staff, "osaka", (Toyono, 0), (Nose, 1), (Chihayaakasaka, 1), (Ikeda, 5))).StatusCode.ShouldBe(HttpStatusCode.OK);
        return (kimura, mori);
    }

    private static JsonElement ById(JsonElement list, long id) => list.EnumerateArray().Single(e => e.GetProperty("expertId").GetInt64() == id);

    [Fact]
    public async Task The_dashboard_shows_booked_and_logged_hours_per_expert_and_municipality_requests_by_theme_waiting_and_quiet_small_sections()
    {
        using var staff = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        var (kimura, mori) = await ArrangeAsync(staff);

        var view = await (await staff.GetAsync("/api/v1/osaka/talent/dashboard")).JsonAsync();
        view.GetProperty("fiscalYear").GetInt32().ShouldBe(JapaneseCalendar.FiscalYear(Today));
        view.GetProperty("fiscalYearName").GetString()!.ShouldStartWith("令和");
        view.GetProperty("months").GetArrayLength().ShouldBe(12);

        var k = ById(view.GetProperty("utilisation"), kimura);
        var month = k.GetProperty("months").EnumerateArray().Single(m => m.GetProperty("month").GetString() == ThisMonth);
        month.GetProperty("capacityHours").GetInt32().ShouldBe(20);
        month.GetProperty("bookedHours").GetInt32().ShouldBe(8);
        month.GetProperty("loggedHours").GetDecimal().ShouldBe(4.5m);
        k.GetProperty("capacityHours").GetInt32().ShouldBe(20 * 12); // months without a booking count the profile's capacity
        k.GetProperty("bookedHours").GetInt32().ShouldBe(8);
        ById(view.GetProperty("utilisation"), mori).GetProperty("loggedHours").GetDecimal().ShouldBe(2m);

        var hours = view.GetProperty("hoursByMunicipality").EnumerateArray().ToList();
        hours.Select(h => h.GetProperty("organizationCode").GetString()).ShouldBe([Toyonaka, Chihayaakasaka]); // most hours first
        hours[0].GetProperty("name").GetString().ShouldBe("豊中市");
        hours[0].GetProperty("loggedHours").GetDecimal().ShouldBe(4.5m);
        hours[0].GetProperty("onSiteVisits").GetInt32().ShouldBe(1);
        hours[0].GetProperty("assignments").GetInt32().ShouldBe(1);

        var themes = view.GetProperty("requestsByTheme").EnumerateArray().ToList();
        int Count(string? theme, string state) => themes.Single(t => (t.GetProperty("themeKey").ValueKind == JsonValueKind.Null ? null : t.GetProperty("themeKey").GetString()) == theme)
            .GetProperty("byState").EnumerateArray().Single(s => s.GetProperty("state").GetString() == state).GetProperty("count").GetInt32();
        // Both have logged activity (through the API), which moves a request to 支援中.
        Count("security-policy", "InSupport").ShouldBe(1);
        Count("migration-plan", "InSupport").ShouldBe(1);
        Count(null, "Received").ShouldBe(1);
        themes.Sum(t => t.GetProperty("total").GetInt32()).ShouldBe(3);

        var waiting = view.GetProperty("waiting").EnumerateArray().Single(w => w.GetProperty("month").GetString() == ThisMonth);
        waiting.GetProperty("requests").GetInt32().ShouldBe(3);
        waiting.GetProperty("assigned").GetInt32().ShouldBe(2);
        waiting.GetProperty("stillWaiting").GetInt32().ShouldBe(1);
        waiting.GetProperty("medianDays").GetDouble().ShouldBeInRange(0, 0.1); // assigned within the same minute

        // 0–1 person sections that never asked: 豊能町 and 能勢町; 千早赤阪村 (1 person) has asked, 池田市 has 5.
        view.GetProperty("quietSmallSections").EnumerateArray().Select(q => q.GetProperty("organizationCode").GetString()).ShouldBe([Toyono, Nose]);
    }

    [Fact]
    public async Task The_dashboard_page_draws_the_figures_with_their_tables()
    {
        using var staff = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        await ArrangeAsync(staff);
        var html = await (await staff.GetAsync("/osaka/talent/dashboard")).Content.ReadAsStringAsync();
        html.ShouldContain("木村 一郎");
        html.ShouldContain("豊中市（272035）");
        html.ShouldContain("豊能町（273210）");
        html.ShouldContain("<svg");
        html.ShouldContain("専門人材ごとの稼働率");
    }

    [Fact]
    public async Task Only_the_prefectures_staff_see_the_dashboard_and_kyoto_learns_nothing_of_osaka()
    {
        using var staff = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        await ArrangeAsync(staff);
        using var officer = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        await (await officer.GetAsync("/api/v1/osaka/talent/dashboard")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await officer.GetAsync("/osaka/talent/dashboard")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await App.CreateUserAsync("osaka", "expert.dash@osaka.example", "Expert-Dash-2026!", null, Roles.Expert);
        using var expert = await App.SignInAsync("osaka", "expert.dash@osaka.example", "Expert-Dash-2026!");
        await (await expert.GetAsync("/api/v1/osaka/talent/dashboard")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        using var kyoto = await App.SignInAsync("kyoto", "pref.admin@kyoto.example");
        await (await kyoto.GetAsync("/api/v1/osaka/talent/dashboard")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var own = await (await kyoto.GetAsync("/api/v1/kyoto/talent/dashboard")).JsonAsync();
        own.GetProperty("utilisation").GetArrayLength().ShouldBe(0);
        own.GetProperty("hoursByMunicipality").GetArrayLength().ShouldBe(0);
        own.GetProperty("quietSmallSections").GetArrayLength().ShouldBe(0);
        own.GetProperty("requestsByTheme").EnumerateArray().Sum(t => t.GetProperty("total").GetInt32()).ShouldBe(0);
    }

    [Fact]
    public async Task A_fiscal_year_out_of_range_is_refused_by_name()
    {
        using var staff = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        var problem = await (await staff.GetAsync("/api/v1/osaka/talent/dashboard?fiscalYear=1999")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldError("fiscalYear").ShouldContain("年度");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_Dashboard(SqliteAppFixture fixture) : DashboardTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSql_Dashboard(PostgresAppFixture fixture) : DashboardTests(fixture);
