using System.Text.RegularExpressions;
using DxCollab.Platform.Calendar;
using DxCollab.Platform.Text;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DxCollab.BrowserTests.Surveys;

/// <summary>大阪府's staff write a survey with two questions (the second shown only on 「はい」), pick who answers and
/// publish it; 豊中市's officer finds it in its list, 未着手, with the way to answer.</summary>
public sealed class AuthoringJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private const string Title = "テレワーク導入状況調査";

    [JourneyFact]
    public async Task Staff_author_and_publish_a_survey_and_an_officer_sees_it_in_the_list()
    {
        var deadline = new BusinessCalendar(Options.Create(new CalendarOptions()))
            .MoveDeadline(JapaneseCalendar.TodayInTokyo(DateTimeOffset.UtcNow).AddDays(21), DeadlineShift.Later);
        var page = await app.NewPageAsync();
        await Journeys.SignInAsync(page, "大阪府", "pref.admin@osaka.example");
        await page.WaitForURLAsync(Journeys.Path("/osaka"));
        await page.GotoAsync("/osaka/surveys");
        await Journeys.ShouldBeAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "新しい照会を作成する" }).ClickAsync();

        // The basics.
        await page.WaitForURLAsync(Journeys.Path("/osaka/surveys/new"));
        await Journeys.ShouldBeAccessibleAsync(page);
        await page.GetByLabel("件名（200 文字以内）").FillAsync(Title);
        await page.GetByLabel("根拠（法令・通知など。回答する団体に表示されます）").FillAsync("総務省 自治体DX推進計画に基づく調査");
        await page.GetByLabel("問い合わせ先（課・担当・電話・メール）").FillAsync("大阪府 DX推進課 06-0000-0000");
        await page.GetByLabel("回答期限（東京の日付）").FillAsync(deadline.ToString("yyyy-MM-dd"));
        await page.GetByRole(AriaRole.Button, new() { Name = "作成して質問を作る" }).ClickAsync();

        // Two questions: the second only when the first is answered 「はい」.
        await page.WaitForURLAsync(new Regex(@"/osaka/surveys/\d+/questions"));
        var surveyPath = Regex.Match(page.Url, @"/osaka/surveys/\d+").Value;
        await Journeys.ShouldBeAccessibleAsync(page);
        await page.Locator("#new-type").SelectOptionAsync("YesNo");
        await page.Locator("#new-text").FillAsync("テレワークを導入していますか");
        await page.Locator("#new-required").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "質問を追加する" }).ClickAsync();
        await Expect(page.Locator("#q1-heading")).ToHaveTextAsync("q1: テレワークを導入していますか");

        await page.Locator("#new-type").SelectOptionAsync("SingleChoice");
        await page.Locator("#new-text").FillAsync("導入している範囲");
        await page.Locator("#new-options").FillAsync("全庁\n一部の課");
        await page.Locator("#new-showif").SelectOptionAsync("q1");
        await page.Locator("#new-showif-values").FillAsync("yes");
        await page.GetByRole(AriaRole.Button, new() { Name = "質問を追加する" }).ClickAsync();
        await Expect(page.Locator("#q2-heading")).ToHaveTextAsync("q2: 導入している範囲");
        await Expect(page.Locator("#q2-showif")).ToHaveValueAsync("q1");
        await Journeys.ShouldBeAccessibleAsync(page);

        // The roster: 豊中市 and 吹田市, picked by hand.
        await page.GotoAsync(surveyPath + "/edit");
        await Journeys.ShouldBeAccessibleAsync(page);
        await page.GetByLabel("個別に選ぶ").CheckAsync();
        await page.GetByLabel("豊中市").CheckAsync();
        await page.GetByLabel("吹田市").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "回答先を保存する" }).ClickAsync();
        // Publish from the detail page.
        await page.WaitForURLAsync(Journeys.Path(surveyPath));
        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("2 団体");
        (await page.Locator("main").InnerTextAsync()).ShouldContain("q1 が yes のとき表示");
        await Journeys.ShouldBeAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "公開する（回答先に通知）" }).ClickAsync();
        await Expect(page.Locator("#survey-state")).ToHaveTextAsync("回答受付中");
        (await page.Locator("#survey-progress").InnerTextAsync()).ShouldContain("0 / 2");
        (await page.Locator("#survey-deadline").InnerTextAsync()).ShouldContain(JapaneseCalendar.Format(deadline));
        await Journeys.ShouldBeAccessibleAsync(page);
        await Journeys.SignOutAsync(page);

        // 豊中市 finds it in its list.
        await Journeys.SignInAsync(page, "大阪府", "toyonaka@osaka.example");
        await page.WaitForURLAsync(Journeys.Path("/osaka"));
        await page.GotoAsync("/osaka/surveys");
        var row = page.Locator("#survey-table tbody tr").Filter(new() { HasText = Title });
        (await row.CountAsync()).ShouldBe(1);
        (await row.InnerTextAsync()).ShouldContain("未着手");
        await Journeys.ShouldBeAccessibleAsync(page);
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await page.WaitForURLAsync(Journeys.Path(surveyPath));
        (await page.Locator("#survey-basis").InnerTextAsync()).ShouldBe("総務省 自治体DX推進計画に基づく調査");
        (await page.GetByRole(AriaRole.Link, new() { Name = "回答する" }).GetAttributeAsync("href")).ShouldBe(surveyPath + "/answer/272035");
        await Journeys.ShouldBeAccessibleAsync(page);
    }
}
