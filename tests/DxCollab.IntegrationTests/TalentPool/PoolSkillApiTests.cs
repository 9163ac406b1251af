using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.TalentPool.Domain;
using static DxCollab.IntegrationTests.TalentPool.PoolTestData;

namespace DxCollab.IntegrationTests.TalentPool;

/// <summary>The tenant's skill taxonomy: seeded, names unique as a person reads them, renamed, reordered and retired by
/// the staff; a retired area stays on profiles but is not offered; officers cannot change it; kyoto has its own.</summary>
public abstract class PoolSkillApiTests(AppFixture fixture) : AppTest(fixture)
{
    private static async Task<string?[]> NamesAsync(HttpClient client, string query = "") =>
        [.. (await client.GetFromJsonAsync<JsonElement[]>(Skills + query))!.Select(a => a.GetProperty("name").GetString())];

    [Fact]
    public async Task The_taxonomy_is_seeded_with_the_ten_default_areas_in_order_and_kyoto_has_its_own_seed()
    {
        using var officer = await App.SignInAsync("osaka", Toyonaka);
        (await NamesAsync(officer)).Intersect(SkillArea.Defaults).ShouldBe(SkillArea.Defaults);
        using var kyoto = await App.SignInAsync("kyoto", "kasagi@kyoto.example");
        (await kyoto.GetFromJsonAsync<JsonElement[]>("/api/v1/kyoto/talent/skills"))!.Select(a => a.GetProperty("name").GetString())
            .Intersect(SkillArea.Defaults).ShouldBe(SkillArea.Defaults);
    }

    [Theory]
    [InlineData("ＢＰＲ")]        // full-width
    [InlineData("bpr")]
    [InlineData(" B P R ")]
    [InlineData("ai・rpa")]
    public async Task A_name_equal_after_NFKC_folding_is_400_naming_the_existing_area(string name)
    {
        using var admin = await App.SignInAsync("osaka", Admin);
        var before = (await NamesAsync(admin, "?includeRetired=true")).Length;
        var problem = await (await admin.PostAsJsonAsync(Skills, new { name })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldError("name").ShouldContain("同じ名前のスキル分野");
        (await NamesAsync(admin, "?includeRetired=true")).Length.ShouldBe(before);
    }

    [Fact]
    public async Task Add_rename_reorder_and_retire_and_a_retired_area_stays_on_profiles_but_is_not_given_anew()
    {
        using var admin = await App.SignInAsync("osaka", Admin);
        var added = await JsonAsync(await admin.PostAsJsonAsync(Skills, new { name = "自治体クラウド契約" }), HttpStatusCode.Created);
        var id = added.GetProperty("id").GetInt64();
        (await NamesAsync(admin))[^1].ShouldBe("自治体クラウド契約");
        (await (await admin.PostAsJsonAsync(Skills, new { name = "" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldError("name").ShouldContain("名前を入力");

        await JsonAsync(await admin.PutAsJsonAsync($"{Skills}/{id}", new { name = "クラウド契約", sortOrder = 1 }), HttpStatusCode.OK);
        (await NamesAsync(admin))[0].ShouldBe("クラウド契約");
        (await (await admin.PutAsJsonAsync($"{Skills}/{id}", new { name = "広報" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .FieldError("name").ShouldContain("「広報」");

        var expert = await CreateExpertAsync(admin, Profile("田中 一郎", 40, null, new { skillAreaId = id, level = 2 }));
        await JsonAsync(await admin.PutAsJsonAsync($"{Skills}/{id}", new { retired = true }), HttpStatusCode.OK);
        (await NamesAsync(admin)).ShouldNotContain("クラウド契約");
        (await NamesAsync(admin, "?includeRetired=true")).ShouldContain("クラウド契約");

        // Kept on the profile (also when the profile is saved again) …
        var kept = await JsonAsync(await admin.PutAsJsonAsync($"{Experts}/{expert}", Profile("田中 一郎", 40, null, new { skillAreaId = id, level = 3 })), HttpStatusCode.OK);
        kept.GetProperty("skills")[0].GetProperty("name").GetString().ShouldBe("クラウド契約");
        // … but not given to another expert.
        (await (await admin.PostAsJsonAsync(Experts, Profile("佐藤 花子", 40, null, new { skillAreaId = id, level = 1 })))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldError("skills").ShouldContain("使われなくなった");
        // The name stays taken while retired.
        (await (await admin.PostAsJsonAsync(Skills, new { name = "クラウド契約" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .FieldError("name").ShouldContain("戻すこともできます");
    }

    [Fact]
    public async Task Officers_cannot_change_the_taxonomy_and_kyoto_has_its_own()
    {
        using var admin = await App.SignInAsync("osaka", Admin);
        var created = await JsonAsync(await admin.PostAsJsonAsync(Skills, new { name = "大阪だけの分野" }), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt64();
        using var officer = await App.SignInAsync("osaka", Toyonaka);
        await (await officer.PostAsJsonAsync(Skills, new { name = "担当者の分野" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await officer.PutAsJsonAsync($"{Skills}/{id}", new { retired = true })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        using var kyoto = await App.SignInAsync("kyoto", "pref.admin@kyoto.example");
        var kyotoNames = (await kyoto.GetFromJsonAsync<JsonElement[]>("/api/v1/kyoto/talent/skills?includeRetired=true"))!.Select(a => a.GetProperty("name").GetString());
        kyotoNames.ShouldNotContain("大阪だけの分野");
        kyotoNames.Count().ShouldBe(SkillArea.Defaults.Count);
        await (await kyoto.PutAsJsonAsync($"/api/v1/kyoto/talent/skills/{id}", new { name = "京都が書き換え" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        // The same name is free in kyoto.
        await JsonAsync(await kyoto.PostAsJsonAsync("/api/v1/kyoto/talent/skills", new { name = "大阪だけの分野" }), HttpStatusCode.Created);
        (await NamesAsync(admin)).ShouldContain("大阪だけの分野");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_PoolSkillApi(SqliteAppFixture fixture) : PoolSkillApiTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSql_PoolSkillApi(PostgresAppFixture fixture) : PoolSkillApiTests(fixture);
