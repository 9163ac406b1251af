using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.Platform.Identity;
using DxCollab.IntegrationTests.Surveys;
using static DxCollab.IntegrationTests.TalentPool.MatchingTestData;

namespace DxCollab.IntegrationTests.TalentPool;

/// <summary>Assigning through the API: the caps per assignment, capacity across several requests, several experts on one
/// request, the list as each role sees it, cancelling (hours given back), notices, and kyoto never reaching osaka's.</summary>
public abstract class AssignmentApiTests(AppFixture fixture) : AppTest(fixture)
{
    private async Task<(HttpClient Staff, HttpClient Officer, Dictionary<string, long> Areas)> SetUpAsync() =>
        (await App.SignInAsync("osaka", Staff), await App.SignInAsync("osaka", ToyonakaOfficer), await App.SkillAreasAsync("osaka"));

    private static async Task<JsonElement[]> ListAsync(HttpClient client, string query = "", string tenant = "osaka")
    {
        using var response = await client.GetAsync($"/api/v1/{tenant}/talent/assignments{query}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadFromJsonAsync<JsonElement[]>() ?? [];
    }

    private async Task<List<FollowUpTestData.Notice>> ToldOfAsync(string email, long requestId) =>
        (await App.InboxAsync("osaka", email)).Where(n => n.Link == $"/osaka/talent/requests/{requestId}").ToList();

    [Fact]
    public async Task An_assignment_over_the_on_site_or_online_cap_is_refused_400_naming_hours_per_month_and_nothing_is_booked()
    {
        var (staff, officer, areas) = await SetUpAsync();
        var expert = await staff.ExpertAsync(areas, "上限 太郎", capacity: 40, onSiteDaysCap: 3, onlineHoursCap: 10);
        var request = await officer.RequestAsync("セキュリティポリシーの改定", "security-policy");

        using var onSite = await staff.AssignAsync(request, expert, "2031-04", "2031-06", 8, "OnSite");
        var problem = await onSite.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldError("hoursPerMonth").ShouldContain("訪問は 1 件あたり 3 日まで");
        using var online = await staff.AssignAsync(request, expert, "2031-04", "2031-06", 4, "Online");
        (await online.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldError("hoursPerMonth").ShouldContain("オンライン支援は 1 件あたり 10 時間まで");
        (await ListAsync(staff, $"?requestId={request}")).ShouldBeEmpty();

        // Within the caps: 3 months × 7 h on site = 21 h = 3 days.
        await staff.AssignedAsync(request, expert, "2031-04", "2031-06", 7, "OnSite");
    }

    [Fact]
    public async Task Capacity_holds_across_requests_with_a_409_naming_the_month_and_hours_left_and_cancelling_gives_the_hours_back()
    {
        var (staff, officer, areas) = await SetUpAsync();
        var expert = await staff.ExpertAsync(areas, "容量 花子", capacity: 30);
        var first = await officer.RequestAsync("仕様書の書き方", "specification");
        var second = await officer.RequestAsync("ネットワークの見直し", "network");
        var assignment = await staff.AssignedAsync(first, expert, "2031-04", "2031-05", 20);

        using var over = await staff.AssignAsync(second, expert, "2031-05", "2031-06", 11);
        var problem = await over.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem.Detail().ShouldBe("容量 花子 さんの 2031年5月 の残りは 10 時間です（上限 30 時間、割当済み 20 時間）。月 11 時間は割り当てられません。");

        using var cancel = await staff.PostAsync($"/api/v1/osaka/talent/assignments/{assignment}/cancel", null);
        cancel.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await cancel.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("stateName").GetString().ShouldBe("取消");
        await staff.AssignedAsync(second, expert, "2031-05", "2031-06", 30);
        using var again = await staff.PostAsync($"/api/v1/osaka/talent/assignments/{assignment}/cancel", null);
        await again.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        // The first request lost its only expert: back to 調整中.
        using var read = await staff.GetAsync($"/api/v1/osaka/talent/requests/{first}");
        (await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("stateName").GetString().ShouldBe("調整中");
    }

    [Fact]
    public async Task Several_experts_serve_one_request_but_the_same_expert_twice_is_refused()
    {
        var (staff, officer, areas) = await SetUpAsync();
        var a = await staff.ExpertAsync(areas, "複数 一郎");
        var b = await staff.ExpertAsync(areas, "複数 二郎");
        var request = await officer.RequestAsync("窓口の見直し", "front-yard");
        await staff.AssignedAsync(request, a, "2031-04", "2031-04", 10);
        await staff.AssignedAsync(request, b, "2031-04", "2031-04", 10);
        using var twice = await staff.AssignAsync(request, a, "2031-05", "2031-05", 10);
        (await twice.ShouldBeProblemAsync(HttpStatusCode.Conflict)).Detail().ShouldBe("複数 一郎 さんはこの依頼に割当済みです。");
        (await ListAsync(staff, $"?requestId={request}")).Select(x => x.GetProperty("expertName").GetString()).ShouldBe(["複数 二郎", "複数 一郎"]);
        using var read = await officer.GetAsync($"/api/v1/osaka/talent/requests/{request}");
        (await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("stateName").GetString().ShouldBe("割当済");
    }

    [Fact]
    public async Task The_expert_sees_only_their_own_assignments_the_officer_only_its_organisations_and_neither_may_assign_or_cancel()
    {
        var (staff, officer, areas) = await SetUpAsync();
        const string email = "expert.list@osaka.example";
        await App.CreateUserAsync("osaka", email, ExpertPassword, null, Roles.Expert);
        var mine = await staff.ExpertAsync(areas, "一覧 自分", email: email);
        var other = await staff.ExpertAsync(areas, "一覧 他人");
        var toyonaka = await officer.RequestAsync("研修", "staff-training");
        var chihaya = await (await App.SignInAsync("osaka", ChihayaOfficer)).RequestAsync("広報", "public-relations");
        var own = await staff.AssignedAsync(toyonaka, mine, "2031-04", "2031-04", 5);
        var others = await staff.AssignedAsync(chihaya, other, "2031-04", "2031-04", 5);

        var expert = await App.SignInAsync("osaka", email, ExpertPassword);
        (await ListAsync(expert)).Select(x => x.GetProperty("id").GetInt64()).ShouldBe([own]);
        (await expert.GetAsync($"/api/v1/osaka/talent/assignments/{others}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var officerSees = (await ListAsync(officer)).Select(x => x.GetProperty("id").GetInt64()).ToList();
        officerSees.ShouldContain(own);
        officerSees.ShouldNotContain(others);
        (await ListAsync(officer)).ShouldAllBe(x => x.GetProperty("organizationCode").GetString() == ToyonakaCode);
        var chihayas = (await ListAsync(staff, $"?organizationCode={ChihayaCode}")).Select(x => x.GetProperty("id").GetInt64()).ToList();
        chihayas.ShouldContain(others);
        chihayas.ShouldNotContain(own);
        (await ListAsync(staff, $"?requestId={toyonaka}&state=Cancelled")).ShouldBeEmpty();

        using var byExpert = await expert.AssignAsync(toyonaka, other, "2031-05", "2031-05", 5);
        await byExpert.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        using var cancelByOfficer = await officer.PostAsync($"/api/v1/osaka/talent/assignments/{own}/cancel", null);
        await cancelByOfficer.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Kyoto_never_lists_reads_cancels_or_assigns_osakas_assignments()
    {
        var (staff, officer, areas) = await SetUpAsync();
        var expert = await staff.ExpertAsync(areas, "大阪 専門");
        var request = await officer.RequestAsync("データ活用", "data-use");
        var id = await staff.AssignedAsync(request, expert, "2031-04", "2031-04", 5);
        var kyoto = await App.SignInAsync("kyoto", "pref.admin@kyoto.example");

        (await ListAsync(kyoto, tenant: "kyoto")).ShouldBeEmpty();
        (await kyoto.GetAsync($"/api/v1/kyoto/talent/assignments/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await kyoto.PostAsync($"/api/v1/kyoto/talent/assignments/{id}/cancel", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var assign = await kyoto.AssignAsync(request, expert, "2031-05", "2031-05", 5, tenant: "kyoto");
        (await assign.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldError("requestId").ShouldBe("依頼が見つかりません。");
        (await kyoto.GetAsync($"/api/v1/osaka/talent/assignments")).StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
        (await ListAsync(staff, $"?requestId={request}")).Single().GetProperty("stateName").GetString().ShouldBe("開始前");
    }

    [Fact]
    public async Task On_assignment_the_linked_expert_and_the_organisations_officers_are_told_and_on_cancelling_too()
    {
        var (staff, officer, areas) = await SetUpAsync();
        const string email = "expert.notice@osaka.example";
        await App.CreateUserAsync("osaka", email, ExpertPassword, null, Roles.Expert);
        var expert = await staff.ExpertAsync(areas, "通知 次郎", email: email);
        var request = await officer.RequestAsync("生成AIの利用ルール", "ai-rpa");
        var id = await staff.AssignedAsync(request, expert, "2031-04", "2031-06", 10, "Online");

        var told = (await App.InboxAsync("osaka", email)).Single();
        told.Title.ShouldBe("支援の割当: 生成AIの利用ルール");
        told.Body.ShouldBe("通知 次郎 さんに支援が割り当てられました。期間 令和13年4月（2031-04）〜令和13年6月（2031-06）、月 10 時間（オンライン）。");
        told.Link.ShouldBe($"/osaka/talent/assignments/{id}");
        (await ToldOfAsync(ToyonakaOfficer, request)).Single().Title.ShouldBe("専門人材が決まりました: 生成AIの利用ルール");
        (await ToldOfAsync(ChihayaOfficer, request)).ShouldBeEmpty();

        (await staff.PostAsync($"/api/v1/osaka/talent/assignments/{id}/cancel", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await App.InboxAsync("osaka", email)).Last().Title.ShouldBe("支援の割当が取り消されました");
        (await ToldOfAsync(ToyonakaOfficer, request)).Count.ShouldBe(2);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_AssignmentApi(SqliteAppFixture fixture) : AssignmentApiTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSql_AssignmentApi(PostgresAppFixture fixture) : AssignmentApiTests(fixture);
