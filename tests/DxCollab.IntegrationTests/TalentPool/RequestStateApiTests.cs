using System.Net;
using System.Net.Http.Json;
using DxCollab.IntegrationTests.Infrastructure;
using static DxCollab.IntegrationTests.TalentPool.RequestTestData;

namespace DxCollab.IntegrationTests.TalentPool;

/// <summary>State moves outside assignment: the staff take a request up (調整中), the 団体 withdraws it with a reason;
/// refusals by role and state; two moves from the same version — the second is told (409).</summary>
public abstract class RequestStateApiTests(AppFixture fixture) : AppTest(fixture)
{
    private static int Version(System.Text.Json.JsonElement request) => request.GetProperty("version").GetInt32();

    [Fact]
    public async Task The_staff_mark_a_request_調整中_the_団体_is_told_and_an_officer_may_not_do_it()
    {
        using var officer = await App.SignInAsync("osaka", "chihayaakasaka@osaka.example");
        var created = await CreateRequestAsync(officer);
        var id = created.GetProperty("id").GetInt64();
        await (await officer.PostAsJsonAsync($"{Requests}/{id}/coordinating", new { version = Version(created) })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        using var staff = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        var moved = await (await staff.PostAsJsonAsync($"{Requests}/{id}/coordinating", new { version = Version(created) })).JsonAsync();
        moved.GetProperty("stateName").GetString().ShouldBe("調整中");
        // Again from the new version: already 調整中.
        (await (await staff.PostAsJsonAsync($"{Requests}/{id}/coordinating", new { version = Version(moved) })).ShouldBeProblemAsync(HttpStatusCode.Conflict))
            .Detail().ShouldBe("この依頼は調整中のため、調整中にできません。");

        var notices = await (await officer.GetAsync("/api/v1/osaka/notifications")).JsonAsync();
        notices.GetProperty("items").EnumerateArray().ShouldContain(n => n.GetProperty("title").GetString()!.Contains("は調整中になりました"));
        (await (await officer.GetAsync($"{Requests}/{id}")).JsonAsync()).GetProperty("stateName").GetString().ShouldBe("調整中");
    }

    [Fact]
    public async Task Two_staff_moving_the_same_version_at_once_one_succeeds_and_the_other_is_told_409()
    {
        using var officer = await App.SignInAsync("osaka", "chihayaakasaka@osaka.example");
        var created = await CreateRequestAsync(officer);
        var id = created.GetProperty("id").GetInt64();
        using var staff1 = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        using var staff2 = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        var answers = await Task.WhenAll(
            staff1.PostAsJsonAsync($"{Requests}/{id}/coordinating", new { version = Version(created) }),
            staff2.PostAsJsonAsync($"{Requests}/{id}/coordinating", new { version = Version(created) }));
        answers.Select(a => a.StatusCode).OrderBy(s => s).ShouldBe([HttpStatusCode.OK, HttpStatusCode.Conflict]);
        // An officer's withdrawal from the version it saw before the move is told too, and changes nothing.
        var stale = await (await officer.PostAsJsonAsync($"{Requests}/{id}/withdraw", new { version = Version(created), reason = "不要になった" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        stale.Detail()!.ShouldContain("他の人が先に更新しました（いまの状態: 調整中）");
        (await (await officer.GetAsync($"{Requests}/{id}")).JsonAsync()).GetProperty("stateName").GetString().ShouldBe("調整中");
    }

    [Fact]
    public async Task The_団体_withdraws_with_a_reason_the_staff_are_told_and_a_withdrawn_request_moves_no_more()
    {
        using var officer = await App.SignInAsync("osaka", "chihayaakasaka@osaka.example");
        var created = await CreateRequestAsync(officer);
        var id = created.GetProperty("id").GetInt64();
        (await (await officer.PostAsJsonAsync($"{Requests}/{id}/withdraw", new { version = Version(created), reason = " " }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldError("reason").ShouldBe("取り下げる理由を入力してください。");
        // Another 団体's officer cannot reach it at all.
        using var toyonaka = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        await (await toyonaka.PostAsJsonAsync($"{Requests}/{id}/withdraw", new { version = Version(created), reason = "x" }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);

        var withdrawn = await (await officer.PostAsJsonAsync($"{Requests}/{id}/withdraw", new { version = Version(created), reason = "府の研修で解決しました" }))
            .JsonAsync();
        withdrawn.GetProperty("stateName").GetString().ShouldBe("取下げ");
        withdrawn.GetProperty("withdrawnReason").GetString().ShouldBe("府の研修で解決しました");

        using var staff = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        (await (await staff.GetAsync("/api/v1/osaka/notifications")).JsonAsync()).GetProperty("items").EnumerateArray()
            .ShouldContain(n => n.GetProperty("title").GetString()!.Contains("千早赤阪村が支援依頼「住民記録の移行計画」を取り下げました"));
        (await (await staff.PostAsJsonAsync($"{Requests}/{id}/coordinating", new { version = Version(withdrawn) })).ShouldBeProblemAsync(HttpStatusCode.Conflict))
            .Detail().ShouldBe("この依頼は取下げのため、調整中にできません。");
        (await (await officer.PostAsJsonAsync($"{Requests}/{id}/withdraw", new { version = Version(withdrawn), reason = "再度" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict)).Detail().ShouldBe("この依頼は取下げのため、取り下げられません。");
    }

    [Fact]
    public async Task The_list_filters_by_state_and_puts_the_oldest_waiting_request_first()
    {
        using var officer = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        var first = (await CreateRequestAsync(officer, MigrationPlan("一件目"))).GetProperty("id").GetInt64();
        var second = await CreateRequestAsync(officer, MigrationPlan("二件目"));
        using var staff = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        await (await staff.PostAsJsonAsync($"{Requests}/{second.GetProperty("id").GetInt64()}/coordinating", new { version = Version(second) })).JsonAsync();

        var waiting = (await (await staff.GetAsync($"{Requests}?organization={Toyonaka}")).JsonAsync()).EnumerateArray().ToList();
        waiting.Select(r => r.GetProperty("title").GetString()).Take(2).ShouldBe(["一件目", "二件目"]);
        var coordinating = await (await staff.GetAsync($"{Requests}?state=調整中&organization={Toyonaka}")).JsonAsync();
        coordinating.EnumerateArray().Select(r => r.GetProperty("title").GetString()).ShouldBe(["二件目"]);
        (await (await staff.GetAsync($"{Requests}?state=done")).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldError("state").ShouldContain("受付");
        first.ShouldBeGreaterThan(0);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_RequestStateApi(SqliteAppFixture fixture) : RequestStateApiTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSql_RequestStateApi(PostgresAppFixture fixture) : RequestStateApiTests(fixture);
