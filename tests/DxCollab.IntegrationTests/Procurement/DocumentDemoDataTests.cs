using System.Net;
using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.Platform.Tenancy;
using DxCollab.Procurement.Documents;
using DxCollab.Procurement.Domain;
using Microsoft.Extensions.DependencyInjection;
using static DxCollab.IntegrationTests.Procurement.DocumentTestData;
using static DxCollab.IntegrationTests.Procurement.ProcurementTestData;

namespace DxCollab.IntegrationTests.Procurement;

/// <summary>The demo documents on a 「ビジネスチャット共同調達」 of 12 voting members: the 機微 specification in its 第3版
/// with 承認 9 / 差戻し 1 / 未回答 2 (the 差戻し with its reason), 第2版 with its own approval, files that download, and two
/// decisions resting on 第2版 and 第3版; a second run adds nothing.</summary>
[Collection(SqliteCollection.Name)]
public sealed class Sqlite_DocumentDemoData(SqliteAppFixture fixture) : AppTest(fixture)
{
    private static readonly string[] Others = ["272043", "272078", "272086", "272094", "272108", "272116", "272124", "272132", "272141", "272159"];

    [Fact]
    public async Task The_demo_specification_stands_at_its_third_revision_approved_by_most_members_with_two_decisions()
    {
        var lead = await App.SignInAsync("osaka", ToyonakaEmail);
        var id = await CreateWorkspaceAsync(lead, ChatWorkspace(DocumentDemoData.WorkspaceTitle));
        await App.ArrangeActiveMemberAsync(id, Chihayaakasaka, MemberRole.Member);
        foreach (var code in Others) await App.ArrangeActiveMemberAsync(id, code, MemberRole.Member);
        await App.ArrangePhaseAsync(id, ProcurementPhase.Rfp);
        for (var run = 0; run < 2; run++)
            await App.InTenantAsync("osaka", async sp =>
            {
                var tenant = (await sp.GetRequiredService<MultiTenancy.IMultiTenantStore<PrefectureTenant>>().GetAsync("osaka"))!;
                await sp.With<DocumentDemoData>(TimeProvider.System).SeedAsync(tenant, sp, default);
            });

        var list = (await (await lead.GetAsync($"{Procurements}/{id}/documents")).ReadJsonAsync()).GetProperty("documents").EnumerateArray().ToList();
        list.Count.ShouldBe(4);
        var spec = list.Single(d => d.GetProperty("title").GetString() == "ビジネスチャット仕様書");
        spec.GetProperty("confidentialityName").GetString().ShouldBe("機微");
        spec.GetProperty("latestNumber").GetInt32().ShouldBe(3);
        var revisions = (await lead.DocumentAsync(id, spec.GetProperty("id").GetInt64())).GetProperty("revisions").EnumerateArray().ToList();
        revisions[0].GetProperty("approval").GetProperty("summary").GetString().ShouldBe("承認 9 / 差戻し 1 / 未回答 2");
        revisions[0].GetProperty("approval").GetProperty("verdicts").EnumerateArray().Single(v => !v.GetProperty("approved").GetBoolean())
            .GetProperty("comment").GetString().ShouldNotBeNullOrWhiteSpace();
        revisions[1].GetProperty("approval").GetProperty("closed").GetBoolean().ShouldBeTrue();
        using var file = await lead.GetAsync($"{Revision(id, spec.GetProperty("id").GetInt64(), 3)}/file");
        file.StatusCode.ShouldBe(HttpStatusCode.OK);

        var decisions = (await (await lead.GetAsync($"{Procurements}/{id}/decisions")).ReadJsonAsync()).EnumerateArray().ToList();
        decisions.Select(d => d.GetProperty("basis").GetString()).ShouldBe(["ビジネスチャット仕様書 第2版", "ビジネスチャット仕様書 第3版"]);
    }
}
