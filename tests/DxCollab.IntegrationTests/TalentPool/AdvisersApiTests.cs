using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DxCollab.IntegrationTests.Infrastructure;
using static DxCollab.IntegrationTests.TalentPool.PoolTestData;

namespace DxCollab.IntegrationTests.TalentPool;

/// <summary>The national adviser catalogue is written by the SystemAdmin and read by host users and every prefecture;
/// a prefecture records uses within the national caps per use and sees totals per adviser; kyoto never sees osaka's uses.</summary>
public abstract class AdvisersApiTests(AppFixture fixture) : AppTest(fixture)
{
    private const string Catalogue = "/api/v1/talent/advisers", Uses = "/api/v1/osaka/talent/adviser-uses";

    private async Task<long> AdviserAsync(string name = "情報 太郎")
    {
        using var ops = await App.SignInAsync(null, "ops@dxcollab.example");
        var created = await JsonAsync(await ops.PostAsJsonAsync(Catalogue,
            new { name, scheme = "地域情報化アドバイザー", affiliation = "総務省派遣", skills = "情報セキュリティ、BPR" }), HttpStatusCode.Created);
        return created.GetProperty("id").GetInt64();
    }

    private static object Use(long adviserId, int onSiteDays, int onlineHours, string organizationCode = "273830") =>
        new { adviserId, organizationCode, requestedOn = "2027-01-15", onSiteDays, onlineHours, note = "セキュリティポリシー改定" };

