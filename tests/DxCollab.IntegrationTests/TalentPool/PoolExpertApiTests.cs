using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using static DxCollab.IntegrationTests.TalentPool.PoolTestData;

namespace DxCollab.IntegrationTests.TalentPool;

/// <summary>The prefecture's staff keep expert profiles through the API: filters, full replacement, retiring, the
/// capacity carried into booked months; an expert reads only their own profile; officers and kyoto cannot.</summary>
public abstract class PoolExpertApiTests(AppFixture fixture) : AppTest(fixture)
{
    private static DateOnly ThisMonth
    {
        get
        {
            var today = Platform.Text.JapaneseCalendar.TodayInTokyo(DateTimeOffset.UtcNow);
            return new DateOnly(today.Year, today.Month, 1);
        }
    }

    private static string Month(DateOnly m) => m.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("name", "", "氏名を入力")]
    [InlineData("engagementForm", null, "任用形態を選んで")]
    [InlineData("monthlyCapacityHours", 800, "0〜744 時間")]
    [InlineData("monthlyCapacityHours", null, "月あたりの対応可能時間")]
    [InlineData("onSiteDaysCap", 40, "訪問日数の上限")]
    [InlineData("onlineHoursCap", -1, "オンライン時間の上限")]
    [InlineData("email", "tanaka-at-example", "メールアドレスの形式")]
    [InlineData("affiliation", "長い所属長い所属長い所属長い所属長い所属長い所属長い所属長い所属長い所属長い所属長い所属長い所属長い所属長い所属長い所属長い所属長い所属長い所属長い所属長い所属長い所属長い所属長い所属長い所属長い所属長い所属長い所属長い所属長い所属長い所属長い所属長い所属長い所属長い所属長い所属長い所属長い所属長い所属長い所属長い所属長い所属長い所属長い所属長い所属長い所属長い所属長い所属長い所属長い所属長い所属長い所属", "所属は200文字以内")]
    public async Task Each_bad_field_is_400_naming_it_on_create_and_on_replace_and_nothing_is_stored(string field, object? value, string message)
    {
        using var admin = await App.SignInAsync("osaka", Admin);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var id = await CreateExpertAsync(admin, Profile($"田中 一郎 {tag}"));
        var bad = Profile($"田中 二郎 {tag}");
        bad[field] = value;
        (await (await admin.PostAsJsonAsync(Experts, bad)).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldError(field).ShouldContain(message);
        (await (await admin.PutAsJsonAsync($"{Experts}/{id}", bad)).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldError(field).ShouldContain(message);

        var list = (await admin.GetFromJsonAsync<JsonElement[]>($"{Experts}?q={tag}"))!;
        list.Select(e => e.GetProperty("name").GetString()).ShouldBe([$"田中 一郎 {tag}"]);
        list[0].GetProperty("monthlyCapacityHours").GetInt32().ShouldBe(40);
    }

    [Fact]
    public async Task Skill_levels_unknown_areas_reversed_availability_and_null_items_are_400_naming_the_field()
    {
        using var admin = await App.SignInAsync("osaka", Admin);
        var bpr = await SkillIdAsync(admin, "BPR");
        var badLevel = Profile("佐藤 花子", 40, null, new { skillAreaId = bpr, level = 4 });
        (await (await admin.PostAsJsonAsync(Experts, badLevel)).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldError("skills").ShouldContain("1（基礎）〜3");
        var unknown = Profile("佐藤 花子", 40, null, new { skillAreaId = 999_999, level = 2 });
        (await (await admin.PostAsJsonAsync(Experts, unknown)).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldError("skills").ShouldContain("ありません");
        var reversed = Profile("佐藤 花子");
        reversed["availability"] = new[] { new { from = "2027-03-31", to = "2027-01-01" } };
        (await (await admin.PostAsJsonAsync(Experts, reversed)).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldError("availability").ShouldContain("終わりは始まり以降");
        // null items in the lists are named, never a 500
        var nullSkill = Profile("佐藤 花子");
        nullSkill["skills"] = new object?[] { null };
        (await (await admin.PostAsJsonAsync(Experts, nullSkill)).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldError("skills").ShouldContain("空の項目");
        var nullPeriod = Profile("佐藤 花子");
        nullPeriod["availability"] = new object?[] { null };
        (await (await admin.PostAsJsonAsync(Experts, nullPeriod)).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldError("availability").ShouldContain("空の項目");
    }

    [Fact]
    public async Task Replace_sets_every_field_skills_and_availability_and_the_list_filters_by_skill_form_state_and_free_text()
    {
        using var admin = await App.SignInAsync("osaka", Admin);
        var security = await SkillIdAsync(admin, "情報セキュリティ");
        var bpr = await SkillIdAsync(admin, "BPR");
        // Other tests of this class add experts too: the names carry this test's tag and the list is read for it.
        var tag = Guid.NewGuid().ToString("N")[..8];
        var tanaka = await CreateExpertAsync(admin, Profile($"田中 一郎 {tag}", 40, null, new { skillAreaId = bpr, level = 1 }));
        var suzuki = await CreateExpertAsync(admin, Profile($"鈴木 ｹﾝｼﾞ {tag}", 20));

        var replaced = Profile($"田中 一郎 {tag}", 60, null, new { skillAreaId = security, level = 3 });
        replaced["engagementForm"] = "SideJob";
        replaced["affiliation"] = "大阪大学";
        replaced["fundingTag"] = "OwnFunds";
        replaced["availability"] = new[] { new { from = "2027-01-01", to = "2027-03-31", note = "平日のみ" } };
        var view = await JsonAsync(await admin.PutAsJsonAsync($"{Experts}/{tanaka}", replaced), HttpStatusCode.OK);
        view.GetProperty("monthlyCapacityHours").GetInt32().ShouldBe(60);
        view.GetProperty("engagementFormName").GetString().ShouldBe("非常勤（副業人材）");
        view.GetProperty("fundingTagName").GetString().ShouldBe("自主財源");
        view.GetProperty("skills").EnumerateArray().Select(s => (s.GetProperty("name").GetString(), s.GetProperty("level").GetInt32()))
            .ShouldBe([("情報セキュリティ", 3)]);
        view.GetProperty("availability")[0].GetProperty("note").GetString().ShouldBe("平日のみ");
        var reread = await admin.GetFromJsonAsync<JsonElement>($"{Experts}/{tanaka}");
        reread.GetProperty("affiliation").GetString().ShouldBe("大阪大学");

        await JsonAsync(await admin.PostAsync($"{Experts}/{suzuki}/retire", null), HttpStatusCode.OK);
        async Task<string?[]> Names(string query) =>
            [.. (await admin.GetFromJsonAsync<JsonElement[]>($"{Experts}?{query}"))!.Select(e => e.GetProperty("name").GetString()!)
                .Where(n => n.EndsWith(tag, StringComparison.Ordinal)).Select(n => n[..^(tag.Length + 1)])];
        (await Names($"skillAreaId={security}")).ShouldBe(["田中 一郎"]);
        (await Names($"skillAreaId={bpr}")).ShouldBeEmpty();
        (await Names("engagementForm=SideJob")).ShouldBe(["田中 一郎"]);
        (await Names("status=retired")).ShouldBe(["鈴木 ｹﾝｼﾞ"]);
        (await Names("status=active")).ShouldBe(["田中 一郎"]);
        (await Names("q=" + Uri.EscapeDataString("けんじ"))).ShouldBe(["鈴木 ｹﾝｼﾞ"]); // NFKC and kana folded
        (await Names("q=" + Uri.EscapeDataString("大阪大学"))).ShouldBe(["田中 一郎"]);
        await (await admin.GetAsync($"{Experts}?status=gone")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        var back = await JsonAsync(await admin.PostAsync($"{Experts}/{suzuki}/reactivate", null), HttpStatusCode.OK);
        back.GetProperty("active").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task Lowering_capacity_below_hours_booked_in_a_month_is_409_naming_the_month_and_a_change_above_applies_to_later_bookings()
    {
        using var admin = await App.SignInAsync("osaka", Admin);
        using var officer = await App.SignInAsync("osaka", Toyonaka);
        var id = await CreateExpertAsync(admin, Profile("山田 三郎", 40).WithoutCaps());
        var request = await RequestAsync(officer);
        var next = ThisMonth.AddMonths(1);
        await JsonAsync(await AssignAsync(admin, request, id, Month(ThisMonth), Month(next), 30), HttpStatusCode.Created);

        var lower = Profile("山田 三郎", 20).WithoutCaps();
        var refused = await (await admin.PutAsJsonAsync($"{Experts}/{id}", lower)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        refused.Detail()!.ShouldContain($"{ThisMonth.Year}年{ThisMonth.Month}月");
        refused.Detail()!.ShouldContain("30 時間");
        (await admin.GetFromJsonAsync<JsonElement>($"{Experts}/{id}")).GetProperty("monthlyCapacityHours").GetInt32().ShouldBe(40);

        // 35 h: both booked months take it, so 10 more hours in next month no longer fit (5 left) …
        await JsonAsync(await admin.PutAsJsonAsync($"{Experts}/{id}", Profile("山田 三郎", 35).WithoutCaps()), HttpStatusCode.OK);
        // (Another request: an expert is assigned once per request.)
        var second = await RequestAsync(officer);
        var full = await (await AssignAsync(admin, second, id, Month(next), Month(next), 10)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        full.Detail()!.ShouldContain("残りは 5 時間");
        // … and a month not booked yet gets the new capacity too.
        var later = next.AddMonths(1);
        var over = await (await AssignAsync(admin, second, id, Month(later), Month(later), 36)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        over.Detail()!.ShouldContain("残りは 35 時間");
        await JsonAsync(await AssignAsync(admin, second, id, Month(later), Month(later), 35), HttpStatusCode.Created);
    }

    [Fact]
    public async Task An_expert_reads_only_their_own_profile_and_cannot_change_it()
    {
        await App.CreateUserAsync("osaka", "expert.pool@osaka.example", DemoData.Password, null, Roles.Expert);
        using var admin = await App.SignInAsync("osaka", Admin);
        var own = await CreateExpertAsync(admin, Profile("専門 太郎", 40, "expert.pool@osaka.example"));
        var other = await CreateExpertAsync(admin, Profile("別人 次郎", 40, "other@example.jp"));

        using var expert = await App.SignInAsync("osaka", "expert.pool@osaka.example");
        (await expert.GetFromJsonAsync<JsonElement>($"{Experts}/{own}")).GetProperty("name").GetString().ShouldBe("専門 太郎");
        await (await expert.GetAsync($"{Experts}/{other}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await expert.GetFromJsonAsync<JsonElement[]>(Experts))!.Select(e => e.GetProperty("id").GetInt64()).ShouldBe([own]);
        await (await expert.PutAsJsonAsync($"{Experts}/{own}", Profile("専門 太郎", 700))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await expert.PostAsync($"{Experts}/{own}/retire", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_officer_cannot_list_create_change_or_retire_experts()
    {
        using var admin = await App.SignInAsync("osaka", Admin);
        var id = await CreateExpertAsync(admin, Profile("田中 一郎"));
        using var officer = await App.SignInAsync("osaka", Toyonaka);
        await (await officer.GetAsync(Experts)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await officer.PostAsJsonAsync(Experts, Profile("勝手 登録"))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await officer.PutAsJsonAsync($"{Experts}/{id}", Profile("田中 一郎", 10))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await officer.PostAsync($"{Experts}/{id}/retire", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await officer.PostAsync($"{Experts}/{id}/account", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await officer.GetAsync($"{Experts}/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Kyoto_never_reads_changes_retires_or_lists_osakas_experts()
    {
        using var admin = await App.SignInAsync("osaka", Admin);
        var id = await CreateExpertAsync(admin, Profile("大阪の専門人材"));
        using var kyoto = await App.SignInAsync("kyoto", "pref.admin@kyoto.example");
        const string KyotoExperts = "/api/v1/kyoto/talent/experts";
        await (await kyoto.GetAsync($"{KyotoExperts}/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await kyoto.PutAsJsonAsync($"{KyotoExperts}/{id}", Profile("京都が書き換え"))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await kyoto.PostAsync($"{KyotoExperts}/{id}/retire", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await kyoto.PostAsync($"{KyotoExperts}/{id}/account", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await kyoto.GetFromJsonAsync<JsonElement[]>(KyotoExperts))!.ShouldBeEmpty();
        (await kyoto.GetAsync($"{Experts}/{id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden); // another tenant's URL

        var still = await admin.GetFromJsonAsync<JsonElement>($"{Experts}/{id}");
        still.GetProperty("name").GetString().ShouldBe("大阪の専門人材");
        still.GetProperty("active").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task The_staff_invite_an_experts_account_from_the_profile_and_an_existing_expert_account_is_linked_on_edit()
    {
        using var admin = await App.SignInAsync("osaka", Admin);
        var noEmail = await CreateExpertAsync(admin, Profile("メール 無し"));
        (await (await admin.PostAsync($"{Experts}/{noEmail}/account", null)).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldError("email")
            .ShouldContain("メールアドレス");

        var invited = await CreateExpertAsync(admin, Profile("招待 花子", 40, "hanako.invite@example.jp"));
        var view = await JsonAsync(await admin.PostAsync($"{Experts}/{invited}/account", null), HttpStatusCode.OK);
        view.GetProperty("hasAccount").GetBoolean().ShouldBeTrue();
        await (await admin.PostAsync($"{Experts}/{invited}/account", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var pickup = App.Factory.Services.GetRequiredService<IConfiguration>()["Email:PickupDirectory"]!;
        Directory.GetFiles(pickup, "*.eml").Select(File.ReadAllText).ShouldContain(m => m.Contains("hanako.invite@example.jp"));

        // A profile saved before the account existed is linked when edited with the account's e-mail.
        var later = await CreateExpertAsync(admin, Profile("後から 登録"));
        (await admin.GetFromJsonAsync<JsonElement>($"{Experts}/{later}")).GetProperty("hasAccount").GetBoolean().ShouldBeFalse();
        await App.CreateUserAsync("osaka", "expert.later@osaka.example", DemoData.Password, null, Roles.Expert);
        var edited = await JsonAsync(await admin.PutAsJsonAsync($"{Experts}/{later}", Profile("後から 登録", 40, "expert.later@osaka.example")), HttpStatusCode.OK);
        edited.GetProperty("hasAccount").GetBoolean().ShouldBeTrue();
        using var expert = await App.SignInAsync("osaka", "expert.later@osaka.example");
        (await expert.GetFromJsonAsync<JsonElement>($"{Experts}/{later}")).GetProperty("name").GetString().ShouldBe("後から 登録");

        // An e-mail an officer already signs in with is not turned into an expert's account.
        var clash = await CreateExpertAsync(admin, Profile("重複 メール", 40, Toyonaka));
        await (await admin.PostAsync($"{Experts}/{clash}/account", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_PoolExpertApi(SqliteAppFixture fixture) : PoolExpertApiTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSql_PoolExpertApi(PostgresAppFixture fixture) : PoolExpertApiTests(fixture);
