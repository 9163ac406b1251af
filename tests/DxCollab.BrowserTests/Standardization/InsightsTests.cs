using Microsoft.Playwright;

namespace DxCollab.BrowserTests.Standardization;

/// <summary>What the mean hides: the prefecture's admin finds a step past its planned date from the dashboard and
/// changes the 停滞 weeks; the national viewer reads the national figures. Pages pass axe.</summary>
public sealed class InsightsTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private const string Toyonaka = "272035";

    [JourneyFact]
    public async Task Prefecture_admin_finds_an_overdue_step_on_the_insights_page_and_opens_the_municipality()
    {
        var page = await app.NewPageAsync();
        await Journeys.SignInAsync(page, "大阪府", "pref.admin@osaka.example");
        await page.WaitForURLAsync(Journeys.Path("/osaka"));

        // 豊中市 軽自動車税 ①-1: 作業中, planned for 2026-01-05 (long past).
        await page.GotoAsync($"/osaka/migration/{Toyonaka}");
        await page.Locator("#business-10").CheckAsync();
        await page.GetByLabel("開始ステップ").SelectOptionAsync("1");
        await page.GetByLabel("終了ステップ").SelectOptionAsync("1");
        await page.Locator("#status-InProgress").CheckAsync();
        await page.GetByLabel("予定日（任意）").FillAsync("2026-01-05");
        await page.GetByRole(AriaRole.Button, new() { Name = "更新する" }).ClickAsync();
        await Journeys.ShouldAnnounceAsync(page, "1件を更新しました");

        await page.GotoAsync("/osaka/migration");
        // At least ours (demo data may bring more late steps of its own).
        int.Parse((await page.Locator("#overdue-count").InnerTextAsync()).Replace(" 件", "")).ShouldBeGreaterThanOrEqualTo(1);
        await Journeys.ShouldBeAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "遅れ・停滞・特定移行支援・業務ごとの分布を詳しく見る" }).ClickAsync();
        await page.WaitForURLAsync(Journeys.Path("/osaka/migration/insights"));
        (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).ShouldBe("平均では見えないこと");

        var row = page.Locator($"#overdue-table tr[data-org='{Toyonaka}'][data-business='10'][data-step='1']");
        (await row.Locator("td").First.InnerTextAsync()).ShouldBe("軽自動車税");
        (await row.InnerTextAsync()).ShouldContain("作業中");
        int.Parse(await row.Locator("td.days").InnerTextAsync()).ShouldBeGreaterThan(0);
        (await page.Locator("#distribution-table tbody tr").CountAsync()).ShouldBe(20);
        (await page.Locator("figure.distribution svg").CountAsync()).ShouldBe(1);
        await Journeys.ShouldBeAccessibleAsync(page);

        await row.GetByRole(AriaRole.Link, new() { Name = "豊中市" }).ClickAsync();
        await page.WaitForURLAsync(Journeys.Path($"/osaka/migration/{Toyonaka}"));

        // The heat map 団体 × step, narrowed to 中核市 and 軽自動車税.
        await page.GotoAsync("/osaka/migration?view=step&category=CoreCity&business=10");
        (await page.Locator("#heatmap").GetAttributeAsync("data-view")).ShouldBe("step");
        (await page.Locator("#heatmap tbody tr").CountAsync()).ShouldBe(7); // 大阪府's 7 中核市
        (await page.Locator("#heatmap thead th").CountAsync()).ShouldBe(42); // 団体, 全体 and 40 steps
        await Journeys.ShouldBeAccessibleAsync(page);
    }

    [JourneyFact]
    public async Task Prefecture_admin_changes_the_stalled_weeks_with_japanese_validation()
    {
        var page = await app.NewPageAsync();
        await Journeys.SignInAsync(page, "大阪府", "pref.admin@osaka.example");
        await page.WaitForURLAsync(Journeys.Path("/osaka"));
        await page.GotoAsync("/osaka/migration/settings");
        (await page.Locator("main").InnerTextAsync()).ShouldContain("初期値");
        await page.GetByLabel("停滞とみなす期間（週）").FillAsync("0");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        (await page.GetByRole(AriaRole.Alert).InnerTextAsync()).ShouldContain("1〜52 週");
        await Journeys.ShouldBeAccessibleAsync(page);

        await page.GetByLabel("停滞とみなす期間（週）").FillAsync("6");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await Journeys.ShouldAnnounceAsync(page, "保存しました");
        (await page.GetByLabel("停滞とみなす期間（週）").InputValueAsync()).ShouldBe("6");
        await page.GotoAsync("/osaka/migration/insights");
        (await page.Locator("#stalled-heading").InnerTextAsync()).ShouldContain("6 週間以上");
    }

    [JourneyFact]
    public async Task National_viewer_reads_the_national_tables_sorted_by_completion()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/ops/login");
        await page.GetByLabel("メールアドレス").FillAsync("national@dxcollab.example");
        await page.GetByLabel("パスワード").FillAsync(Journeys.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "ログイン", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(Journeys.Path("/ops"));
        await page.GetByRole(AriaRole.Navigation, new() { Name = "メインメニュー" }).GetByRole(AriaRole.Link, new() { Name = "全国の標準化の進捗" }).ClickAsync();
        await page.WaitForURLAsync(Journeys.Path("/ops/migration"));

        (await page.Locator("#national-category-table tbody th").AllInnerTextsAsync())
            .ShouldBe(["全市区町村", "指定都市", "特別区", "中核市", "指定都市・中核市以外の市", "町村", "都道府県"]);
        (await page.Locator("#national-prefecture-table tbody tr").CountAsync()).ShouldBe(47);
        (await page.Locator("#national-prefecture-table tbody tr").First.GetAttributeAsync("data-prefecture")).ShouldBe("hokkaido");
        (await page.Locator("#national-business-table tbody tr").CountAsync()).ShouldBe(20);
        await Journeys.ShouldBeAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "完了率の高い順" }).ClickAsync();
        await page.WaitForURLAsync(Journeys.Path("/ops/migration"));
        var rates = (await page.Locator("#national-prefecture-table td.rate").AllInnerTextsAsync()).Select(decimal.Parse).ToList();
        rates.ShouldBe(rates.OrderByDescending(r => r).ToList());

        // A prefecture's user cannot open it.
        var other = await app.NewPageAsync();
        await Journeys.SignInAsync(other, "大阪府", "pref.admin@osaka.example");
        await other.WaitForURLAsync(Journeys.Path("/osaka"));
        var response = await other.GotoAsync("/ops/migration");
        response!.Status.ShouldBe(403);
    }
}
