using System.Net;
using System.Net.Http.Json;
using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.Procurement.Domain;
using static DxCollab.IntegrationTests.Procurement.ProcurementTestData;
using static DxCollab.IntegrationTests.Procurement.VendorTestData;

namespace DxCollab.IntegrationTests.Procurement;

/// <summary>The RFI matrix: the lead defines items and records each vendor's answers; every member reads items × vendors;
/// kyoto neither reads nor writes it.</summary>
public abstract class RfiMatrixApiTests(AppFixture fixture) : AppTest(fixture)
{
    private static string Rfi(long id) => $"{Procurements}/{id}/rfi";

    [Fact]
    public async Task The_lead_fills_items_by_vendors_and_a_member_reads_the_same_table_but_cannot_change_it()
    {
        using var toyonaka = await App.SignInAsync("osaka", ToyonakaEmail);
        var id = await CreateWorkspaceAsync(toyonaka);
        await App.ArrangeActiveMemberAsync(id, Chihayaakasaka, "千早赤阪村");
        var os = (await (await toyonaka.PostAsJsonAsync($"{Rfi(id)}/items", new { name = "対応OS" })).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var fee = (await (await toyonaka.PostAsJsonAsync($"{Rfi(id)}/items", new { name = "料金体系", description = "1ユーザー月額" })).ReadJsonAsync(HttpStatusCode.Created))
            .GetProperty("id").GetInt64();
        await (await toyonaka.PutAsJsonAsync($"{Rfi(id)}/answers", new { itemId = os, vendorName = "A社", answer = "Windows / macOS / iOS / Android" })).ReadJsonAsync();
        await (await toyonaka.PutAsJsonAsync($"{Rfi(id)}/answers", new { itemId = fee, vendorName = "B社", answer = "月額600円" })).ReadJsonAsync();
        await (await toyonaka.PutAsJsonAsync($"{Rfi(id)}/answers", new { itemId = fee, vendorName = "A社", answer = "月額500円" })).ReadJsonAsync();
        // Recording again replaces the answer.
        await (await toyonaka.PutAsJsonAsync($"{Rfi(id)}/answers", new { itemId = fee, vendorName = "A社", answer = "月額480円（100ユーザー以上）" })).ReadJsonAsync();

        using var chihaya = await App.SignInAsync("osaka", ChihayaEmail);
        var matrix = await (await chihaya.GetAsync(Rfi(id))).ReadJsonAsync();
        matrix.GetProperty("vendors").EnumerateArray().Select(v => v.GetString()).ShouldBe(["A社", "B社"]);
        var rows = matrix.GetProperty("rows").EnumerateArray().ToList();
        rows.Select(r => r.GetProperty("item").GetProperty("name").GetString()).ShouldBe(["対応OS", "料金体系"]);
        rows[0].GetProperty("answers").EnumerateArray().Select(a => a.ValueKind == System.Text.Json.JsonValueKind.Null ? null : a.GetString())
            .ShouldBe(["Windows / macOS / iOS / Android", null]);
        rows[1].GetProperty("answers").EnumerateArray().Select(a => a.GetString()).ShouldBe(["月額480円（100ユーザー以上）", "月額600円"]);
        matrix.GetProperty("mayManage").GetBoolean().ShouldBeFalse();

        await (await chihaya.PostAsJsonAsync($"{Rfi(id)}/items", new { name = "導入実績" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await chihaya.PutAsJsonAsync($"{Rfi(id)}/answers", new { itemId = os, vendorName = "C社", answer = "x" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var xlsx = await chihaya.GetAsync($"{Rfi(id)}/export");
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        xlsx.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        using var kyoto = await App.SignInAsync("kyoto", "pref.admin@kyoto.example");
        await (await kyoto.GetAsync($"/api/v1/kyoto/procurements/{id}/rfi")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await kyoto.PutAsJsonAsync($"/api/v1/kyoto/procurements/{id}/rfi/answers", new { itemId = os, vendorName = "A社", answer = "x" }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await (await toyonaka.GetAsync(Rfi(id))).ReadJsonAsync()).GetProperty("rows")[0].GetProperty("answers")[0].GetString()
            .ShouldBe("Windows / macOS / iOS / Android");
    }

    [Fact]
    public async Task An_answer_to_an_item_of_another_workspace_or_without_a_vendor_is_refused_naming_the_field()
    {
        using var toyonaka = await App.SignInAsync("osaka", ToyonakaEmail);
        var id = await CreateWorkspaceAsync(toyonaka);
        var other = await CreateWorkspaceAsync(toyonaka, ChatWorkspace("別の共同調達"));
        var foreign = (await (await toyonaka.PostAsJsonAsync($"{Rfi(other)}/items", new { name = "対応OS" })).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        (await (await toyonaka.PutAsJsonAsync($"{Rfi(id)}/answers", new { itemId = foreign, vendorName = "A社", answer = "x" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldError("itemId").ShouldNotBeNullOrWhiteSpace();
        var own = (await (await toyonaka.PostAsJsonAsync($"{Rfi(id)}/items", new { name = "対応OS" })).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        (await (await toyonaka.PutAsJsonAsync($"{Rfi(id)}/answers", new { itemId = own, vendorName = " ", answer = "x" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldError("vendorName").ShouldNotBeNullOrWhiteSpace();
        (await (await toyonaka.PostAsJsonAsync($"{Rfi(id)}/items", new { name = "対応OS" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldError("name").ShouldNotBeNullOrWhiteSpace();
        (await (await toyonaka.GetAsync(Rfi(id))).ReadJsonAsync()).GetProperty("vendors").GetArrayLength().ShouldBe(0);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_RfiMatrixApi(SqliteAppFixture fixture) : RfiMatrixApiTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSql_RfiMatrixApi(PostgresAppFixture fixture) : RfiMatrixApiTests(fixture);
