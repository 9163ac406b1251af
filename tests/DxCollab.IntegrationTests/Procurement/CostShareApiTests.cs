using System.Net;
using System.Net.Http.Json;
using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.Procurement.Domain;
using static DxCollab.IntegrationTests.Procurement.ProcurementTestData;
using static DxCollab.IntegrationTests.Procurement.VendorTestData;

namespace DxCollab.IntegrationTests.Procurement;

/// <summary>Cost sharing: shares sum to the total to the yen with the remainder on a chosen member (the lead by default);
/// only the lead saves; observers pay nothing; bad input names its field and stores nothing; kyoto learns nothing.</summary>
public abstract class CostShareApiTests(AppFixture fixture) : AppTest(fixture)
{
    private static string Costs(long id) => $"{Procurements}/{id}/cost-shares";

    private async Task<(HttpClient Lead, long Id)> ThreeMemberWorkspaceAsync()
    {
        var toyonaka = await App.SignInAsync("osaka", ToyonakaEmail);
        var id = await CreateWorkspaceAsync(toyonaka);
        await App.ArrangeActiveMemberAsync(id, Chihayaakasaka, "千早赤阪村");
        await App.ArrangeActiveMemberAsync(id, "272051", "吹田市");
        await App.ArrangeActiveMemberAsync(id, OsakaPrefecture, "大阪府", MemberRole.Observer);
        return (toyonaka, id);
    }

    private static object Split(string? remainder = null, string title = "初期・年額の按分") => new
    {
        title, initialCost = 10_000_000L, annualCost = 1_000_001L, equalPercent = 30, remainderOrganizationCode = remainder,
        members = new[] { new { organizationCode = Toyonaka, population = 401_558L }, new { organizationCode = Chihayaakasaka, population = 4_812L },
            new { organizationCode = "272051", population = 385_567L } },
    };

