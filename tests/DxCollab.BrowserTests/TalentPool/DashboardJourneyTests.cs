using Microsoft.Playwright;

namespace DxCollab.BrowserTests.TalentPool;

/// <summary>The prefecture's staff open the 人材プール from the menu, see the requests per state, open the dashboard with
/// the demo's figures (charts with their tables, the quiet 1人情シス) and the 情報担当職員数; the expert 田中 finds his
/// way to his assignments. Every page passes axe.</summary>
public sealed class DashboardJourneyTests(DemoBrowserFixture app) : IClassFixture<DemoBrowserFixture>
{
    [JourneyFact]
    public async Task Staff_open_the_start_page_the_dashboard_and_the_it_staff_page_and_every_page_passes_axe()
    {
        var page = await app.NewPageAsync();
        await Journeys.SignInAsync(page, "大阪府", "pref.admin@osaka.example");
        await page.WaitForURLAsync(Journeys.Path("/osaka"));
        await page.GotoAsync("/osaka/talent");
        (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).ShouldBe("人材プール");
        (await page.Locator(".talent-counts li").CountAsync()).ShouldBe(6);
        await Journeys.ShouldBeAccessibleAsync(page);

        await page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "ダッシュボード", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(Journeys.Path("/osaka/talent/dashboard"));
        (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).ShouldContain("年度");
        (await page.GetByRole(AriaRole.Img, new() { NameRegex = new System.Text.RegularExpressions.Regex("専門人材ごとの稼働率") }).CountAsync()).ShouldBe(1);
        (await page.Locator("#utilisation-table tbody tr").CountAsync()).ShouldBeGreaterThanOrEqualTo(7);
        (await page.Locator("#quiet-table tbody tr").CountAsync()).ShouldBe(5);
        await Journeys.ShouldBeAccessibleAsync(page);

        await page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "情報担当職員数", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(Journeys.Path("/osaka/talent/it-staff"));
        (await page.Locator("#it-staff-table tbody tr").CountAsync()).ShouldBe(43);
        await Journeys.ShouldBeAccessibleAsync(page);

        // Recording one 団体 works without JavaScript-only controls: a select, a number and a button.
        await page.GetByLabel("団体", new() { Exact = true }).SelectOptionAsync("273660");
        await page.GetByLabel("人数", new() { Exact = true }).FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Journeys.ShouldAnnounceAsync(page, "保存しました");
        (await page.Locator("#it-staff-table tbody tr", new() { HasText = "岬町" }).InnerTextAsync()).ShouldContain("2 人");
    }

    [JourneyFact]
    public async Task The_expert_finds_the_way_to_his_assignments_and_the_page_passes_axe()
    {
        var page = await app.NewPageAsync();
        await Journeys.SignInAsync(page, "大阪府", "expert.tanaka@osaka.example");
        await page.WaitForURLAsync(Journeys.Path("/osaka"));
        await page.GotoAsync("/osaka/talent");
        (await page.GetByRole(AriaRole.Link, new() { Name = "自分の割当を見る" }).GetAttributeAsync("href")).ShouldBe("/osaka/talent/my");
        (await page.Locator("main").InnerTextAsync()).ShouldContain("1 件");
        await Journeys.ShouldBeAccessibleAsync(page);
    }
}
