using System.Net;
using System.Net.Http.Json;
using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.Procurement.Domain;
using static DxCollab.IntegrationTests.Procurement.DocumentTestData;
using static DxCollab.IntegrationTests.Procurement.ProcurementTestData;
using static DxCollab.IntegrationTests.Procurement.WorkspaceTestData;

namespace DxCollab.IntegrationTests.Procurement;

/// <summary>Edges between the slices found in review: what the decisions register says of a document a reader may not
/// open, a cost split's decision, a poll that would bring back a removed 団体, another prefecture's member row on the
/// same-prefecture member endpoints, lists with empty items, when a procurement is finished, and whose verdicts count.</summary>
public abstract class BoundaryTests(AppFixture fixture) : AppTest(fixture)
{
    [Fact]
    public async Task A_decision_resting_on_a_sensitive_specification_names_it_only_to_those_who_may_open_it()
    {
        using var seats = await App.ArrangeSeatsAsync();
        var spec = await seats.Lead.UploadDocumentAsync(seats.WorkspaceId, "仕様書（案）", "Sensitive");
        var basis = (await seats.Lead.DocumentAsync(seats.WorkspaceId, spec)).GetProperty("revisions")[0].GetProperty("id").GetInt64();
        await (await seats.Lead.PostAsJsonAsync(seats.Decisions, new { decidedOn = "2026-06-10", matter = "仕様書案で RFI を行う", basisRevisionId = basis,
            attendeeCodes = new[] { Toyonaka } })).ReadJsonAsync(HttpStatusCode.Created);

        var forLead = (await (await seats.Lead.GetAsync(seats.Decisions)).ReadJsonAsync())[0];
        forLead.GetProperty("basis").GetString().ShouldBe("仕様書（案） 第1版");
        forLead.GetProperty("basisRevisionId").GetInt64().ShouldBe(basis);
        foreach (var reader in new[] { seats.Observer, seats.Staff })
        {
            var seen = (await (await reader.GetAsync(seats.Decisions)).ReadJsonAsync())[0];
            seen.GetProperty("basis").GetString().ShouldBe("閲覧できない文書");
            seen.GetProperty("basisRevisionId").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        }
    }