    [Fact]
    public async Task A_saved_split_sums_to_both_totals_to_the_yen_with_the_remainder_on_the_lead_by_default()
    {
        var (toyonaka, id) = await ThreeMemberWorkspaceAsync();
        using var _ = toyonaka;
        var share = await (await toyonaka.PostAsJsonAsync(Costs(id), Split())).ReadJsonAsync(HttpStatusCode.Created);
        var lines = share.GetProperty("lines").EnumerateArray().ToList();
        lines.Select(l => l.GetProperty("organizationCode").GetString()).ShouldBe([Toyonaka, "272051", Chihayaakasaka], ignoreOrder: true);
        lines.Sum(l => l.GetProperty("initialShare").GetInt64()).ShouldBe(10_000_000);
        lines.Sum(l => l.GetProperty("annualShare").GetInt64()).ShouldBe(1_000_001);
        lines.Single(l => l.GetProperty("takesRemainder").GetBoolean()).GetProperty("organizationCode").GetString().ShouldBe(Toyonaka);
        share.GetProperty("populationPercent").GetInt32().ShouldBe(70);
        share.GetProperty("roundingRule").GetString()!.ShouldContain("切り捨て");

        // The small village pays the 均等割 part plus its small population part: exactly as a clerk computes it, rounded down.
        // 10,000,000 × (0.30 ÷ 3 + 0.70 × 4,812 ÷ 791,937) = 1,000,000 + 42,533.68… → 1,042,533
        lines.Single(l => l.GetProperty("organizationCode").GetString() == Chihayaakasaka).GetProperty("initialShare").GetInt64().ShouldBe(1_042_533);

        var listed = await (await toyonaka.GetAsync(Costs(id))).ReadJsonAsync();
        listed.GetProperty("shares").EnumerateArray().Single().GetProperty("members").GetInt32().ShouldBe(3);
        var xlsx = await toyonaka.GetAsync($"{Costs(id)}/{share.GetProperty("id").GetInt64()}/export");
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        xlsx.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    [Fact]
    public async Task The_remainder_goes_to_the_member_chosen_and_when_members_are_omitted_every_paying_member_but_not_the_observer_is_in()
    {
        var (toyonaka, id) = await ThreeMemberWorkspaceAsync();
        using var _ = toyonaka;
        var chosen = await (await toyonaka.PostAsJsonAsync($"{Costs(id)}/preview", Split(remainder: Chihayaakasaka))).ReadJsonAsync();
        chosen.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("takesRemainder").GetBoolean())
            .GetProperty("organizationCode").GetString().ShouldBe(Chihayaakasaka);

        var equal = await (await toyonaka.PostAsJsonAsync($"{Costs(id)}/preview", new { initialCost = 1_000_000L, annualCost = 100L, equalPercent = 100 }))
            .ReadJsonAsync();
        var lines = equal.GetProperty("lines").EnumerateArray().ToList();
        lines.Select(l => l.GetProperty("organizationCode").GetString()).ShouldNotContain(OsakaPrefecture);
        lines.Select(l => l.GetProperty("initialShare").GetInt64()).Order().ShouldBe([333_333, 333_333, 333_334]);
        lines.Sum(l => l.GetProperty("annualShare").GetInt64()).ShouldBe(100);
        // A preview is not kept.
        (await (await toyonaka.GetAsync(Costs(id))).ReadJsonAsync()).GetProperty("shares").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Populations_imported_from_a_csv_feed_the_split_and_a_row_of_a_non_paying_organisation_is_refused_by_line()
    {
        var (toyonaka, id) = await ThreeMemberWorkspaceAsync();
        using var _ = toyonaka;
        static MultipartFormDataContent File(string csv)
        {
            var form = new MultipartFormDataContent();
            form.Add(new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)), "file", "populations.csv");
            return form;
        }
        var members = await (await toyonaka.PostAsync($"{Costs(id)}/populations", File($"団体コード,人口\r\n{Toyonaka},401558\r\n{Chihayaakasaka},4812\r\n272051,385567\r\n")))
            .ReadJsonAsync();
        members.GetArrayLength().ShouldBe(3);
        var split = await (await toyonaka.PostAsJsonAsync($"{Costs(id)}/preview", new { initialCost = 10_000_000L, annualCost = 0L, equalPercent = 30, members }))
            .ReadJsonAsync();
        split.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("organizationCode").GetString() == Chihayaakasaka)
            .GetProperty("initialShare").GetInt64().ShouldBe(1_042_533);

        (await (await toyonaka.PostAsync($"{Costs(id)}/populations", File($"{Toyonaka},401558\r\n{OsakaPrefecture},8800000\r\n")))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldError("file").ShouldContain("2行目");
    }

    [Theory]
    [InlineData("title")]
    [InlineData("initialCost")]
    [InlineData("equalPercent")]
    [InlineData("populationPercent")]
    [InlineData("members")]
    [InlineData("remainderOrganizationCode")]
    public async Task Input_that_cannot_be_split_is_refused_naming_the_field_and_nothing_is_saved(string field)
    {
        var (toyonaka, id) = await ThreeMemberWorkspaceAsync();
        using var _ = toyonaka;
        object input = field switch
        {
            "title" => new { title = "\u200B", initialCost = 100L, annualCost = 0L, equalPercent = 100 },
            "initialCost" => new { title = "t", initialCost = -1L, annualCost = 0L, equalPercent = 100 },
            "equalPercent" => new { title = "t", initialCost = 100L, annualCost = 0L, equalPercent = 130 },
            "populationPercent" => new { title = "t", initialCost = 100L, annualCost = 0L, equalPercent = 50, populationPercent = 40 },
            // The observer (the prefecture) pays nothing, so it cannot be in a split.
            "members" => new { title = "t", initialCost = 100L, annualCost = 0L, equalPercent = 100, members = new[] { new { organizationCode = OsakaPrefecture, population = 1L } } },
            _ => new { title = "t", initialCost = 100L, annualCost = 0L, equalPercent = 100, remainderOrganizationCode = "999999" },
        };
        (await (await toyonaka.PostAsJsonAsync(Costs(id), input)).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldError(field).ShouldNotBeNullOrWhiteSpace();
        (await (await toyonaka.GetAsync(Costs(id))).ReadJsonAsync()).GetProperty("shares").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task A_member_reads_saved_splits_but_only_the_lead_saves_and_kyoto_learns_nothing()
    {
        var (toyonaka, id) = await ThreeMemberWorkspaceAsync();
        using var _ = toyonaka;
        var shareId = (await (await toyonaka.PostAsJsonAsync(Costs(id), Split())).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();

        using var chihaya = await App.SignInAsync("osaka", ChihayaEmail);
        (await (await chihaya.GetAsync($"{Costs(id)}/{shareId}")).ReadJsonAsync()).GetProperty("initialCost").GetInt64().ShouldBe(10_000_000);
        await (await chihaya.PostAsJsonAsync(Costs(id), Split())).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await (await chihaya.PostAsJsonAsync($"{Costs(id)}/preview", Split())).ReadJsonAsync()).GetProperty("lines").GetArrayLength().ShouldBe(3);

        using var kyoto = await App.SignInAsync("kyoto", "pref.admin@kyoto.example");
        await (await kyoto.GetAsync($"{Costs(id)}/{shareId}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await kyoto.GetAsync($"/api/v1/kyoto/procurements/{id}/cost-shares/{shareId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await kyoto.PostAsJsonAsync($"/api/v1/kyoto/procurements/{id}/cost-shares", Split())).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await kyoto.GetAsync($"/api/v1/kyoto/procurements/{id}/cost-shares/{shareId}/export")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_CostShareApi(SqliteAppFixture fixture) : CostShareApiTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSql_CostShareApi(PostgresAppFixture fixture) : CostShareApiTests(fixture);
