using System.Net.Http.Json;
using System.Text.Json;
using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.Platform.Data;
using DxCollab.Platform.Hosting;
using DxCollab.Procurement.Domain;
using DxCollab.Procurement.Vendors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DxCollab.IntegrationTests.Procurement.VendorTestData;

namespace DxCollab.IntegrationTests.Procurement;

/// <summary>Demo mode: osaka's finished 「RPA共同調達（令和6年度）」 is in the catalogue kyoto reads; seeding again adds nothing.
/// (The chat workspace's questions, RFI and cost split need the Workspaces slice's demo workspace: checked after the merge.)</summary>
[Collection(DemoSqliteCollection.Name)]
public sealed class VendorDemoTests(DemoSqliteAppFixture fixture) : AppTest(fixture)
{
    [Fact]
    public async Task Kyoto_reads_osakas_finished_rpa_case_in_the_catalogue_and_seeding_again_adds_no_second_workspace()
    {
        using var kasagi = await App.SignInAsync("kyoto", "kasagi@kyoto.example");
        var found = await EventuallyAsync(async () =>
        {
            var cases = await kasagi.GetFromJsonAsync<JsonElement>("/api/v1/kyoto/procurements/catalogue?q=RPA");
            var rpa = cases.EnumerateArray().Where(c => c.GetProperty("title").GetString() == VendorDemoData.RpaTitle).ToList();
            return rpa.Count == 1 ? rpa[0] : (JsonElement?)null;
        }, "the demo case in the catalogue", seconds: 60);
        found.GetProperty("sourcePrefectureName").GetString().ShouldBe("大阪府");
        found.GetProperty("memberNames").GetArrayLength().ShouldBe(5);
        found.GetProperty("specificationShareable").GetBoolean().ShouldBeTrue();

        await App.Factory.Services.GetRequiredService<DemoData>().SeedFiguresAsync(c => c is VendorDemoData);
        (await App.InTenantAsync("osaka", sp => sp.GetRequiredService<DxCollabDbContext>().Set<Workspace>().CountAsync(w => w.Title == VendorDemoData.RpaTitle)))
            .ShouldBe(1);
    }
}