    [Fact]
    public async Task Empty_items_in_a_decisions_attendees_or_a_cost_splits_members_are_refused_naming_the_field_and_nothing_is_stored()
    {
        using var seats = await App.ArrangeSeatsAsync();
        (await (await seats.Lead.PostAsJsonAsync(seats.Decisions, new { decidedOn = "2026-06-10", matter = "x", attendeeCodes = new string?[] { null } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldError("attendeeCodes").ShouldNotBeNullOrWhiteSpace();
        var costs = $"{Procurements}/{seats.WorkspaceId}/cost-shares";
        (await (await seats.Lead.PostAsJsonAsync(costs, new { title = "按分", initialCost = 1000L, annualCost = 0L, equalPercent = 50, members = new object?[] { null } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldError("members").ShouldNotBeNullOrWhiteSpace();
        (await (await seats.Lead.GetAsync(seats.Decisions)).ReadJsonAsync()).GetArrayLength().ShouldBe(0);
        (await (await seats.Lead.GetAsync(costs)).ReadJsonAsync()).GetProperty("shares").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task A_cost_split_belongs_only_to_a_decision_of_its_own_workspace()
    {
        using var seats = await App.ArrangeSeatsAsync();
        var other = await CreateWorkspaceAsync(seats.Lead, ChatWorkspace("別の共同調達"));
        var foreign = (await (await seats.Lead.PostAsJsonAsync($"{Procurements}/{other}/decisions", new { decidedOn = "2026-06-10", matter = "別の決定",
            attendeeCodes = new[] { Toyonaka } })).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var own = (await (await seats.Lead.PostAsJsonAsync(seats.Decisions, new { decidedOn = "2026-06-10", matter = "按分を決める",
            attendeeCodes = new[] { Toyonaka } })).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var costs = $"{Procurements}/{seats.WorkspaceId}/cost-shares";
        (await (await seats.Lead.PostAsJsonAsync(costs, new { title = "按分", initialCost = 1000L, annualCost = 0L, equalPercent = 100, decisionId = foreign }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldError("decisionId").ShouldContain("決定事項");
        (await (await seats.Lead.PostAsJsonAsync(costs, new { title = "按分", initialCost = 1000L, annualCost = 0L, equalPercent = 100, decisionId = own }))
            .ReadJsonAsync(HttpStatusCode.Created)).GetProperty("decisionId").GetInt64().ShouldBe(own);
    }

    [Fact]
    public async Task Closing_a_poll_does_not_bring_back_a_団体_that_answered_yes_joined_and_was_removed_meanwhile()
    {
        using var lead = await App.SignInAsync("osaka", ToyonakaEmail);
        using var chihaya = await App.SignInAsync("osaka", ChihayaEmail);
        var id = await CreateWorkspaceAsync(lead);
        var poll = (await (await lead.PostAsJsonAsync($"{Procurements}/{id}/polls", new { question = "参加しますか", deadline = "2031-09-30",
            candidateCodes = new[] { Chihayaakasaka } })).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        (await chihaya.PutAsJsonAsync($"{Procurements}/{id}/polls/{poll}/answer", new { choice = "Join" })).EnsureSuccessStatusCode();
        var memberId = await AddActiveMemberAsync(lead, chihaya, id, Chihayaakasaka);
        (await lead.PostAsJsonAsync($"{Procurements}/{id}/members/{memberId}/remove", new { reason = "予算が付かなかったため" })).EnsureSuccessStatusCode();

        (await lead.PostAsync($"{Procurements}/{id}/polls/{poll}/close", null)).EnsureSuccessStatusCode();
        (await MemberAsync(lead, id, Chihayaakasaka)).GetProperty("state").GetString().ShouldBe("Removed");
        await (await chihaya.GetAsync($"{Procurements}/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Another_prefectures_member_row_is_not_removed_nor_changed_through_the_same_prefecture_member_endpoints()
    {
        using var lead = await App.SignInAsync("osaka", ToyonakaEmail);
        var id = await CreateWorkspaceAsync(lead);
        await App.ArrangeActiveMemberAsync(id, "331007", MemberRole.Member, ("okayama", "岡山市"));
        var remote = (await MemberAsync(lead, id, "331007")).GetProperty("id").GetInt64();
        await (await lead.PostAsJsonAsync($"{Procurements}/{id}/members/{remote}/remove", new { reason = "x" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await lead.PutAsJsonAsync($"{Procurements}/{id}/members/{remote}/role", new { role = "Observer" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var row = await MemberAsync(lead, id, "331007");
        (row.GetProperty("state").GetString(), row.GetProperty("role").GetString()).ShouldBe(("Active", "Member"));
    }

    [Fact]
    public async Task Reaching_運用_finishes_the_procurement_and_going_back_reopens_it()
    {
        using var lead = await App.SignInAsync("osaka", ToyonakaEmail);
        var id = await CreateWorkspaceAsync(lead);
        (await lead.PostAsJsonAsync($"{Procurements}/{id}/phase", new { phase = "Operation" })).EnsureSuccessStatusCode();
        (await (await lead.GetAsync($"{Procurements}/{id}")).ReadJsonAsync()).GetProperty("finishedAt").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.String);
        (await lead.PostAsJsonAsync($"{Procurements}/{id}/phase", new { phase = "Rollout", note = "追加の導入" })).EnsureSuccessStatusCode();
        (await (await lead.GetAsync($"{Procurements}/{id}")).ReadJsonAsync()).GetProperty("finishedAt").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task A_removed_members_verdict_stays_listed_but_is_no_longer_counted()
    {
        using var seats = await App.ArrangeSeatsAsync();
        var doc = await seats.Lead.UploadDocumentAsync(seats.WorkspaceId, "仕様書");
        var revision = Revision(seats.WorkspaceId, doc, 1);
        (await seats.Lead.PostAsJsonAsync($"{revision}/approval", new { })).EnsureSuccessStatusCode();
        (await seats.Member.PostAsJsonAsync($"{revision}/verdicts", new { approved = true, comment = "異議なし" })).EnsureSuccessStatusCode();
        var memberId = (await MemberAsync(seats.Lead, seats.WorkspaceId, Chihayaakasaka)).GetProperty("id").GetInt64();
        (await seats.Lead.PostAsJsonAsync($"{Procurements}/{seats.WorkspaceId}/members/{memberId}/remove", new { reason = "参加を取りやめたため" }))
            .EnsureSuccessStatusCode();

        var approval = (await seats.Lead.DocumentAsync(seats.WorkspaceId, doc)).GetProperty("revisions")[0].GetProperty("approval");
        approval.GetProperty("approvedCount").GetInt32().ShouldBe(0);
        approval.GetProperty("verdicts").EnumerateArray().Select(v => v.GetProperty("organizationCode").GetString()).ShouldBe([Chihayaakasaka]);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_Boundary(SqliteAppFixture fixture) : BoundaryTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSql_Boundary(PostgresAppFixture fixture) : BoundaryTests(fixture);
