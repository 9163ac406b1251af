using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.Procurement.Domain;
using static DxCollab.IntegrationTests.Procurement.ProcurementTestData;
using static DxCollab.IntegrationTests.Procurement.VendorTestData;
using DxCollab.Platform.Data;
using DxCollab.Procurement.Catalogue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.IntegrationTests.Procurement;

/// <summary>The case catalogue: a finished workspace's lead publishes a case (through the outbox to the host), and every
/// prefecture reads it — the only cross-tenant view; the specification goes only on request and the lead's approval.</summary>
public abstract class CatalogueApiTests(AppFixture fixture) : AppTest(fixture)
{
    private const string KyotoCatalogue = "/api/v1/kyoto/procurements/catalogue";

    private static object Case(long? specification, bool shareable = true) => new
    {
        process = "府内12団体で意向調査を行い、豊中市を代表団体に仕様書を共同で作成。総合評価落札方式で入札。",
        specificationShareable = shareable,
        specificationDocumentId = specification,
    };

    /// <summary>A workspace of 豊中市 (lead) and 千早赤阪村 with its specification (機微) at 第1版; not yet finished.</summary>
    private async Task<(HttpClient Lead, long Id, long Specification)> FinishedWorkspaceAsync(string title)
    {
        var toyonaka = await App.SignInAsync("osaka", ToyonakaEmail);
        var id = await CreateWorkspaceAsync(toyonaka, new { subject = "RPA", title, description = "RPAの共同調達" });
        await App.ArrangeActiveMemberAsync(id, Chihayaakasaka, "千早赤阪村");
        var specification = await toyonaka.UploadDocumentAsync(id, "RPA仕様書", "Sensitive", DocumentTestData.Pdf("RPA仕様書 第1版"));
        return (toyonaka, id, specification);
    }

    private static Task<JsonElement> InCatalogueAsync(HttpClient reader, string catalogue, string title) => EventuallyAsync(async () =>
    {
        var cases = await reader.GetFromJsonAsync<JsonElement>($"{catalogue}?q={Uri.EscapeDataString(title)}");
        var found = cases.EnumerateArray().Where(c => c.GetProperty("title").GetString() == title).ToList();
        return found.Count == 1 ? found[0] : (JsonElement?)null;
    }, $"case {title} in the catalogue");

