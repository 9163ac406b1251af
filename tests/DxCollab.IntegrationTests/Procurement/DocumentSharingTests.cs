using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.Platform.Results;
using DxCollab.Procurement.CrossTenant;
using DxCollab.Procurement.Domain;
using Microsoft.Extensions.DependencyInjection;
using static DxCollab.IntegrationTests.Procurement.DocumentTestData;

namespace DxCollab.IntegrationTests.Procurement;

/// <summary>IWorkspaceContent, as the CrossTenant slice calls it in the lead's tenant for another prefecture's member: the
/// same labels rule by role (an observer sees no 機微 before the tender), files only of visible revisions, and verdicts
/// recorded for an active remote member (never an observer) beside this tenant's members'.</summary>
public abstract class DocumentSharingTests(AppFixture fixture) : AppTest(fixture)
{
    private const string Kasagi = "263648";

    [Fact]
    public async Task A_remote_member_sees_by_its_role_downloads_only_visible_revisions_and_its_verdict_counts_with_the_others()
    {
        using var seats = await App.ArrangeSeatsAsync();
        var spec = await seats.Lead.UploadDocumentAsync(seats.WorkspaceId, "共通仕様書", "Sensitive");
        await seats.Lead.UploadDocumentAsync(seats.WorkspaceId, "説明資料", "Public");
        await App.ArrangeActiveMemberAsync(seats.WorkspaceId, Kasagi, MemberRole.Member, ("kyoto", "笠置町"));
        var specRevision = (await seats.Lead.DocumentAsync(seats.WorkspaceId, spec)).GetProperty("revisions")[0].GetProperty("id").GetInt64();
        await (await seats.Lead.PostAsync($"{Revision(seats.WorkspaceId, spec, 1)}/approval", System.Net.Http.Json.JsonContent.Create(new { }))).ReadJsonAsync();

        var (forMember, forObserver, memberFile, observerFile, verdict, refused) = await App.InTenantAsync("osaka", async sp =>
        {
            var content = sp.GetRequiredService<IWorkspaceContent>();
            return (await content.DocumentsForAsync(seats.WorkspaceId, MemberRole.Member), await content.DocumentsForAsync(seats.WorkspaceId, MemberRole.Observer),
                await content.RevisionFileForAsync(seats.WorkspaceId, specRevision, MemberRole.Member),
                await content.RevisionFileForAsync(seats.WorkspaceId, specRevision, MemberRole.Observer),
                await content.RecordVerdictAsync(seats.WorkspaceId, specRevision, Kasagi, false, "京都府側の要件を追記してほしい", "笠置町 担当"),
                await content.RecordVerdictAsync(seats.WorkspaceId, specRevision, Suita, true, null, "吹田市 担当"));
        });
        forMember.Select(d => d.Title).Order().ShouldBe(["共通仕様書", "説明資料"]);
        forObserver.Select(d => d.Title).ShouldBe(["説明資料"]);
        memberFile.ShouldNotBeNull();
        observerFile.ShouldBeNull();
        verdict.Kind.ShouldBe(OutcomeKind.Ok);
        verdict.Value!.OrganizationName.ShouldBe("笠置町");
        refused.Kind.ShouldBe(OutcomeKind.Forbidden);

        var approval = (await seats.Lead.DocumentAsync(seats.WorkspaceId, spec)).GetProperty("revisions")[0].GetProperty("approval");
        approval.GetProperty("summary").GetString().ShouldBe("承認 0 / 差戻し 1 / 未回答 2");
        approval.GetProperty("verdicts")[0].GetProperty("organizationName").GetString().ShouldBe("笠置町");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_DocumentSharing(SqliteAppFixture fixture) : DocumentSharingTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSql_DocumentSharing(PostgresAppFixture fixture) : DocumentSharingTests(fixture);
