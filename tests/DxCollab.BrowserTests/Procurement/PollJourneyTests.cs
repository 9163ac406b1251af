using Microsoft.Playwright;

namespace DxCollab.BrowserTests.Procurement;

/// <summary>豊中市 opens a joint procurement and runs its 意向調査; 千早赤阪村 answers 条件付き参加 with its conditions; the lead
/// closes the poll and the member list shows the village with its conditions. Every page passes axe.</summary>
public sealed class PollJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [JourneyFact]
    public async Task The_lead_creates_a_workspace_runs_the_poll_and_the_conditional_joiner_is_on_the_member_list()
    {
        var page = await app.NewPageAsync();
        await Journeys.SignInAsync(page, "大阪府", "toyonaka@osaka.example");
        await page.GotoAsync("/osaka/procurement");
        await Journeys.ShouldBeAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "共同調達を始める" }).ClickAsync();
        await Journeys.ShouldBeAccessibleAsync(page);
        await page.GetByLabel("調達の対象（必須）").FillAsync("RPA");
        await page.GetByLabel("名称（必須）").FillAsync("RPA共同調達（ブラウザ）");
        await page.GetByRole(AriaRole.Button, new() { Name = "作成する" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("RPA共同調達（ブラウザ）");
        await Assertions.Expect(page.Locator(".phase-stepper [aria-current=step]")).ToContainTextAsync("検討");
        await Journeys.ShouldBeAccessibleAsync(page);
        var home = new Uri(page.Url).AbsolutePath;

        await page.GetByRole(AriaRole.Link, new() { Name = "意向調査", Exact = true }).ClickAsync();
        await Journeys.ShouldBeAccessibleAsync(page);
        await page.GetByLabel("回答期限").FillAsync("2031-03-31");
        await page.GetByRole(AriaRole.Button, new() { Name = "意向調査を始める" }).ClickAsync();
        await Assertions.Expect(page.Locator("#poll-counts")).ToBeVisibleAsync();
        await Journeys.ShouldBeAccessibleAsync(page);
        var pollPage = new Uri(page.Url).AbsolutePath;
        await Journeys.SignOutAsync(page);

        await Journeys.SignInAsync(page, "大阪府", "chihayaakasaka@osaka.example");
        await page.GotoAsync(pollPage);
        await Journeys.ShouldBeAccessibleAsync(page);
        await page.GetByRole(AriaRole.Radio, new() { Name = "条件付き参加" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "回答する" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("参加の条件を入力してください");
        await page.GetByLabel("参加の条件（条件付き参加の場合は必須）").FillAsync("議会の承認後に参加");
        await page.GetByRole(AriaRole.Button, new() { Name = "回答する" }).ClickAsync();
        await Assertions.Expect(page.Locator("#my-answer")).ToHaveTextAsync("条件付き参加");
        await Journeys.ShouldBeAccessibleAsync(page);
        await Journeys.SignOutAsync(page);

        await Journeys.SignInAsync(page, "大阪府", "toyonaka@osaka.example");
        await page.GotoAsync(pollPage);
        await Assertions.Expect(page.Locator("#poll-answers")).ToContainTextAsync("議会の承認後に参加");
        await page.GetByRole(AriaRole.Button, new() { Name = "締め切って参加団体を確定する" }).ClickAsync();
        await page.GotoAsync($"{home}/members");
        await Assertions.Expect(page.Locator("#members")).ToContainTextAsync("千早赤阪村");
        await Assertions.Expect(page.Locator("#members")).ToContainTextAsync("議会の承認後に参加");
        await Journeys.ShouldBeAccessibleAsync(page);
        await page.GotoAsync(home);
        await Assertions.Expect(page.Locator(".phase-stepper [aria-current=step]")).ToContainTextAsync("意向調査");
        await Journeys.ShouldBeAccessibleAsync(page);
    }
}
