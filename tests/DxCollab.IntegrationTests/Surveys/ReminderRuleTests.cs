using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.Platform.Data;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Reminders;
using DxCollab.Surveys.Domain;
using DxCollab.Surveys.FollowUp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DxCollab.IntegrationTests.Surveys.FollowUpTestData;

namespace DxCollab.IntegrationTests.Surveys;

/// <summary>The survey reminder rules' calendar through the real engine with a clock set in 2031 (the host's own scans,
/// on today's date, never find these due): 5 and 1 business days before the deadline and on the day to the 団体, one
/// digest to the prefecture after it; Tokyo business days (海の日 and a weekend in between); an extended deadline
/// honoured; a scan repeated the same day sends nothing new. Surveys and responses are written directly here to reach
/// each calendar case; the same rules after answers given, returned and extended through the API are in
/// <see cref="ReminderAfterAnswersTests"/>, and two workers made to overlap on PostgreSQL in <see cref="PostgreSql_ReminderOverlap"/>.</summary>
public abstract class ReminderRuleTests(AppFixture fixture) : AppTest(fixture)
{
    private const string IkedaOfficer = "ikeda.followup@osaka.example";
    private const string Password = "Ikeda-FollowUp-2026!";

    protected Task<ReminderScanResult> ScanAsync(DateTimeOffset utc) => App.InTenantAsync("osaka", sp =>
        ActivatorUtilities.CreateInstance<ReminderEngine>(sp, new FixedClock(utc)).RunAsync());

    /// <summary>The same day scanned twice (the recurring scan runs more than once a day): the second sends nothing new.</summary>
    private async Task TwiceAsync(DateTimeOffset utc)
    {
        await ScanAsync(utc);
        (await ScanAsync(utc)).Sent.ShouldBe(0);
    }

    private async Task<List<Notice>> ToldAsync(string email, long surveyId) =>
        (await App.InboxAsync("osaka", email)).Where(n => n.Link?.Contains($"/surveys/{surveyId}/") == true).ToList();

