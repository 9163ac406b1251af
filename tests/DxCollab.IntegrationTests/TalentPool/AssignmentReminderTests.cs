using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.IntegrationTests.Surveys;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Reminders;
using Microsoft.Extensions.DependencyInjection;
using static DxCollab.IntegrationTests.TalentPool.MatchingTestData;

namespace DxCollab.IntegrationTests.TalentPool;

/// <summary>Assignment reminders through the real engine with a clock in 2031: 3 開庁日 before the first month begins and
/// 5 開庁日 before the last month ends (Tokyo), to the expert and the 団体's officers, each once; none for a cancelled one.</summary>
public abstract class AssignmentReminderTests(AppFixture fixture) : AppTest(fixture)
{
    private Task<ReminderScanResult> ScanAsync(DateTimeOffset utc) => App.InTenantAsync("osaka", sp =>
        ActivatorUtilities.CreateInstance<ReminderEngine>(sp, new FixedClock(utc)).RunAsync());

    private async Task<List<FollowUpTestData.Notice>> ToldAsync(string email, long assignment) =>
        (await App.InboxAsync("osaka", email)).Where(n => n.Link == $"/osaka/talent/assignments/{assignment}" && !n.Title.StartsWith("支援の割当")).ToList();

    [Fact]
    public async Task The_expert_and_the_officers_are_reminded_3_business_days_before_the_start_and_5_before_the_end_each_once()
    {
        const string email = "expert.reminder@osaka.example";
        await App.CreateUserAsync("osaka", email, ExpertPassword, null, Roles.Expert);
        var staff = await App.SignInAsync("osaka", Staff);
        var expert = await staff.ExpertAsync(await App.SkillAreasAsync("osaka"), "督促 三郎", email: email);
        var officer = await App.SignInAsync("osaka", ToyonakaOfficer);
        var id = await staff.AssignedAsync(await officer.RequestAsync("督促の依頼", "network"), expert, "2031-09", "2031-09", 10);
        var cancelled = await staff.AssignedAsync(await officer.RequestAsync("取り消す依頼", "network"), expert, "2031-09", "2031-09", 10);
        (await staff.PostAsync($"/api/v1/osaka/talent/assignments/{cancelled}/cancel", null)).EnsureSuccessStatusCode();

        // Start Mon 2031-09-01: 3 business days before is Wed 8-27.
        await ScanAsync(FixedClock.Tokyo(2031, 8, 26));
        (await ToldAsync(email, id)).ShouldBeEmpty();
        await ScanAsync(FixedClock.Tokyo(2031, 8, 27));
        await ScanAsync(FixedClock.Tokyo(2031, 8, 28));
        var told = await ToldAsync(email, id);
        told.Count.ShouldBe(1);
        told[0].Title.ShouldBe("支援がまもなく始まります: 督促の依頼");
        (await ToldAsync(ToyonakaOfficer, id)).Count.ShouldBe(1);

        // End Tue 9-30: 5 business days before is Mon 9-22 (Tue 9-23 is 秋分の日); the first scan after it sends.
        await ScanAsync(FixedClock.Tokyo(2031, 9, 19));
        (await ToldAsync(email, id)).Count.ShouldBe(1);
        await ScanAsync(FixedClock.Tokyo(2031, 9, 24));
        await ScanAsync(FixedClock.Tokyo(2031, 9, 25));
        told = await ToldAsync(email, id);
        told.Count.ShouldBe(2);
        told[1].Title.ShouldBe("支援の終了が近づいています: 督促の依頼");
        (await ToldAsync(email, cancelled)).ShouldBeEmpty();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_AssignmentReminders(SqliteAppFixture fixture) : AssignmentReminderTests(fixture);
