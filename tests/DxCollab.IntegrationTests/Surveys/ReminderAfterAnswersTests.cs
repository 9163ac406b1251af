using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.Platform.Hosting;
using DxCollab.Platform.Identity;
using static DxCollab.IntegrationTests.Surveys.FollowUpTestData;
using static DxCollab.IntegrationTests.Surveys.ReminderTestSurveys;

namespace DxCollab.IntegrationTests.Surveys;

/// <summary>Who the reminder rules tell, once the answers got where they are through the product: officers save and
/// submit through the API, the staff return one (差戻し) and grant another an extension through the API. A submitted
/// 団体 is never reminded; a returned one is not submitted, so it is reminded again at the next stage; an extended one
/// is reminded by its own later deadline, not the survey's.</summary>
public abstract class ReminderAfterAnswersTests(AppFixture fixture) : AppTest(fixture)
{
    private const string IkedaOfficer = "ikeda.reminders@osaka.example", SuitaOfficer = "suita.reminders@osaka.example";

    [Fact]
    public async Task Submitted_never_returned_reminded_again_extended_by_its_own_deadline_at_each_tokyo_date()
    {
        await App.CreateUserAsync("osaka", IkedaOfficer, DemoData.Password, Ikeda, Roles.MunicipalOfficer);
        await App.CreateUserAsync("osaka", SuitaOfficer, DemoData.Password, Suita, Roles.MunicipalOfficer);
        using var staff = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        using var toyonaka = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        using var chihaya = await App.SignInAsync("osaka", "chihayaakasaka@osaka.example");
        using var ikeda = await App.SignInAsync("osaka", IkedaOfficer);
        using var suita = await App.SignInAsync("osaka", SuitaOfficer);

        // Deadline Tue 2031-07-22; Mon 7-21 is 海の日. 5 開庁日 before is Mon 7-14, 1 before is Fri 7-18.
        var id = await PublishAsync(staff, "差戻しと延長の督促", new DateOnly(2031, 7, 22), Toyonaka, Chihayaakasaka, Ikeda, Suita);
        await SaveDraftAsync(toyonaka, id, Toyonaka);          // 豊中市: 回答中
        await SubmitAsync(chihaya, id, Chihayaakasaka);        // 千早赤阪村: 提出済
        // 池田市: 延長 to Tue 7-29, so its own 5 before is 7-22 and 1 before is Mon 7-28. 吹田市: 未着手.
        await ExtendAsync(ikeda, staff, id, Ikeda, new DateOnly(2031, 7, 29));

        await App.ScanAsync(FixedClock.Tokyo(2031, 7, 14, hour: 7));
        (await RemindersAsync(toyonaka, id)).Single().Body.ShouldContain("あと 5 開庁日");
        (await RemindersAsync(suita, id)).Single().Body.ShouldContain("あと 5 開庁日");
        (await RemindersAsync(chihaya, id)).ShouldBeEmpty();
        (await RemindersAsync(ikeda, id)).ShouldBeEmpty();

        // 豊中市 submits; the prefecture returns 千早赤阪村's answer: it is no longer submitted.
        await SubmitAsync(toyonaka, id, Toyonaka);
        await ReturnAsync(staff, id, Chihayaakasaka, "利用しているツールを追記してください。");

        await App.ScanAsync(FixedClock.Tokyo(2031, 7, 18, hour: 7));
        (await RemindersAsync(toyonaka, id)).Count.ShouldBe(1);
        var returned = await RemindersAsync(chihaya, id);
        returned.Single().Title.ShouldBe("照会「差戻しと延長の督促」の回答をお願いします（千早赤阪村）");
        returned.Single().Body.ShouldContain("令和13年7月22日（2031-07-22）（あと 1 開庁日）");
        returned.Single().Link.ShouldBe($"/osaka/surveys/{id}/answer/{Chihayaakasaka}");
        (await RemindersAsync(suita, id)).Last().Body.ShouldContain("あと 1 開庁日");
        (await RemindersAsync(ikeda, id)).ShouldBeEmpty();

        // On the survey's deadline: the day for the others, 5 開庁日 before 池田市's own deadline.
        await App.ScanAsync(FixedClock.Tokyo(2031, 7, 22, hour: 7));
        (await RemindersAsync(chihaya, id)).Last().Body.ShouldContain("本日が期限");
        (await RemindersAsync(suita, id)).Last().Body.ShouldContain("本日が期限");
        (await RemindersAsync(ikeda, id)).Single().Body.ShouldContain("令和13年7月29日（2031-07-29）（あと 5 開庁日）");

        // After: the prefecture gets the digest, the 団体 nothing more; 豊中市 is neither told nor listed.
        await App.ScanAsync(FixedClock.Tokyo(2031, 7, 23, hour: 7));
        var digest = (await RemindersAsync(staff, id)).Single();
        digest.Body.ShouldContain($"・吹田市（{Suita}、未着手）");
        digest.Body.ShouldContain($"・千早赤阪村（{Chihayaakasaka}、差戻し中）");
        digest.Body.ShouldContain("ほかに期限延長中の団体が 1 あります。");
        digest.Body.ShouldNotContain("豊中市");
        digest.Body.ShouldNotContain("池田市");

        await App.ScanAsync(FixedClock.Tokyo(2031, 7, 28, hour: 7));
        await App.ScanAsync(FixedClock.Tokyo(2031, 7, 29, hour: 7));
        await App.ScanAsync(FixedClock.Tokyo(2031, 7, 30, hour: 7));
        var extended = await RemindersAsync(ikeda, id);
        extended.Count.ShouldBe(3);
        extended[1].Body.ShouldContain("あと 1 開庁日");
        extended[2].Body.ShouldContain("令和13年7月29日（2031-07-29）（本日が期限）");
        (await RemindersAsync(staff, id)).Last().Body.ShouldContain($"・池田市（{Ikeda}、未着手）");

        // Over the whole run: 豊中市 once (before it submitted), 千早赤阪村 only after its return, 吹田市 at each stage.
        (await RemindersAsync(toyonaka, id)).Count.ShouldBe(1);
        (await RemindersAsync(chihaya, id)).Count.ShouldBe(2);
        (await RemindersAsync(suita, id)).Count.ShouldBe(3);
        (await RemindersAsync(staff, id)).Count.ShouldBe(2);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_ReminderAfterAnswers(SqliteAppFixture fixture) : ReminderAfterAnswersTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSql_ReminderAfterAnswers(PostgresAppFixture fixture) : ReminderAfterAnswersTests(fixture);