    [Fact]
    public async Task Reminders_go_5_and_1_business_days_before_and_on_the_day_then_one_digest_to_the_prefecture()
    {
        await App.CreateUserAsync("osaka", IkedaOfficer, Password, Ikeda, Roles.MunicipalOfficer);
        // Deadline Tue 2031-07-22: Mon 7-21 is 海の日, so 1 business day before is Fri 7-18 and 5 before is Mon 7-14.
        var id = await App.SurveyAsync("osaka", new DateOnly(2031, 7, 22));
        await App.ResponseAsync("osaka", id, Toyonaka, ResponseState.Drafting);
        await App.ResponseAsync("osaka", id, Chihayaakasaka, ResponseState.Submitted);
        // 池田市 was granted Tue 7-29: its own 5 business days before is Tue 7-22.
        await App.ResponseAsync("osaka", id, Ikeda, ResponseState.NotStarted, extendedDeadline: new DateOnly(2031, 7, 29));
        var draft = await App.SurveyAsync("osaka", new DateOnly(2031, 7, 22), SurveyState.Draft);
        await App.ResponseAsync("osaka", draft, Toyonaka);

        await ScanAsync(FixedClock.Tokyo(2031, 7, 11));
        (await ToldAsync("toyonaka@osaka.example", id)).ShouldBeEmpty();

        await TwiceAsync(FixedClock.Tokyo(2031, 7, 14));
        await TwiceAsync(FixedClock.Tokyo(2031, 7, 14, 15));
        var told = await ToldAsync("toyonaka@osaka.example", id);
        told.Count.ShouldBe(1);
        told[0].Title.ShouldBe("照会「生成AIの利用状況調査」の回答をお願いします（豊中市）");
        told[0].Body.ShouldContain("令和13年7月22日（2031-07-22）（あと 5 開庁日）");

        await ScanAsync(FixedClock.Tokyo(2031, 7, 15));
        await ScanAsync(FixedClock.Tokyo(2031, 7, 17, 18));
        (await ToldAsync("toyonaka@osaka.example", id)).Count.ShouldBe(1);
        await TwiceAsync(FixedClock.Tokyo(2031, 7, 18));
        (await ToldAsync("toyonaka@osaka.example", id)).Last().Body.ShouldContain("あと 1 開庁日");
        // Weekend and 海の日: nothing new.
        await ScanAsync(FixedClock.Tokyo(2031, 7, 19));
        await ScanAsync(FixedClock.Tokyo(2031, 7, 21));
        (await ToldAsync("toyonaka@osaka.example", id)).Count.ShouldBe(2);
        (await ToldAsync(IkedaOfficer, id)).ShouldBeEmpty();

        // 7-21 15:30 UTC is already the deadline day in Tokyo.
        await TwiceAsync(new DateTimeOffset(2031, 7, 21, 15, 30, 0, TimeSpan.Zero));
        told = await ToldAsync("toyonaka@osaka.example", id);
        told.Count.ShouldBe(3);
        told[2].Body.ShouldContain("本日が期限");
        var ikeda = await ToldAsync(IkedaOfficer, id);
        ikeda.Count.ShouldBe(1);
        ikeda[0].Body.ShouldContain("令和13年7月29日（2031-07-29）（あと 5 開庁日）");
        (await ToldAsync("chihayaakasaka@osaka.example", id)).ShouldBeEmpty();
        (await ToldAsync("toyonaka@osaka.example", draft)).ShouldBeEmpty();

        // The day after: one digest to the prefecture listing 豊中市, counting 池田市 as extended, never 千早赤阪村.
        (await ToldAsync("pref.admin@osaka.example", id)).ShouldBeEmpty();
        await TwiceAsync(FixedClock.Tokyo(2031, 7, 23));
        await ScanAsync(FixedClock.Tokyo(2031, 7, 24));
        var digest = await ToldAsync("pref.admin@osaka.example", id);
        digest.Count.ShouldBe(1);
        digest[0].Title.ShouldBe("照会「生成AIの利用状況調査」: 期限を過ぎて未提出の団体が 1 あります");
        digest[0].Body.ShouldContain("・豊中市（272035、回答中）");
        digest[0].Body.ShouldContain("ほかに期限延長中の団体が 1 あります。");
        digest[0].Body.ShouldNotContain("千早赤阪村");
        digest[0].Link.ShouldBe($"/osaka/surveys/{id}/status");
        (await ToldAsync("toyonaka@osaka.example", id)).Count.ShouldBe(3); // the 団体 is not told again after the deadline

        // 池田市 submits before its own 1-business-day reminder: never told again.
        await App.InTenantAsync("osaka", async sp =>
        {
            var db = sp.GetRequiredService<DxCollabDbContext>();
            var r = await db.Set<SurveyResponse>().SingleAsync(x => x.SurveyId == id && x.RespondentCode == Ikeda);
            r.State = ResponseState.Submitted;
            await db.SaveChangesAsync();
        });
        await ScanAsync(FixedClock.Tokyo(2031, 7, 28));
        await ScanAsync(FixedClock.Tokyo(2031, 7, 29));
        (await ToldAsync(IkedaOfficer, id)).Count.ShouldBe(1);

        var keys = (await App.InTenantAsync("osaka", sp => sp.GetRequiredService<DxCollabDbContext>().Set<SentReminder>()
            .Where(s => s.Key.StartsWith("surveys:")).Select(s => s.Key).ToListAsync())).Where(k => k.Contains($":{id}:")).ToList();
        keys.ShouldBe(
        [
            $"surveys:deadline:{id}:{Ikeda}:5:2031-07-29",
            $"surveys:deadline:{id}:{Toyonaka}:0:2031-07-22",
            $"surveys:deadline:{id}:{Toyonaka}:1:2031-07-22",
            $"surveys:deadline:{id}:{Toyonaka}:5:2031-07-22",
            $"surveys:escalation:{id}:2031-07-22",
        ], ignoreOrder: true);
    }

    [Fact]
    public async Task A_deadline_on_a_closed_day_is_reminded_on_the_business_day_before()
    {
        // Deadline Sat 2031-08-09; 8-11 is 山の日. "On the day" moves to Fri 8-8.
        var id = await App.SurveyAsync("osaka", new DateOnly(2031, 8, 9), title: "土曜締切の照会");
        await App.ResponseAsync("osaka", id, Toyonaka, ResponseState.NotStarted);
        await ScanAsync(FixedClock.Tokyo(2031, 8, 7));
        await ScanAsync(FixedClock.Tokyo(2031, 8, 8));
        await ScanAsync(FixedClock.Tokyo(2031, 8, 9));
        var told = await ToldAsync("toyonaka@osaka.example", id);
        // First scan on Thu 8-7 catches up the 5-day stage (due Mon 8-4); Fri 8-8 is both 1 day before and the day moved earlier.
        told.Count.ShouldBe(2);
        told[1].Body.ShouldContain("本日が期限");
        // Escalation on Tue 8-12, the first business day after the weekend and 山の日.
        await ScanAsync(FixedClock.Tokyo(2031, 8, 11));
        (await ToldAsync("pref.admin@osaka.example", id)).ShouldBeEmpty();
        await ScanAsync(FixedClock.Tokyo(2031, 8, 12));
        (await ToldAsync("pref.admin@osaka.example", id)).Count.ShouldBe(1);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_ReminderRules(SqliteAppFixture fixture) : ReminderRuleTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSql_ReminderRules(PostgresAppFixture fixture) : ReminderRuleTests(fixture);
