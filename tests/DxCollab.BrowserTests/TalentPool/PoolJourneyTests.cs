using Microsoft.Playwright;

namespace DxCollab.BrowserTests.TalentPool;

/// <summary>大阪府's staff register an expert, then edit the expert's skills and monthly capacity with the keyboard-usable
/// form; every pool page passes axe.</summary>
public sealed class PoolJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [JourneyFact]
    public async Task Staff_register_an_expert_then_edit_skills_and_capacity_and_every_pool_page_is_accessible()
    {
        var page = await app.NewPageAsync();
        await Journeys.SignInAsync(page, "大阪府", "pref.admin@osaka.example");
        await page.WaitForURLAsync(Journeys.Path("/osaka"));

        await page.GotoAsync("/osaka/talent/experts/new");
        await Journeys.ShouldBeAccessibleAsync(page);
        await page.GetByLabel("氏名（必須）").FillAsync("田中 一郎");
        await page.GetByLabel("任用形態（必須）").SelectOptionAsync(new SelectOptionValue { Label = "業務委託" });
        await page.GetByLabel("月あたりの対応可能時間（必須、時間）").FillAsync("30");
        await page.GetByLabel("BPR", new() { Exact = true }).SelectOptionAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "登録する" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("田中 一郎");
        await Assertions.Expect(page.Locator("#expert-skills")).ToContainTextAsync("BPR：2");
        await Journeys.ShouldBeAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "プロフィールを変更する" }).ClickAsync();
        await Journeys.ShouldBeAccessibleAsync(page);
        await page.GetByLabel("月あたりの対応可能時間（必須、時間）").FillAsync("45");
        await page.GetByLabel("BPR", new() { Exact = true }).SelectOptionAsync("0");
        await page.GetByLabel("情報セキュリティ", new() { Exact = true }).SelectOptionAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await Assertions.Expect(page.GetByText("プロフィールを保存しました。")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".pool-profile")).ToContainTextAsync("45 時間");
        await Assertions.Expect(page.Locator("#expert-skills")).ToHaveTextAsync("情報セキュリティ：3（指導できる）");

        foreach (var path in new[] { "/osaka/talent/experts", "/osaka/talent/skills", "/osaka/talent/advisers" })
        {
            await page.GotoAsync(path);
            await Journeys.ShouldBeAccessibleAsync(page);
        }
        await page.GotoAsync("/osaka/talent/experts");
        await Assertions.Expect(page.Locator("#expert-table")).ToContainTextAsync("田中 一郎");
    }
}