    [Fact]
    public async Task A_published_case_reaches_kyoto_and_the_national_viewer_with_members_population_and_costs_of_the_latest_split()
    {
        var (toyonaka, id, specification) = await FinishedWorkspaceAsync("RPA共同調達（令和6年度）");
        using var _ = toyonaka;
        await (await toyonaka.PostAsJsonAsync($"{Procurements}/{id}/cost-shares", new
        {
            title = "按分", initialCost = 3_000_000L, annualCost = 1_200_000L, equalPercent = 50,
            members = new[] { new { organizationCode = Toyonaka, population = 401_558L }, new { organizationCode = Chihayaakasaka, population = 4_812L } },
        })).ReadJsonAsync(HttpStatusCode.Created);
        await App.ArrangeFinishedAsync(id);
        await (await toyonaka.PostAsJsonAsync($"{Procurements}/{id}/case", Case(specification))).ReadJsonAsync(HttpStatusCode.Created);

        using var kyoto = await App.SignInAsync("kyoto", "kasagi@kyoto.example");
        // Width and kana do not matter: 「ｒｐａ」 finds 「RPA共同調達」.
        var seen = await InCatalogueAsync(kyoto, KyotoCatalogue, "RPA共同調達（令和6年度）");
        seen.GetProperty("sourcePrefectureName").GetString().ShouldBe("大阪府");
        seen.GetProperty("memberNames").EnumerateArray().Select(m => m.GetString()).ShouldBe(["豊中市", "千早赤阪村"]);
        seen.GetProperty("totalPopulation").GetInt64().ShouldBe(406_370);
        seen.GetProperty("initialCost").GetInt64().ShouldBe(3_000_000);
        seen.GetProperty("annualCost").GetInt64().ShouldBe(1_200_000);
        (await kyoto.GetFromJsonAsync<JsonElement>($"{KyotoCatalogue}?q={Uri.EscapeDataString("ｒｐａ")}")).EnumerateArray()
            .ShouldContain(c => c.GetProperty("id").GetInt64() == seen.GetProperty("id").GetInt64());
        (await (await kyoto.GetAsync($"{KyotoCatalogue}/{seen.GetProperty("id").GetInt64()}")).ReadJsonAsync()).GetProperty("process").GetString()!
            .ShouldContain("総合評価落札方式");

        using var national = await App.SignInAsync(null, "national@dxcollab.example");
        await InCatalogueAsync(national, "/api/v1/catalogue/procurements", "RPA共同調達（令和6年度）");
        // A prefecture user is kept out of the host-level address (it reads the same list at its own).
        await (await kyoto.GetAsync("/api/v1/catalogue/procurements")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        // The catalogue is the only view: kyoto still cannot open osaka's workspace.
        await (await kyoto.GetAsync($"/api/v1/kyoto/procurements/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Only_the_lead_of_a_finished_workspace_publishes_and_only_once()
    {
        var (toyonaka, id, specification) = await FinishedWorkspaceAsync("RPA共同調達 公開の条件");
        using var _ = toyonaka;
        await (await toyonaka.PostAsJsonAsync($"{Procurements}/{id}/case", Case(specification))).ShouldBeProblemAsync(HttpStatusCode.Conflict); // not finished
        await App.ArrangeFinishedAsync(id);
        (await (await toyonaka.PostAsJsonAsync($"{Procurements}/{id}/case", new { process = " ", specificationShareable = true }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldError("process").ShouldNotBeNullOrWhiteSpace();
        using var chihaya = await App.SignInAsync("osaka", ChihayaEmail);
        await (await chihaya.PostAsJsonAsync($"{Procurements}/{id}/case", Case(specification))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await toyonaka.PostAsJsonAsync($"{Procurements}/{id}/case", Case(specification))).ReadJsonAsync(HttpStatusCode.Created);
        await (await toyonaka.PostAsJsonAsync($"{Procurements}/{id}/case", Case(specification))).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        using var kyoto = await App.SignInAsync("kyoto", "pref.admin@kyoto.example");
        await (await kyoto.PostAsJsonAsync($"/api/v1/kyoto/procurements/{id}/case", Case(specification))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Kyoto_asks_for_the_specification_and_the_osaka_lead_sees_and_approves_the_request_which_kyoto_then_sees_approved()
    {
        var (toyonaka, id, specification) = await FinishedWorkspaceAsync("RPA共同調達 仕様書の提供");
        using var _ = toyonaka;
        await App.ArrangeFinishedAsync(id);
        await (await toyonaka.PostAsJsonAsync($"{Procurements}/{id}/case", Case(specification))).ReadJsonAsync(HttpStatusCode.Created);
        using var kasagi = await App.SignInAsync("kyoto", "kasagi@kyoto.example");
        var caseId = (await InCatalogueAsync(kasagi, KyotoCatalogue, "RPA共同調達 仕様書の提供")).GetProperty("id").GetInt64();

        (await (await kasagi.PostAsJsonAsync($"{KyotoCatalogue}/{caseId}/specification-requests", new { reason = "令和9年度の調達の参考" }))
            .ReadJsonAsync(HttpStatusCode.Created)).GetProperty("state").GetString().ShouldBe("Pending");
        await (await kasagi.PostAsJsonAsync($"{KyotoCatalogue}/{caseId}/specification-requests", new { })).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        var request = await EventuallyAsync(async () =>
        {
            var list = await toyonaka.GetFromJsonAsync<JsonElement>($"{Procurements}/{id}/specification-requests");
            return list.GetArrayLength() == 1 ? list[0] : (JsonElement?)null;
        }, "osaka's lead sees the request");
        request.GetProperty("requesterOrganizationName").GetString().ShouldBe("笠置町");
        request.GetProperty("requesterTenant").GetString().ShouldBe("kyoto");
        using var chihaya = await App.SignInAsync("osaka", ChihayaEmail); // a member, not the lead
        await (await chihaya.GetAsync($"{Procurements}/{id}/specification-requests")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await chihaya.PostAsJsonAsync($"{Procurements}/{id}/specification-requests/{request.GetProperty("id").GetInt64()}/decision",
            new { approve = true })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        // kyoto's officers never see or decide osaka's record of the request, even with its numbers.
        await (await kasagi.GetAsync($"/api/v1/kyoto/procurements/{id}/specification-requests")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await kasagi.PostAsJsonAsync($"/api/v1/kyoto/procurements/{id}/specification-requests/{request.GetProperty("id").GetInt64()}/decision",
            new { approve = true })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await toyonaka.PostAsJsonAsync($"{Procurements}/{id}/specification-requests/{request.GetProperty("id").GetInt64()}/decision",
            new { approve = true, note = "最終版（第3版）をお送りします" })).ReadJsonAsync();
        await EventuallyAsync(async () =>
        {
            var asks = await kasagi.GetFromJsonAsync<JsonElement>($"{KyotoCatalogue}/specification-requests");
            var ask = asks.EnumerateArray().Single(a => a.GetProperty("caseTitle").GetString() == "RPA共同調達 仕様書の提供");
            return ask.GetProperty("state").GetString() == "Approved" ? ask : (JsonElement?)null;
        }, "kyoto sees the approval");
    }

    [Fact]
    public async Task A_case_whose_specification_is_not_shareable_cannot_be_asked_for()
    {
        var (toyonaka, id, specification) = await FinishedWorkspaceAsync("RPA共同調達 提供しない");
        using var _ = toyonaka;
        await App.ArrangeFinishedAsync(id);
        await (await toyonaka.PostAsJsonAsync($"{Procurements}/{id}/case", Case(null, shareable: false))).ReadJsonAsync(HttpStatusCode.Created);
        using var kasagi = await App.SignInAsync("kyoto", "kasagi@kyoto.example");
        var caseId = (await InCatalogueAsync(kasagi, KyotoCatalogue, "RPA共同調達 提供しない")).GetProperty("id").GetInt64();
        await (await kasagi.PostAsJsonAsync($"{KyotoCatalogue}/{caseId}/specification-requests", new { })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    /// <summary>Publishes a finished case naming its specification, and has 笠置町 of kyoto ask for it; returns the ids both
    /// sides know the request by.</summary>
    private async Task<(long CaseId, long AskId, long RequestId)> AskedAsync(HttpClient toyonaka, HttpClient kasagi, long id, long specification, string title)
    {
        await App.ArrangeFinishedAsync(id);
        await (await toyonaka.PostAsJsonAsync($"{Procurements}/{id}/case", Case(specification))).ReadJsonAsync(HttpStatusCode.Created);
        var caseId = (await InCatalogueAsync(kasagi, KyotoCatalogue, title)).GetProperty("id").GetInt64();
        var askId = (await (await kasagi.PostAsJsonAsync($"{KyotoCatalogue}/{caseId}/specification-requests", new { reason = "参考" }))
            .ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var request = await EventuallyAsync(async () =>
        {
            var list = await toyonaka.GetFromJsonAsync<JsonElement>($"{Procurements}/{id}/specification-requests");
            return list.GetArrayLength() == 1 ? list[0] : (JsonElement?)null;
        }, "osaka's lead sees the request");
        return (caseId, askId, request.GetProperty("id").GetInt64());
    }

    private static Task<JsonElement> AskStateAsync(HttpClient kasagi, long askId, string state) => EventuallyAsync(async () =>
    {
        var ask = (await kasagi.GetFromJsonAsync<JsonElement>($"{KyotoCatalogue}/specification-requests")).EnumerateArray()
            .Single(a => a.GetProperty("id").GetInt64() == askId);
        return ask.GetProperty("state").GetString() == state ? ask : (JsonElement?)null;
    }, $"kyoto's ask is {state}");

    [Fact]
    public async Task Once_approved_kyoto_downloads_the_specifications_latest_revision_and_no_one_else_can()
    {
        const string title = "RPA共同調達 仕様書のダウンロード";
        var (toyonaka, id, specification) = await FinishedWorkspaceAsync(title);
        using var _ = toyonaka;
        using var kasagi = await App.SignInAsync("kyoto", "kasagi@kyoto.example");
        var (_, askId, requestId) = await AskedAsync(toyonaka, kasagi, id, specification, title);
        var file = $"{KyotoCatalogue}/specification-requests/{askId}/file";
        // Not yet decided: nothing to download.
        await (await kasagi.GetAsync(file)).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        // A later revision is what is given: the source grants the latest at the time of the download.
        var second = DocumentTestData.Pdf("RPA仕様書 第2版（入札公告版）");
        (await toyonaka.UploadRevisionAsync(id, specification, "入札公告版", second)).ShouldBe(2);
        await (await toyonaka.PostAsJsonAsync($"{Procurements}/{id}/specification-requests/{requestId}/decision", new { approve = true })).ReadJsonAsync();
        await AskStateAsync(kasagi, askId, "Approved");

        var response = await kasagi.GetAsync(file);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsByteArrayAsync()).ShouldBe(second);
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");

        // Another 団体 of kyoto, and any user of another prefecture, cannot use 笠置町's request.
        await App.CreateUserAsync("kyoto", "kyoto.city.spec@kyoto.example", "Kyoto-City-2026!", "261009", "MunicipalOfficer");
        using var kyotoCity = await App.SignInAsync("kyoto", "kyoto.city.spec@kyoto.example", "Kyoto-City-2026!");
        await (await kyotoCity.GetAsync(file)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await App.CreateUserAsync("hyogo", "admin.spec@hyogo.example", "Hyogo-Admin-2026!", "280003", "PrefectureAdmin");
        using var hyogo = await App.SignInAsync("hyogo", "admin.spec@hyogo.example", "Hyogo-Admin-2026!");
        await (await hyogo.GetAsync($"/api/v1/hyogo/procurements/catalogue/specification-requests/{askId}/file")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        // osaka's own members do not download through kyoto's record either (the id is kyoto's).
        await (await toyonaka.GetAsync($"{Procurements}/catalogue/specification-requests/{askId}/file")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_refused_request_gives_no_file()
    {
        const string title = "RPA共同調達 仕様書を断る";
        var (toyonaka, id, specification) = await FinishedWorkspaceAsync(title);
        using var _ = toyonaka;
        using var kasagi = await App.SignInAsync("kyoto", "kasagi@kyoto.example");
        var (_, askId, requestId) = await AskedAsync(toyonaka, kasagi, id, specification, title);
        await (await toyonaka.PostAsJsonAsync($"{Procurements}/{id}/specification-requests/{requestId}/decision",
            new { approve = false, note = "入札手続き中のため" })).ReadJsonAsync();
        await AskStateAsync(kasagi, askId, "Refused");
        await (await kasagi.GetAsync($"{KyotoCatalogue}/specification-requests/{askId}/file")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_source_prefecture_decides_a_download_by_its_own_record_not_the_requesters()
    {
        const string title = "RPA共同調達 記録の改ざん";
        var (toyonaka, id, specification) = await FinishedWorkspaceAsync(title);
        using var _ = toyonaka;
        using var kasagi = await App.SignInAsync("kyoto", "kasagi@kyoto.example");
        var (_, askId, _) = await AskedAsync(toyonaka, kasagi, id, specification, title);
        // kyoto's own record says 提供可 (written behind the API); osaka never approved.
        await App.InTenantAsync("kyoto", async services =>
        {
            var db = services.GetRequiredService<DxCollabDbContext>();
            var ask = await db.Set<SpecificationAsk>().SingleAsync(a => a.Id == askId);
            ask.State = SpecificationRequestState.Approved;
            await db.SaveChangesAsync();
        });
        await (await kasagi.GetAsync($"{KyotoCatalogue}/specification-requests/{askId}/file")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_shareable_case_names_a_document_of_its_own_workspace_with_a_revision()
    {
        var (toyonaka, id, _) = await FinishedWorkspaceAsync("RPA共同調達 仕様書の指定");
        using var __ = toyonaka;
        var (_, other, otherSpecification) = await FinishedWorkspaceAsync("RPA共同調達 別の共同調達");
        await App.ArrangeFinishedAsync(id);
        (await (await toyonaka.PostAsJsonAsync($"{Procurements}/{id}/case", Case(null))).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .FieldError("specificationDocumentId").ShouldNotBeNullOrWhiteSpace();
        (await (await toyonaka.PostAsJsonAsync($"{Procurements}/{id}/case", Case(otherSpecification))).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .FieldError("specificationDocumentId").ShouldNotBeNullOrWhiteSpace();
        other.ShouldNotBe(id);
        // Nothing was published by the refused attempts.
        (await toyonaka.GetFromJsonAsync<JsonElement>($"{Procurements}/catalogue?q={Uri.EscapeDataString("仕様書の指定")}")).GetArrayLength().ShouldBe(0);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_CatalogueApi(SqliteAppFixture fixture) : CatalogueApiTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSql_CatalogueApi(PostgresAppFixture fixture) : CatalogueApiTests(fixture);
