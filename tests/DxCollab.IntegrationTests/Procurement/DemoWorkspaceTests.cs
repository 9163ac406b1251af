using System.Net;
using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.Platform.Hosting;
using DxCollab.Procurement.Demo;
using Microsoft.Extensions.DependencyInjection;
using static DxCollab.IntegrationTests.Procurement.ProcurementTestData;

namespace DxCollab.IntegrationTests.Procurement;

/// <summary>Demo mode opens with osaka's 「ビジネスチャット共同調達」: led by 豊中市, 12 member municipalities, RFP・入札, a
/// finished 意向調査 (10 参加, 2 条件付き, 3 不参加, 2 未回答), milestones and a 事務委託 record; 千早赤阪村's officer is a member.
/// Seeding again adds nothing.</summary>
[Collection(DemoSqliteCollection.Name)]
public sealed class DemoWorkspaceTests(DemoSqliteAppFixture fixture) : AppTest(fixture)
{
    [Fact]
    public async Task Osaka_opens_with_the_business_chat_procurement_in_the_rfp_phase_after_a_finished_poll()
    {
        using var chihaya = await App.SignInAsync("osaka", ChihayaEmail);
        var summary = (await (await chihaya.GetAsync(Procurements)).ReadJsonAsync()).EnumerateArray()
            .Single(w => w.GetProperty("title").GetString() == ProcurementDemoWorkspaces.ChatTitle);
        summary.GetProperty("leadOrganizationName").GetString().ShouldBe("豊中市");
        summary.GetProperty("phaseName").GetString().ShouldBe("RFP・入札");
        summary.GetProperty("activeMembers").GetInt32().ShouldBe(13); // the lead and 12 members
        var id = summary.GetProperty("id").GetInt64();

        var workspace = await (await chihaya.GetAsync($"{Procurements}/{id}")).ReadJsonAsync();
        workspace.GetProperty("mySeat").GetString().ShouldBe("Member");
        workspace.GetProperty("members").EnumerateArray().Count(m => m.GetProperty("conditions").ValueKind == System.Text.Json.JsonValueKind.String).ShouldBe(2);

        var poll = (await (await chihaya.GetAsync($"{Procurements}/{id}/polls")).ReadJsonAsync()).EnumerateArray().Single();
        poll.GetProperty("isOpen").GetBoolean().ShouldBeFalse();
        var results = poll.GetProperty("results");
        (results.GetProperty("join").GetInt32(), results.GetProperty("conditional").GetInt32(), results.GetProperty("decline").GetInt32(),
            results.GetProperty("unanswered").GetInt32()).ShouldBe((10, 2, 3, 2));

        var milestones = (await (await chihaya.GetAsync($"{Procurements}/{id}/milestones")).ReadJsonAsync()).EnumerateArray().ToList();
        milestones.Count.ShouldBe(7);
        milestones.Count(m => m.GetProperty("overdue").GetBoolean()).ShouldBe(1);
        (await (await chihaya.GetAsync($"{Procurements}/{id}/agreement")).ReadJsonAsync()).GetProperty("kindName").GetString().ShouldBe("事務委託");
    }

    [Fact]
    public async Task Seeding_again_adds_no_second_workspace()
    {
        await App.Factory.Services.GetRequiredService<DemoData>().SeedFiguresAsync(c => c is ProcurementDemoWorkspaces);
        using var staff = await App.SignInAsync("osaka", OsakaAdmin);
        (await (await staff.GetAsync(Procurements)).ReadJsonAsync()).EnumerateArray()
            .Count(w => w.GetProperty("title").GetString() == ProcurementDemoWorkspaces.ChatTitle).ShouldBe(1);
    }
}
