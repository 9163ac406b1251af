using System.Net;
using System.Net.Http.Json;
using DxCollab.IntegrationTests.Infrastructure;
using MiniExcelLibs;
using static DxCollab.IntegrationTests.Procurement.DocumentTestData;
using static DxCollab.IntegrationTests.Procurement.ProcurementTestData;

namespace DxCollab.IntegrationTests.Procurement;

/// <summary>The decisions register: the lead records (日付, 決定事項, 根拠となる版, 出席団体), every reader lists and exports it
/// as xlsx with 和暦 and 「仕様書 第3版」; members, observers and kyoto may not record; wrong input names its field.</summary>
public abstract class DecisionApiTests(AppFixture fixture) : AppTest(fixture)
{
    [Fact]
    public async Task The_lead_records_a_decision_resting_on_a_revision_and_every_reader_exports_the_register_as_xlsx()
    {
        using var seats = await App.ArrangeSeatsAsync();
        var id = await seats.Lead.UploadDocumentAsync(seats.WorkspaceId, "仕様書");
        await seats.Lead.UploadRevisionAsync(seats.WorkspaceId, id, "第2版");
        await seats.Lead.UploadRevisionAsync(seats.WorkspaceId, id, "第3版");
        var basis = (await seats.Lead.DocumentAsync(seats.WorkspaceId, id)).GetProperty("revisions")[0].GetProperty("id").GetInt64();

        var recorded = await (await seats.Lead.PostAsJsonAsync(seats.Decisions, new
        {
            decidedOn = "2026-06-10", matter = "仕様書第3版で入札公告を行う", basisRevisionId = basis, attendeeCodes = new[] { Toyonaka, Chihayaakasaka, Suita },
        })).ReadJsonAsync(HttpStatusCode.Created);
        recorded.GetProperty("basis").GetString().ShouldBe("仕様書 第3版");
        recorded.GetProperty("decidedOnJapanese").GetString().ShouldBe("令和8年6月10日");
        recorded.GetProperty("attendees").EnumerateArray().Select(a => a.GetProperty("organizationName").GetString()).ShouldBe(["豊中市", "千早赤阪村", "吹田市"]);

        await (await seats.Member.PostAsJsonAsync(seats.Decisions, new { decidedOn = "2026-06-10", matter = "x", attendeeCodes = new[] { Toyonaka } }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await seats.Observer.PostAsJsonAsync(seats.Decisions, new { decidedOn = "2026-06-10", matter = "x", attendeeCodes = new[] { Toyonaka } }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await (await seats.Observer.GetAsync(seats.Decisions)).ReadJsonAsync()).GetArrayLength().ShouldBe(1);

        using var export = await seats.Observer.GetAsync($"{seats.Decisions}/export");
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        export.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        var rows = new MemoryStream(await export.Content.ReadAsByteArrayAsync()).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        rows.Count.ShouldBe(1);
        rows[0]["決定日（和暦）"].ShouldBe("令和8年6月10日");
        rows[0]["決定事項"].ShouldBe("仕様書第3版で入札公告を行う");
        rows[0]["根拠となる版"].ShouldBe("仕様書 第3版");
        rows[0]["出席団体"].ShouldBe("豊中市、千早赤阪村、吹田市");

        await (await seats.Kyoto.GetAsync($"/api/v1/kyoto/procurements/{seats.WorkspaceId}/decisions")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await seats.Kyoto.GetAsync($"{seats.Decisions}/export")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("decidedOn")]
    [InlineData("matter")]
    [InlineData("attendeeCodes")]
    [InlineData("basisRevisionId")]
    public async Task A_decision_without_a_date_a_matter_member_attendees_or_with_a_foreign_basis_is_refused_naming_the_field(string field)
    {
        using var seats = await App.ArrangeSeatsAsync();
        var other = await CreateWorkspaceAsync(seats.Lead, ChatWorkspace("別の共同調達"));
        var foreign = (await (await seats.Lead.PostDocumentAsync(other, "別の仕様書", "Public")).ReadJsonAsync(HttpStatusCode.Created))
            .GetProperty("revisions")[0].GetProperty("id").GetInt64();
        object input = field switch
        {
            "decidedOn" => new { matter = "決定", attendeeCodes = new[] { Toyonaka } },
            "matter" => new { decidedOn = "2026-06-10", matter = "\u200B", attendeeCodes = new[] { Toyonaka } },
            "attendeeCodes" => new { decidedOn = "2026-06-10", matter = "決定", attendeeCodes = new[] { Toyonaka, "263648" } },
            _ => new { decidedOn = "2026-06-10", matter = "決定", basisRevisionId = foreign, attendeeCodes = new[] { Toyonaka } },
        };
        (await (await seats.Lead.PostAsJsonAsync(seats.Decisions, input)).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .FieldError(field).ShouldNotBeNullOrWhiteSpace();
        (await (await seats.Lead.GetAsync(seats.Decisions)).ReadJsonAsync()).GetArrayLength().ShouldBe(0);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_DecisionApi(SqliteAppFixture fixture) : DecisionApiTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSql_DecisionApi(PostgresAppFixture fixture) : DecisionApiTests(fixture);
