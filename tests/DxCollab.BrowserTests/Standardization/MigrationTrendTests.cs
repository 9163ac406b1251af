using Microsoft.Playwright;

namespace DxCollab.BrowserTests.Standardization;

/// <summary>推移: the prefecture follows the 完了率 over the demo's six month-ends, per 団体区分 and per 業務, reads a past
/// month's 団体区分 table, and records this month's figures now.</summary>
public sealed class MigrationTrendTests(DemoBrowserFixture app) : IClassFixture<DemoBrowserFixture>
{
    [JourneyFact]
    public async Task Prefecture_admin_follows_the_trend_reads_a_past_month_and_records_this_month()
    {
        var page = await app.NewPageAsync();
        await Journeys.SignInAsync(page, "大阪府", "pref.admin@osaka.example");
        await page.WaitForURLAsync(Journeys.Path("/osaka"));
        await page.GotoAsync("/osaka/migration");
        await page.GetByRole(AriaRole.Link, new() { Name = "推移", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(Journeys.Path("/osaka/migration/trend"));
        (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).ShouldBe("標準化の進捗の推移");

        // One chart, a line per 団体区分, named as an image; the same numbers in the table, six months (和暦, 年度).
        var chart = page.GetByRole(AriaRole.Img, new() { Name = "団体区分ごとの完了率の推移" });
        (await chart.CountAsync()).ShouldBe(1);
        (await chart.Locator("polyline").CountAsync()).ShouldBeGreaterThanOrEqualTo(4);
        (await page.Locator("#trend-table thead th[data-month]").CountAsync()).ShouldBe(6);
        (await page.Locator("#trend-table thead").InnerTextAsync()).ShouldContain("令和");
        (await page.Locator("#trend-table thead").InnerTextAsync()).ShouldContain("年度");
        (await page.Locator("#trend-table tbody th").First.InnerTextAsync()).ShouldBe("全市区町村");
        // The chart carries its own table of the same numbers (folded under the chart).
        (await page.Locator("#trend-category-table tbody tr").CountAsync()).ShouldBe(await page.Locator("#trend-table tbody tr").CountAsync());
        (await page.Locator("#trend-category-table thead th[scope=col]").CountAsync()).ShouldBe(7);
        await Journeys.ShouldBeAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "業務ごと" }).ClickAsync();
        await page.WaitForURLAsync(Journeys.Path("/osaka/migration/trend"));
        (await page.Locator("figure.trend-chart").CountAsync()).ShouldBe(20);
        (await page.GetByRole(AriaRole.Img, new() { Name = "住民基本台帳の完了率の推移" }).CountAsync()).ShouldBe(1);
        (await page.Locator("#trend-table tbody tr").CountAsync()).ShouldBe(20);
        await Journeys.ShouldBeAccessibleAsync(page);

        // The oldest month's 団体区分 table.
        var month = page.GetByLabel("月", new() { Exact = true });
        var oldest = await page.Locator("#month option").Last.GetAttributeAsync("value");
        await month.SelectOptionAsync(oldest!);
        await page.GetByRole(AriaRole.Button, new() { Name = "表示する" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex($"month={oldest}"));
        (await page.Locator("#month-table caption").InnerTextAsync()).ShouldContain("末時点");
        (await page.Locator("#month-table tbody th").AllInnerTextsAsync()).ShouldBe(["全市区町村", "指定都市", "特別区", "中核市", "指定都市・中核市以外の市", "町村", "都道府県"]);

        await page.GetByRole(AriaRole.Button, new() { Name = "今月の途中経過を記録する" }).ClickAsync();
        await Journeys.ShouldAnnounceAsync(page, "の数値を記録しました");
        (await page.Locator("#trend-table thead th[data-month]").CountAsync()).ShouldBe(7);
        (await page.Locator("#trend-table thead").InnerTextAsync()).ShouldContain("途中経過");
        await Journeys.ShouldBeAccessibleAsync(page);
    }

    [JourneyFact]
    public async Task A_municipal_officer_may_not_open_the_trend()
    {
        var page = await app.NewPageAsync();
        await Journeys.SignInAsync(page, "大阪府", "toyonaka@osaka.example");
        await page.WaitForURLAsync(Journeys.Path("/osaka"));
        var response = await page.GotoAsync("/osaka/migration/trend");
        (await page.Locator("main").InnerTextAsync()).ShouldNotContain("完了率の推移");
        response!.Status.ShouldBeOneOf(200, 403);
    }

    [JourneyFact]
    public async Task The_demo_opens_on_the_published_figures_with_what_the_mean_hides()
    {
        var page = await app.NewPageAsync();
        await Journeys.SignInAsync(page, "大阪府", "pref.admin@osaka.example");
        await page.WaitForURLAsync(Journeys.Path("/osaka"));
        await page.GotoAsync("/osaka/migration");
        // 大阪府's own row is its published 2026-01 rate: (0.475 + 0.075) / 2 = 27.5%.
        (await page.Locator("#category-table tbody tr").Filter(new() { HasText = "都道府県" }).InnerTextAsync()).ShouldContain("27.5");
        (await page.Locator("#overdue-count").InnerTextAsync()).ShouldNotStartWith("0 ");
        (await page.Locator("#specific-count").InnerTextAsync()).ShouldBe("1 件");
        (await page.Locator("#open-inquiries").InnerTextAsync()).ShouldNotStartWith("0 ");
        await Journeys.ShouldBeAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "課題・質問", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(Journeys.Path("/osaka/migration/inquiries"));
        (await page.Locator("#inquiry-table tbody tr").CountAsync()).ShouldBeGreaterThanOrEqualTo(2);
    }
}
