using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.Platform.Data;
using DxCollab.TalentPool.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DxCollab.IntegrationTests.TalentPool.MatchingTestData;

namespace DxCollab.IntegrationTests.TalentPool;

/// <summary>Capacity is a hard limit on PostgreSQL under real concurrency: 50 staff requests booking the same expert at
/// once never over-book a month and every refused caller gets a clear 409; and the database itself refuses a booking
/// written around the service.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgreSql_AssignmentConcurrency(PostgresAppFixture fixture) : AppTest(fixture)
{
    [Fact]
    public async Task Fifty_parallel_assignments_of_one_expert_never_exceed_capacity_and_every_refusal_is_a_clear_409()
    {
        var staff = await App.SignInAsync("osaka", Staff);
        var officer = await App.SignInAsync("osaka", ToyonakaOfficer);
        var expert = await staff.ExpertAsync(await App.SkillAreasAsync("osaka"), "同時 予約", capacity: 100);
        var requests = new List<long>();
        for (var i = 0; i < 50; i++) requests.Add(await officer.RequestAsync($"同時の依頼 {i}", "network"));

        // 50 × 8 hours in April–May 2031 against 100 hours a month: at most 12 fit.
        var clients = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => App.SignInAsync("osaka", Staff)));
        var responses = await Task.WhenAll(requests.Select((r, i) => clients[i % clients.Length].AssignAsync(r, expert, "2031-04", "2031-05", 8)));
        var created = responses.Count(r => r.StatusCode == HttpStatusCode.Created);
        var refused = responses.Where(r => r.StatusCode != HttpStatusCode.Created).ToList();
        created.ShouldBe(12);
        refused.Count.ShouldBe(38);
        foreach (var response in refused)
        {
            var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
            problem.Detail().ShouldStartWith("同時 予約 さんの 2031年");
            problem.Detail()!.ShouldContain("月 8 時間は割り当てられません。");
        }

        var loads = await App.InTenantAsync("osaka", sp => sp.GetRequiredService<DxCollabDbContext>().Set<ExpertMonthLoad>()
            .Where(l => l.ExpertId == expert).OrderBy(l => l.Month).Select(l => new { l.Month, l.BookedHours, l.CapacityHours }).ToListAsync());
        loads.Select(l => l.Month).ShouldBe([203104, 203105]);
        loads.ShouldAllBe(l => l.BookedHours == 96 && l.CapacityHours == 100);
        using var list = await staff.GetAsync($"/api/v1/osaka/talent/assignments?expertId={expert}");
        (await list.Content.ReadFromJsonAsync<JsonElement[]>())!.Length.ShouldBe(12);
    }

    [Fact]
    public async Task The_database_refuses_an_over_booking_written_around_the_service()
    {
        var staff = await App.SignInAsync("osaka", Staff);
        var officer = await App.SignInAsync("osaka", ToyonakaOfficer);
        var expert = await staff.ExpertAsync(await App.SkillAreasAsync("osaka"), "制約 確認", capacity: 20);
        await staff.AssignedAsync(await officer.RequestAsync("制約の依頼", "network"), expert, "2031-04", "2031-04", 15);

        var thrown = await Should.ThrowAsync<Exception>(() => App.InTenantAsync("osaka", sp =>
            sp.GetRequiredService<DxCollabDbContext>().Set<ExpertMonthLoad>().Where(l => l.ExpertId == expert && l.Month == 203104)
                .ExecuteUpdateAsync(set => set.SetProperty(l => l.BookedHours, l => l.BookedHours + 10))));
        (thrown.InnerException?.Message ?? thrown.Message).ShouldContain("CK_TalentPool_MonthLoads_WithinCapacity");
        var booked = await App.InTenantAsync("osaka", sp => sp.GetRequiredService<DxCollabDbContext>().Set<ExpertMonthLoad>()
            .Where(l => l.ExpertId == expert && l.Month == 203104).Select(l => l.BookedHours).SingleAsync());
        booked.ShouldBe(15);
    }
}
