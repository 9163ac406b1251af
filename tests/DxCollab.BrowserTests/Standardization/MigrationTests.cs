using Microsoft.Playwright;

namespace DxCollab.BrowserTests.Standardization;

/// <summary>標準化: 豊中市's 1人情シス updates many steps at once, the prefecture sees it in its dashboard, and nobody
/// edits another 団体's statuses. Each test makes its own changes (different 業務), so they run in any order.</summary>
public sealed class MigrationTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private const string Toyonaka = "272035", Chihayaakasaka = "273830";

    [JourneyFact]
    public async Task Toyonaka_bulk_marks_three_steps_done_for_three_businesses()
    {
        var page = await app.NewPageAsync();
        await Journeys.SignInAsync(page, "大阪府", "toyonaka@osaka.example");
        await page.WaitForURLAsync(Journeys.Path("/osaka"));
        await page.GetByRole(AriaRole.Navigation, new() { Name = "メインメニュー" }).GetByRole(AriaRole.Link, new() { Name = "標準化" }).ClickAsync();
        await page.WaitForURLAsync(Journeys.Path($"/osaka/migration/{Toyonaka}"));
        (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).ShouldBe("標準化の進捗（豊中市）");
        (await page.Locator("tbody tr[data-business]").CountAsync()).ShouldBe(20);
        var juki = page.Locator("tr[data-business='3']");
        (await juki.Locator("td.rate").InnerTextAsync()).ShouldBe("0.0%");
        (await juki.Locator("td.st").First.InnerTextAsync()).ShouldContain("未");
        await Journeys.ShouldBeAccessibleAsync(page);

        foreach (var business in new[] { 1, 2, 3 })
            await page.Locator($"#business-{business}").CheckAsync();
        await page.GetByLabel("開始ステップ").SelectOptionAsync("1");
        await page.GetByLabel("終了ステップ").SelectOptionAsync("3");
        await page.Locator("#status-Completed").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "更新する" }).ClickAsync();

        await Journeys.ShouldAnnounceAsync(page, "9件を更新しました");
        var cells = juki.Locator("td.st");
        for (var i = 0; i < 3; i++)
        {
            (await cells.Nth(i).InnerTextAsync()).ShouldContain("完");
            (await cells.Nth(i).GetAttributeAsync("class"))!.ShouldContain("st-done");
        }
        (await cells.Nth(3).InnerTextAsync()).ShouldContain("未");
        (await juki.Locator("td.rate").InnerTextAsync()).ShouldBe("7.5%");
        (await page.Locator("#total-rate").InnerTextAsync()).ShouldNotBe("0.0%");
        (await page.Locator("main").InnerTextAsync()).ShouldContain("この 1 か月の変更");
        await Journeys.ShouldBeAccessibleAsync(page);
    }

    [JourneyFact]
    public async Task Toyonaka_selects_all_businesses_without_javascript()
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, Locale = "ja-JP", JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await Journeys.SignInAsync(page, "大阪府", "toyonaka@osaka.example");
        await page.WaitForURLAsync(Journeys.Path("/osaka"));
        await page.GotoAsync($"/osaka/migration/{Toyonaka}");
        await page.GetByRole(AriaRole.Button, new() { Name = "すべての業務を選ぶ" }).ClickAsync();
        (await page.Locator("input[name='Input.Businesses']:checked").CountAsync()).ShouldBe(20);
        await page.GetByRole(AriaRole.Button, new() { Name = "選択をすべて外す" }).ClickAsync();
        (await page.Locator("input[name='Input.Businesses']:checked").CountAsync()).ShouldBe(0);

        // Nothing chosen: a Japanese error, nothing changed.
        await page.GetByRole(AriaRole.Button, new() { Name = "更新する" }).ClickAsync();
        (await page.GetByRole(AriaRole.Alert).InnerTextAsync()).ShouldContain("業務を1つ以上選んでください");
        await context.CloseAsync();
    }

    [JourneyFact]
    public async Task Prefecture_admin_sees_the_soumu_table_and_toyonaka_in_the_heat_map()
    {
        var page = await app.NewPageAsync();
        await Journeys.SignInAsync(page, "大阪府", "pref.admin@osaka.example");
        await page.WaitForURLAsync(Journeys.Path("/osaka"));
        await page.GetByRole(AriaRole.Navigation, new() { Name = "メインメニュー" }).GetByRole(AriaRole.Link, new() { Name = "標準化" }).ClickAsync();
        await page.WaitForURLAsync(Journeys.Path("/osaka/migration"));

        var categories = page.Locator("#category-table tbody th");
        (await categories.AllInnerTextsAsync()).ShouldBe(["全市区町村", "指定都市", "特別区", "中核市", "指定都市・中核市以外の市", "町村", "都道府県"]);
        (await page.Locator("#category-table tbody tr").First.Locator("td").First.InnerTextAsync()).ShouldBe("860"); // 43 × 20
        (await page.Locator("#heatmap tbody tr").CountAsync()).ShouldBe(44);
        await Journeys.ShouldBeAccessibleAsync(page);

        // The prefecture's staff update 豊中市 on its page (固定資産税 and 個人住民税, ②-1 … ②-3 作業中 then 完了済み).
        await page.Locator($"#heatmap tr[data-org='{Toyonaka}']").GetByRole(AriaRole.Link, new() { Name = "豊中市" }).ClickAsync();
        await page.WaitForURLAsync(Journeys.Path($"/osaka/migration/{Toyonaka}"));
        await page.Locator("#business-7").CheckAsync();
        await page.Locator("#business-8").CheckAsync();
        await page.GetByLabel("開始ステップ").SelectOptionAsync("4");
        await page.GetByLabel("終了ステップ").SelectOptionAsync("6");
        await page.Locator("#status-Completed").CheckAsync();
        await page.GetByLabel("実績日（任意）").FillAsync("2026-11-20");
        await page.GetByRole(AriaRole.Button, new() { Name = "更新する" }).ClickAsync();
        await Journeys.ShouldAnnounceAsync(page, "6件を更新しました");
        (await page.Locator("tr[data-business='7'] td.rate").InnerTextAsync()).ShouldBe("7.5%");

        await page.GotoAsync("/osaka/migration?sort=rate-desc");
        var first = page.Locator("#heatmap tbody tr").First;
        (await first.GetAttributeAsync("data-org")).ShouldBe(Toyonaka);
        (await first.Locator("th").InnerTextAsync()).ShouldBe("豊中市");
        (await first.Locator("td.total").InnerTextAsync()).ShouldNotBe("0.0");
        (await first.Locator("td").Nth(7).InnerTextAsync()).ShouldBe("7.5"); // 固定資産税 (after 全体 and 業務 1–6)
        // 6 steps of 860 × 40 round to 0.0% for 全市区町村, but show in 中核市 (fewer rows).
        var coreCities = page.Locator("#category-table tbody tr").Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "中核市", Exact = true }) });
        (await coreCities.Locator("td").Nth(1).InnerTextAsync()).ShouldNotBe("0.0");
        await Journeys.ShouldBeAccessibleAsync(page);
    }

    [JourneyFact]
    public async Task Toyonaka_cannot_edit_chihayaakasaka_and_is_sent_to_its_own_page_from_the_dashboard()
    {
        var page = await app.NewPageAsync();
        await Journeys.SignInAsync(page, "大阪府", "toyonaka@osaka.example");
        await page.WaitForURLAsync(Journeys.Path("/osaka"));

        await page.GotoAsync("/osaka/migration");
        await page.WaitForURLAsync(Journeys.Path($"/osaka/migration/{Toyonaka}"));

        await page.GotoAsync($"/osaka/migration/{Chihayaakasaka}");
        (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).ShouldBe("標準化の進捗（千早赤阪村）");
        (await page.GetByRole(AriaRole.Button, new() { Name = "更新する" }).CountAsync()).ShouldBe(0);
        (await page.Locator("input[name='Input.Businesses']").CountAsync()).ShouldBe(0);
        (await page.Locator("main").InnerTextAsync()).ShouldContain("閲覧のみ");
        await Journeys.ShouldBeAccessibleAsync(page);

        // A hand-made POST with a valid anti-forgery token is refused and changes nothing.
        var token = await page.Locator("input[name='__RequestVerificationToken']").First.GetAttributeAsync("value");
        var response = await page.APIRequest.PostAsync($"/osaka/migration/{Chihayaakasaka}?handler=Update", new()
        {
            Form = page.APIRequest.CreateFormData()
                .Set("__RequestVerificationToken", token!).Append("Input.Businesses", "1").Set("Input.FromStep", "1")
                .Set("Input.ToStep", "3").Set("Input.Status", "Completed"),
            MaxRedirects = 0,
        });
        (response.Status is 403 or 302).ShouldBeTrue($"status {response.Status}");
        if (response.Status == 302) response.Headers["location"].ShouldContain("/error/403");
        var grid = await page.APIRequest.GetAsync($"/api/v1/osaka/migration/{Chihayaakasaka}");
        grid.Status.ShouldBe(200);
        (await grid.TextAsync()).ShouldBe("[]");
    }
}
