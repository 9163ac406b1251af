using System.Net;
using System.Text.Json;
using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.Platform.Data;
using DxCollab.Platform.Hosting;
using DxCollab.Platform.Text;
using DxCollab.TalentPool.Demo;
using DxCollab.TalentPool.Domain;
using DxCollab.TalentPool.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.IntegrationTests.TalentPool;

/// <summary>Demo mode opens with osaka's 人材プール to look at: eight experts across the engagement forms, requests in
/// every state (千早赤阪村 through the 標準化 card), bookings within capacity, an overdue report, and the quiet 1人情シス;
/// 田中 signs in as an expert. Seeding again changes nothing.</summary>
[Collection(DemoSqliteCollection.Name)]
public sealed class DemoTalentTests(DemoSqliteAppFixture fixture) : AppTest(fixture)
{
    private sealed record Counts(int Experts, int Requests, int Assignments, int Activities, int Reports, int ItStaff, int BookedHours);

    private Task<Counts> CountsAsync(string tenant) => App.InTenantAsync(tenant, async sp =>
    {
        var db = sp.GetRequiredService<DxCollabDbContext>();
        return new Counts(await db.Set<Expert>().CountAsync(), await db.Set<SupportRequest>().CountAsync(), await db.Set<Assignment>().CountAsync(),
            await db.Set<SupportActivity>().CountAsync(), await db.Set<SupportReport>().CountAsync(), await db.Set<OrganizationItStaff>().CountAsync(),
            await db.Set<ExpertMonthLoad>().SumAsync(l => l.BookedHours));
    });

    [Fact]
    public async Task Osaka_has_eight_experts_requests_in_every_state_bookings_within_capacity_and_one_overdue_report()
    {
        await App.InTenantAsync("osaka", async sp =>
        {
            var db = sp.GetRequiredService<DxCollabDbContext>();
            var experts = await db.Set<Expert>().AsNoTracking().ToListAsync();
            experts.Count.ShouldBe(8);
            experts.Select(e => e.EngagementForm).Distinct().Count().ShouldBe(Enum.GetValues<EngagementForm>().Length);
            experts.Count(e => !e.Active).ShouldBe(1);

            var requests = await db.Set<SupportRequest>().AsNoTracking().ToListAsync();
            requests.Select(r => r.State).Distinct().Order().ShouldBe(Enum.GetValues<RequestState>());
            var chihaya = requests.Single(r => r.OrganizationCode == TalentDemoData.Chihayaakasaka);
            chihaya.ThemeKey.ShouldBe(ThemeCatalog.MigrationPlan);
            JsonSerializer.Deserialize<Dictionary<string, string>>(chihaya.IntakeJson)!.Count.ShouldBeGreaterThanOrEqualTo(3);
            requests.ShouldContain(r => r.ThemeKey == null); // 「相談したい」

            // Every month's booked hours are exactly the assignments' hours, and within the expert's capacity.
            var assignments = await db.Set<Assignment>().AsNoTracking().ToListAsync();
            var loads = await db.Set<ExpertMonthLoad>().AsNoTracking().ToListAsync();
            loads.ShouldAllBe(l => l.BookedHours <= l.CapacityHours);
            foreach (var load in loads)
                load.BookedHours.ShouldBe(assignments.Where(a => a.ExpertId == load.ExpertId && ExpertMonthLoad.MonthKey(a.StartMonth) <= load.Month
                                                                 && ExpertMonthLoad.MonthKey(a.EndMonth) >= load.Month).Sum(a => a.HoursPerMonth));
            (await db.Set<SupportActivity>().CountAsync()).ShouldBeGreaterThan(3);
            // As the product would have them: every activity inside its assignment's months, and every assignment under
            // way (活動あり) owes its final report.
            var activities = await db.Set<SupportActivity>().AsNoTracking().ToListAsync();
            foreach (var activity in activities)
            {
                var of = assignments.Single(a => a.Id == activity.AssignmentId);
                activity.Date.ShouldBeGreaterThanOrEqualTo(of.StartMonth);
                activity.Date.ShouldBeLessThan(of.EndMonth.AddMonths(1));
            }
            var finals = await db.Set<SupportReport>().AsNoTracking().Where(r => r.Kind == ReportKind.Final).Select(r => r.AssignmentId).ToListAsync();
            assignments.Where(a => a.State == AssignmentState.Active).Select(a => a.Id).ShouldBeSubsetOf(finals);

            var today = JapaneseCalendar.TodayInTokyo(DateTimeOffset.UtcNow);
            var overdue = await db.Set<SupportReport>().AsNoTracking().Where(r => r.SubmittedAt == null && r.DueDate < today).ToListAsync();
            overdue.Count.ShouldBe(1);
            overdue[0].Kind.ShouldBe(ReportKind.AfterVisit);
            overdue[0].ActivityId.ShouldNotBeNull();
        });
        (await CountsAsync("kyoto")).Experts.ShouldBe(0);
    }

    [Fact]
    public async Task Tanaka_signs_in_as_an_expert_and_reads_his_own_linked_profile()
    {
        using var tanaka = await App.SignInAsync("osaka", TalentDemoData.TanakaEmail);
        var id = await App.InTenantAsync("osaka", sp => sp.GetRequiredService<DxCollabDbContext>().Set<Expert>()
            .Where(e => e.Email == TalentDemoData.TanakaEmail).Select(e => e.Id).SingleAsync());
        var profile = await (await tanaka.GetAsync($"/api/v1/osaka/talent/experts/{id}")).JsonAsync();
        profile.GetProperty("name").GetString().ShouldBe("田中 健一");
        profile.GetProperty("hasAccount").GetBoolean().ShouldBeTrue();
        var page = await (await tanaka.GetAsync("/osaka/talent")).Content.ReadAsStringAsync();
        page.ShouldContain("/osaka/talent/my");
        await (await tanaka.GetAsync("/api/v1/osaka/talent/dashboard")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_dashboard_lists_the_quiet_small_sections_and_the_demo_hours()
    {
        using var staff = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        var view = await (await staff.GetAsync("/api/v1/osaka/talent/dashboard")).JsonAsync();
        view.GetProperty("quietSmallSections").EnumerateArray().Select(q => q.GetProperty("organizationCode").GetString()).Order()
            .ShouldBe(TalentDemoData.QuietSmallSections.Order());
        view.GetProperty("utilisation").GetArrayLength().ShouldBeGreaterThanOrEqualTo(7);
    }

    [Fact]
    public async Task Seeding_again_changes_nothing()
    {
        var before = await CountsAsync("osaka");
        await App.Factory.Services.GetRequiredService<DemoData>().SeedFiguresAsync(c => c is TalentDemoData);
        (await CountsAsync("osaka")).ShouldBe(before);
        (await CountsAsync("kyoto")).ShouldBe(new Counts(0, 0, 0, 0, 0, 0, 0));
    }
}