    [Fact]
    public async Task The_SystemAdmin_writes_the_catalogue_and_host_users_and_every_prefecture_read_it()
    {
        var name = $"情報 太郎 {Guid.NewGuid():N}";
        var id = await AdviserAsync(name);
        JsonElement Mine(JsonElement[] list) => list.Single(a => a.GetProperty("id").GetInt64() == id);
        using var ops = await App.SignInAsync(null, "ops@dxcollab.example");
        var changed = await JsonAsync(await ops.PutAsJsonAsync($"{Catalogue}/{id}",
            new { name, scheme = "地域情報化アドバイザー", affiliation = "大学", skills = "ネットワーク" }), HttpStatusCode.OK);
        changed.GetProperty("affiliation").GetString().ShouldBe("大学");
        (await (await ops.PostAsJsonAsync(Catalogue, new { name = "", scheme = "x" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .FieldError("name").ShouldContain("氏名");

        using var national = await App.SignInAsync(null, "national@dxcollab.example");
        Mine((await national.GetFromJsonAsync<JsonElement[]>(Catalogue))!).GetProperty("skills").GetString().ShouldBe("ネットワーク");
        (await national.PostAsJsonAsync(Catalogue, new { name = "勝手", scheme = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        foreach (var (tenant, email) in new[] { ("osaka", Admin), ("osaka", Toyonaka), ("kyoto", "kasagi@kyoto.example") })
        {
            using var member = await App.SignInAsync(tenant, email);
            var list = (await member.GetFromJsonAsync<JsonElement[]>($"/api/v1/{tenant}/talent/advisers"))!;
            Mine(list).GetProperty("name").GetString().ShouldBe(name);
            Mine(list).GetProperty("onSiteDaysPerUse").GetInt32().ShouldBe(3);
            (await member.PostAsJsonAsync(Catalogue, new { name = "勝手", scheme = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await member.PutAsJsonAsync($"{Catalogue}/{id}", new { name = "勝手", scheme = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }
        Mine((await ops.GetFromJsonAsync<JsonElement[]>(Catalogue))!).GetProperty("affiliation").GetString().ShouldBe("大学");
    }

    [Theory]
    [InlineData(4, 0, "onSiteDays", "3日まで")]
    [InlineData(0, 11, "onlineHours", "10時間まで")]
    [InlineData(-1, 2, "onSiteDays", "0 以上")]
    [InlineData(0, 0, "onSiteDays", "どちらか")]
    public async Task A_use_over_the_national_caps_is_400_naming_the_field_and_nothing_is_recorded(int days, int hours, string field, string message)
    {
        var adviser = await AdviserAsync();
        using var admin = await App.SignInAsync("osaka", Admin);
        (await (await admin.PostAsJsonAsync(Uses, Use(adviser, days, hours))).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldError(field).ShouldContain(message);
        (await admin.GetFromJsonAsync<JsonElement>(Uses)).GetProperty("uses").EnumerateArray()
            .ShouldNotContain(u => u.GetProperty("adviserId").GetInt64() == adviser);
    }

    [Fact]
    public async Task An_unknown_adviser_a_団体_of_another_prefecture_or_another_団体s_request_is_400()
    {
        var adviser = await AdviserAsync();
        using var admin = await App.SignInAsync("osaka", Admin);
        (await (await admin.PostAsJsonAsync(Uses, Use(999_999, 1, 0))).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldError("adviserId").ShouldContain("名簿");
        (await (await admin.PostAsJsonAsync(Uses, Use(adviser, 1, 0, "263648"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .FieldError("organizationCode").ShouldContain("この都道府県の団体");
        // A use for 千早赤阪村 cannot point at 豊中市's request.
        using var toyonaka = await App.SignInAsync("osaka", Toyonaka);
        var toyonakaRequest = await RequestAsync(toyonaka);
        var use = new { adviserId = adviser, organizationCode = "273830", requestId = toyonakaRequest, requestedOn = "2027-01-15", onSiteDays = 1, onlineHours = 0 };
        (await (await admin.PostAsJsonAsync(Uses, use)).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldError("requestId").ShouldContain("見つかりません");
    }

    [Fact]
    public async Task Uses_within_the_caps_are_listed_with_totals_per_adviser_the_officer_sees_its_own_and_kyoto_none()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var tanaka = await AdviserAsync($"情報 太郎 {tag}");
        var sato = await AdviserAsync($"佐藤 次郎 {tag}");
        using var admin = await App.SignInAsync("osaka", Admin);
        var first = await JsonAsync(await admin.PostAsJsonAsync(Uses, Use(tanaka, 3, 10)), HttpStatusCode.Created);
        first.GetProperty("organizationName").GetString().ShouldBe("千早赤阪村");
        await JsonAsync(await admin.PostAsJsonAsync(Uses, Use(tanaka, 1, 4, "272035")), HttpStatusCode.Created);
        await JsonAsync(await admin.PostAsJsonAsync(Uses, Use(sato, 0, 6)), HttpStatusCode.Created);

        var list = await admin.GetFromJsonAsync<JsonElement>(Uses);
        list.GetProperty("uses").EnumerateArray().Count(u => u.GetProperty("adviserId").GetInt64() is var a && (a == tanaka || a == sato)).ShouldBe(3);
        var totals = list.GetProperty("totals").EnumerateArray().ToDictionary(t => t.GetProperty("adviserName").GetString()!,
            t => (t.GetProperty("uses").GetInt32(), t.GetProperty("onSiteDays").GetInt32(), t.GetProperty("onlineHours").GetInt32()));
        totals[$"情報 太郎 {tag}"].ShouldBe((2, 4, 14));
        totals[$"佐藤 次郎 {tag}"].ShouldBe((1, 0, 6));

        using var chihaya = await App.SignInAsync("osaka", Chihaya);
        (await chihaya.GetFromJsonAsync<JsonElement>(Uses)).GetProperty("uses").EnumerateArray()
            .Select(u => u.GetProperty("organizationCode").GetString()).Distinct().ShouldBe(["273830"]);
        await (await chihaya.PostAsJsonAsync(Uses, Use(tanaka, 1, 0))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        using var kyoto = await App.SignInAsync("kyoto", "pref.admin@kyoto.example");
        (await kyoto.GetFromJsonAsync<JsonElement>("/api/v1/kyoto/talent/adviser-uses")).GetProperty("uses").GetArrayLength().ShouldBe(0);
        (await kyoto.GetAsync(Uses)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_AdvisersApi(SqliteAppFixture fixture) : AdvisersApiTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSql_AdvisersApi(PostgresAppFixture fixture) : AdvisersApiTests(fixture);
