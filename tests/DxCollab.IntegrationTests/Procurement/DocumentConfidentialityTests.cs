using System.Net;
using System.Net.Http.Json;
using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.Procurement.Domain;
using static DxCollab.IntegrationTests.Procurement.DocumentTestData;

namespace DxCollab.IntegrationTests.Procurement;

/// <summary>The labels enforced on listing and download, seat by seat: 公開可 for every reader; 参加団体限り for the member
/// organisations (not the prefecture's staff reading without a seat); 機微 for the lead and members only until RFP・入札
/// is passed, then for observers too.</summary>
public abstract class DocumentConfidentialityTests(AppFixture fixture) : AppTest(fixture)
{
    private static async Task<bool> SeesAsync(HttpClient client, Seats seats, long documentId, string title)
    {
        var listed = (await client.ListedTitlesAsync(seats.WorkspaceId)).Contains(title);
        using var download = await client.GetAsync($"{Revision(seats.WorkspaceId, documentId, 1)}/file");
        using var detail = await client.GetAsync($"{seats.Documents}/{documentId}");
        if (download.StatusCode != HttpStatusCode.OK) await download.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        // What one may not download is neither listed nor described.
        listed.ShouldBe(download.StatusCode == HttpStatusCode.OK, title);
        (detail.StatusCode == HttpStatusCode.OK).ShouldBe(listed, title);
        return listed;
    }

    [Theory]
    [InlineData("Public", true, true, true, true)]
    [InlineData("MembersOnly", true, true, true, false)]
    [InlineData("Sensitive", true, true, false, false)]
    public async Task Before_the_tender_each_label_is_listed_and_downloaded_only_by_its_seats(string label, bool lead, bool member, bool observer, bool staff)
    {
        using var seats = await App.ArrangeSeatsAsync();
        var title = $"{label} の文書";
        var id = await seats.Lead.UploadDocumentAsync(seats.WorkspaceId, title, label);
        await App.ArrangePhaseAsync(seats.WorkspaceId, ProcurementPhase.Rfp);

        (await SeesAsync(seats.Lead, seats, id, title)).ShouldBe(lead);
        (await SeesAsync(seats.Member, seats, id, title)).ShouldBe(member);
        (await SeesAsync(seats.Observer, seats, id, title)).ShouldBe(observer);
        (await SeesAsync(seats.Staff, seats, id, title)).ShouldBe(staff);
    }

    [Fact]
    public async Task A_sensitive_specification_opens_to_observers_once_the_phase_passes_the_tender_but_never_to_the_staff_without_a_seat()
    {
        using var seats = await App.ArrangeSeatsAsync();
        var id = await seats.Lead.UploadDocumentAsync(seats.WorkspaceId, "仕様書（入札前）", "Sensitive");
        (await SeesAsync(seats.Observer, seats, id, "仕様書（入札前）")).ShouldBeFalse();

        await App.ArrangePhaseAsync(seats.WorkspaceId, ProcurementPhase.Contract);
        (await SeesAsync(seats.Observer, seats, id, "仕様書（入札前）")).ShouldBeTrue();
        (await SeesAsync(seats.Staff, seats, id, "仕様書（入札前）")).ShouldBeFalse();
    }

    [Fact]
    public async Task An_observer_cannot_approve_comment_on_or_add_a_revision_to_a_sensitive_document_it_may_not_see()
    {
        using var seats = await App.ArrangeSeatsAsync();
        var id = await seats.Lead.UploadDocumentAsync(seats.WorkspaceId, "機微な仕様書", "Sensitive");
        await (await seats.Observer.PostAsync($"{Revision(seats.WorkspaceId, id, 1)}/comments", JsonContent.Create(new { body = "見たい" })))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await seats.Observer.GetAsync($"{seats.Documents}/{id}/compare?a=1&b=1")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await seats.Staff.PostRevisionAsync(seats.WorkspaceId, id, "職員の版")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_DocumentConfidentiality(SqliteAppFixture fixture) : DocumentConfidentialityTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSql_DocumentConfidentiality(PostgresAppFixture fixture) : DocumentConfidentialityTests(fixture);
