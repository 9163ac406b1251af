using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DxCollab.IntegrationTests.Infrastructure;
using static DxCollab.IntegrationTests.TalentPool.MatchingTestData;

namespace DxCollab.IntegrationTests.TalentPool;

/// <summary>The ranked candidates of a request through the API: order and reasons from the real data (skills, capacity
/// left, earlier work with the 団体, availability), 「相談したい」 without a skill part, staff only, never across tenants.</summary>
public abstract class CandidateApiTests(AppFixture fixture) : AppTest(fixture)
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

    private static async Task<JsonElement> RankAsync(HttpClient client, long requestId, string tenant = "osaka")
    {
        using var response = await client.GetAsync($"/api/v1/{tenant}/talent/requests/{requestId}/candidates");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static string Reason(JsonElement candidate, string part) =>
        candidate.GetProperty("reasons").EnumerateArray().Single(r => r.GetProperty("part").GetString() == part).GetProperty("text").GetString()!;

    [Fact]
    public async Task Candidates_are_ranked_by_skill_capacity_left_and_history_with_the_reasons_and_assigned_experts_left_out()
    {
        var staff = await App.SignInAsync("osaka", Staff);
        var officer = await App.SignInAsync("osaka", ToyonakaOfficer);
        var areas = await App.SkillAreasAsync("osaka");
        const string security = "情報セキュリティ";
        var expertA = await staff.ExpertAsync(areas, "候補 指導", 40, [(security, 3)]);
        var expertB = await staff.ExpertAsync(areas, "候補 実務", 40, [(security, 2)]);
        var busy = await staff.ExpertAsync(areas, "候補 多忙", 40, [(security, 3)]);
        var away = await staff.ExpertAsync(areas, "候補 不在", 40, [(security, 3)], availability: [new { from = M(9), to = MonthEnd(11) }]);
        var request = await officer.RequestAsync("セキュリティポリシー改定", "security-policy", M(0), MonthEnd(2));
        // 多忙: 30 of 40 hours booked in the period for another request; 実務: assigned to 豊中市 on another request.
        var earlier = await officer.RequestAsync("以前の依頼", "network");
        await staff.AssignedAsync(earlier, busy, Ym(1), Ym(1), 30);
        await staff.AssignedAsync(earlier, expertB, Ym(3), Ym(3), 5); // after the period: history only (a past month cannot be assigned)
        var third = await staff.ExpertAsync(areas, "候補 割当済", 40, [(security, 3)]);
        await staff.AssignedAsync(request, third, Ym(0), Ym(0), 5);

        var list = await RankAsync(staff, request);
        list.GetProperty("fromMonth").GetString().ShouldBe(Ym(0));
        list.GetProperty("toMonth").GetString().ShouldBe(Ym(2));
        list.GetProperty("assignedExpertIds").EnumerateArray().Select(x => x.GetInt64()).ShouldBe([third]);
        var ours = list.GetProperty("candidates").EnumerateArray().Where(c => c.GetProperty("name").GetString()!.StartsWith("候補")).ToList();
        ours.Select(c => c.GetProperty("expertId").GetInt64()).ShouldBe([expertA, expertB, busy, away]);
        Reason(ours[0], "スキル").ShouldBe("情報セキュリティ（指導できる）");
        Reason(ours[1], "支援実績").ShouldBe("この団体の支援実績 1 件");
        Reason(ours[2], "残り時間").ShouldBe("期間中の各月に少なくとも 10 時間の空き（月 40 時間のうち）");
        Reason(ours[3], "対応できる期間").ShouldBe("希望期間に対応できる期間がありません。");
        ours.ShouldAllBe(c => c.GetProperty("reasons").GetArrayLength() == 7);
    }

    [Fact]
    public async Task A_renamed_skill_area_still_answers_its_themes_under_its_new_name_and_a_new_area_of_the_old_name_does_not()
    {
        var staff = await App.SignInAsync("osaka", Staff);
        var areas = await App.SkillAreasAsync("osaka");
        const string network = "ネットワーク", renamed = "ネットワーク（LAN・回線）";
        var expert = await staff.ExpertAsync(areas, "改名 確認", 40, [(network, 2)]);
        (await staff.PutAsJsonAsync($"/api/v1/osaka/talent/skills/{areas[network]}", new { name = renamed })).StatusCode.ShouldBe(HttpStatusCode.OK);
        try
        {
            // An area the staff add under the old name is theirs: it answers no theme card.
            var added = await (await staff.PostAsJsonAsync("/api/v1/osaka/talent/skills", new { name = network })).Content.ReadFromJsonAsync<JsonElement>();
            var other = await staff.ExpertAsync(new Dictionary<string, long> { [network] = added.GetProperty("id").GetInt64() }, "改名 別分野", 40, [(network, 3)]);
            var request = await (await App.SignInAsync("osaka", ToyonakaOfficer)).RequestAsync("回線の見直し", "network");
            var candidates = (await RankAsync(staff, request)).GetProperty("candidates").EnumerateArray().ToList();
            Reason(candidates.Single(c => c.GetProperty("expertId").GetInt64() == expert), "スキル").ShouldStartWith($"{renamed}（");
            Reason(candidates.Single(c => c.GetProperty("expertId").GetInt64() == other), "スキル").ShouldBe("テーマのスキル分野の登録がありません。");
        }
        finally
        {
            var now = await App.SkillAreasAsync("osaka");
            await staff.PutAsJsonAsync($"/api/v1/osaka/talent/skills/{now[network]}", new { name = "ネットワーク（追加分）" });
            await staff.PutAsJsonAsync($"/api/v1/osaka/talent/skills/{areas[network]}", new { name = network });
        }
    }

    [Fact]
    public async Task A_request_to_consult_without_a_theme_is_ranked_without_a_skill_part_and_says_so()
    {
        var staff = await App.SignInAsync("osaka", Staff);
        var areas = await App.SkillAreasAsync("osaka");
        await staff.ExpertAsync(areas, "相談 受付", 40, [("BPR", 3)]);
        var request = await (await App.SignInAsync("osaka", ChihayaOfficer)).RequestAsync("何から始めればよいか相談したい", null);
        var list = await RankAsync(staff, request);
        list.GetProperty("themeKey").ValueKind.ShouldBe(JsonValueKind.Null);
        var candidate = list.GetProperty("candidates").EnumerateArray().First(c => c.GetProperty("name").GetString() == "相談 受付");
        Reason(candidate, "スキル").ShouldContain("「相談したい」の依頼でテーマがないため");
    }

    [Fact]
    public async Task Only_the_prefectures_staff_see_candidates_and_kyoto_never_reaches_an_osaka_request()
    {
        var officer = await App.SignInAsync("osaka", ToyonakaOfficer);
        var request = await officer.RequestAsync("仕様書", "specification");
        using var byOfficer = await officer.GetAsync($"/api/v1/osaka/talent/requests/{request}/candidates");
        await byOfficer.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var kyoto = await App.SignInAsync("kyoto", "pref.admin@kyoto.example");
        using var fromKyoto = await kyoto.GetAsync($"/api/v1/kyoto/talent/requests/{request}/candidates");
        await fromKyoto.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_CandidateApi(SqliteAppFixture fixture) : CandidateApiTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSql_CandidateApi(PostgresAppFixture fixture) : CandidateApiTests(fixture);
