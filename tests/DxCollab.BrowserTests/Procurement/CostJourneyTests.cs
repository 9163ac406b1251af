using Microsoft.Playwright;

namespace DxCollab.BrowserTests.Procurement;

/// <summary>豊中市 splits the cost 均等割30:人口割70 between three members, imports the populations from a CSV, previews, saves and reads the saved split with its
/// chart; the pages pass axe.</summary>
public sealed class CostJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [JourneyFact]
    public async Task The_lead_imports_populations_then_previews_and_saves_a_split_whose_shares_sum_to_the_total()
    {
        var id = await app.ArrangeWorkspaceAsync("費用按分の共同調達（ブラウザ）", [("272035", "豊中市"), ("273830", "千早赤阪村"), ("272051", "吹田市")]);
        var page = await app.NewPageAsync();
        await Journeys.SignInAsync(page, "大阪府", "toyonaka@osaka.example");
        await page.WaitForURLAsync(Journeys.Path("/osaka"));

        await page.GotoAsync($"/osaka/procurement/{id}/costs");
        await Journeys.ShouldBeAccessibleAsync(page);
        await page.GetByLabel("名称（保存するとき）").FillAsync("初期・年額の按分");
        await page.GetByLabel("初期費用の総額（円）").FillAsync("10000000");
        await page.GetByLabel("年額（運用費）の総額（円）").FillAsync("1000001");
        await page.GetByLabel("均等割の割合（%）").FillAsync("30");
        // Populations from a file (団体コード,人口), then one corrected by hand.
        await page.GetByLabel("人口をファイルから取り込む（1列目に団体コード、2列目に人口の CSV または Excel）").SetInputFilesAsync(new FilePayload
        {
            Name = "人口.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes("団体コード,人口\r\n272035,401558\r\n273830,4812\r\n272051,1\r\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "取り込む", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#import-notice")).ToContainTextAsync("3団体の人口を取り込みました。");
        await Assertions.Expect(page.GetByLabel("千早赤阪村")).ToHaveValueAsync("4812");
        await Assertions.Expect(page.GetByLabel("均等割の割合（%）")).ToHaveValueAsync("30");
        await page.GetByLabel("吹田市").FillAsync("385567");
        await page.GetByRole(AriaRole.Button, new() { Name = "試算する" }).ClickAsync();

        var split = page.Locator("#cost-split");
        await Assertions.Expect(split).ToContainTextAsync("1,042,533円");
        await Assertions.Expect(split.Locator("tfoot")).ToContainTextAsync("10,000,000円");
        await Assertions.Expect(split.Locator("tfoot")).ToContainTextAsync("1,000,001円");
        await Assertions.Expect(page.Locator("#rounding-rule")).ToContainTextAsync("豊中市が負担");
        await Journeys.ShouldBeAccessibleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await Assertions.Expect(page.GetByText("費用按分「初期・年額の按分」を保存しました。")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("初期・年額の按分");
        await Assertions.Expect(page.Locator("figure.chart")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#cost-split tfoot")).ToContainTextAsync("10,000,000円");
        await Journeys.ShouldBeAccessibleAsync(page);
    }
}
