using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.Platform.Identity;
using DxCollab.Surveys.Domain;
using DxCollab.Surveys.SpecialForms;
using Microsoft.Extensions.DependencyInjection;
using static DxCollab.IntegrationTests.Surveys.RelayTestData;

namespace DxCollab.IntegrationTests.Surveys;

/// <summary>The two special forms on the survey engine: a written vote (表決書) whose result members see once closed and
/// are told about, and a KPI progress table with 区分 per KPI per 団体.</summary>
public abstract class SpecialFormsTests(AppFixture fixture) : AppTest(fixture)
{
    private static string Deadline => DateOnly.FromDateTime(DateTime.UtcNow.AddDays(14)).ToString("yyyy-MM-dd");

    [Fact]
    public async Task A_written_vote_is_tallied_and_reported_to_its_members_once_closed()
    {
        using var osaka = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        using var created = await osaka.PostAsJsonAsync("/api/v1/osaka/surveys/votes", new
        {
            title = "大阪府市町村DX推進協議会 第3回書面会議", deadline = Deadline, publish = true,
            members = new[] { "272035", "273830", "271004" },
            items = new[] { new { title = "令和8年度事業計画（案）", description = (string?)"別添のとおり" }, new { title = "共同調達部会の設置（案）", description = (string?)null } },
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var built = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = built.GetProperty("id").GetInt64();
        (built.GetProperty("kind").GetString(), built.GetProperty("roster").GetInt32(), built.GetProperty("sections").GetInt32()).ShouldBe(("WrittenVote", 3, 2));

        await SubmitAsync(App, "osaka", id, "272035", new()
        {
            ["item1-vote"] = Value("for"), ["item1-opinion"] = Value("異議ありません。"), ["item2-vote"] = Value("against"),
            ["item2-opinion"] = Value("部会の人数を示してください。"),
        });
        await SubmitAsync(App, "osaka", id, "273830", new() { ["item1-vote"] = Value("for"), ["item2-vote"] = Value("for") });

        using var toyonaka = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        using (var early = await toyonaka.GetAsync($"/api/v1/osaka/surveys/{id}/vote-result"))
            (await early.ShouldBeProblemAsync(HttpStatusCode.Forbidden)).Detail().ShouldBe("表決の結果は締切の後にお知らせします。");
        var interim = await osaka.GetFromJsonAsync<JsonElement>($"/api/v1/osaka/surveys/{id}/vote-result");
        interim.GetProperty("isFinal").GetBoolean().ShouldBeFalse();

        await CloseAsync(App, "osaka", id);
        var result = await toyonaka.GetFromJsonAsync<JsonElement>($"/api/v1/osaka/surveys/{id}/vote-result");
        result.GetProperty("rule").GetString()!.ShouldContain("単純多数決");
        var items = result.GetProperty("items");
        (items[0].GetProperty("for").GetInt32(), items[0].GetProperty("against").GetInt32(), items[0].GetProperty("notSubmitted").GetInt32(),
            items[0].GetProperty("outcome").GetString()).ShouldBe((2, 0, 1, "可決"));
        (items[1].GetProperty("for").GetInt32(), items[1].GetProperty("against").GetInt32(), items[1].GetProperty("outcome").GetString())
            .ShouldBe((1, 1, "否決"));
        var opinion = items[1].GetProperty("opinions")[0];
        (opinion.GetProperty("name").GetString(), opinion.GetProperty("text").GetString()).ShouldBe(("豊中市", "部会の人数を示してください。"));

        // Announced once to the members.
        (await App.InTenantAsync("osaka", sp => sp.GetRequiredService<VoteResultService>().NotifyClosedVotesAsync())).ShouldBe(1);
        (await App.InTenantAsync("osaka", sp => sp.GetRequiredService<VoteResultService>().NotifyClosedVotesAsync())).ShouldBe(0);
        var notifications = await toyonaka.GetFromJsonAsync<JsonElement>("/api/v1/osaka/notifications");
        notifications.GetRawText().ShouldContain("第3回書面会議」の表決結果");

        // kyoto never sees osaka's vote; an expert sees no survey.
        using var kyoto = await App.SignInAsync("kyoto", "pref.admin@kyoto.example");
        using (var other = await kyoto.GetAsync($"/api/v1/kyoto/surveys/{id}/vote-result")) await other.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await App.CreateUserAsync("osaka", "expert.vote@osaka.example", "Expert-Vote-2026!", null, Roles.Expert);
        using var expert = await App.SignInAsync("osaka", "expert.vote@osaka.example", "Expert-Vote-2026!");
        using (var denied = await expert.GetAsync($"/api/v1/osaka/surveys/{id}/vote-result")) await denied.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_kpi_table_computes_the_class_per_kpi_per_body_and_an_officer_sees_only_its_own_row()
    {
        using var osaka = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        using (var bad = await osaka.PostAsJsonAsync("/api/v1/osaka/surveys/kpi", new { title = "KPI", deadline = Deadline, kpis = Array.Empty<object>() }))
            (await bad.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldError("kpis").ShouldContain("KPI");
        using (var unknown = await osaka.PostAsJsonAsync("/api/v1/osaka/surveys/kpi", new
               { title = "KPI", deadline = Deadline, members = new[] { "263648" }, kpis = new[] { new { name = "x", unit = "%" } } }))
            (await unknown.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldError("members").ShouldContain("263648");
        using var created = await osaka.PostAsJsonAsync("/api/v1/osaka/surveys/kpi", new
        {
            title = "令和8年度 DX推進計画 KPI進捗状況", deadline = Deadline, publish = true, members = new[] { "272035", "273830" },
            kpis = new[] { new { name = "行政手続のオンライン化率", unit = "%" }, new { name = "情報システム経費", unit = "千円" } },
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        await SubmitAsync(App, "osaka", id, "272035", new()
        {
            ["kpi1-target-kind"] = Value("number"), ["kpi1-target"] = Value("100"), ["kpi1-due"] = Value("2028-03-31"),
            ["kpi1-baseline"] = Value("40"), ["kpi1-baseline-at"] = Value("2024-03-31"), ["kpi1-actual"] = Value("85"),
            ["kpi1-actual-at"] = Value("2026-03-31"), ["kpi1-stage"] = Value("preliminary"), ["kpi1-policy"] = Value("令和9年3月末に把握"),
            ["kpi2-target-kind"] = Value("decrease"), ["kpi2-baseline"] = Value("52,000"), ["kpi2-baseline-at"] = Value("2024-03-31"),
            ["kpi2-actual"] = Value("53000"), ["kpi2-actual-at"] = Value("2026-03-31"),
        });
        await SubmitAsync(App, "osaka", id, "273830", new() { ["kpi1-target-kind"] = Value("none"), ["kpi2-target-kind"] = Value("number"), ["kpi2-target"] = Value("1000") });

        var table = await osaka.GetFromJsonAsync<JsonElement>($"/api/v1/osaka/surveys/{id}/kpi");
        var rows = table.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("code").GetString()!,
            r => r.GetProperty("kpis").EnumerateArray().Select(k => k.GetProperty("class").GetString()).ToList());
        rows["272035"].ShouldBe(["A", "B"]);
        rows["273830"].ShouldBe(["F", "N"]);
        var first = table.GetProperty("rows")[0].GetProperty("kpis")[0];
        (first.GetProperty("stage").GetString(), first.GetProperty("targetKind").GetString(), first.GetProperty("unit").GetString()).ShouldBe(("速報値", "数値", "%"));

        using var toyonaka = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        var own = await toyonaka.GetFromJsonAsync<JsonElement>($"/api/v1/osaka/surveys/{id}/kpi");
        own.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("code").GetString()).ShouldBe(["272035"]);
        using var kyoto = await App.SignInAsync("kyoto", "kasagi@kyoto.example");
        using (var other = await kyoto.GetAsync($"/api/v1/kyoto/surveys/{id}/kpi")) await other.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        using (var officer = await toyonaka.PostAsJsonAsync("/api/v1/osaka/surveys/kpi", new { title = "x" }))
            await officer.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_SpecialForms(SqliteAppFixture fixture) : SpecialFormsTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSql_SpecialForms(PostgresAppFixture fixture) : SpecialFormsTests(fixture);
