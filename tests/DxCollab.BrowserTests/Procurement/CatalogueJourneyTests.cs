using Microsoft.Playwright;

namespace DxCollab.BrowserTests.Procurement;

/// <summary>豊中市 publishes its finished procurement's case; 笠置町 of kyoto finds it in the catalogue and asks for the
/// specification; the pages pass axe.</summary>
public sealed class CatalogueJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_lead_publishes_a_case_and_kyoto_finds_it_in_the_catalogue_and_asks_for_the_specification()
    {
        var id = await app.ArrangeWorkspaceAsync("RPA共同調達（ブラウザ）", [("272035", "豊中市"), ("273830", "千早赤阪村")], finished: true);
        var page = await app.NewPageAsync();
        await Journeys.SignInAsync(page, "大阪府", "toyonaka@osaka.example");
        await page.WaitForURLAsync(Journeys.Path("/osaka"));

        await page.GotoAsync($"/osaka/procurement/{id}/case");
        await Journeys.ShouldBeAccessibleAsync(page);
        await page.GetByLabel("進め方・経緯（他の団体の参考になること）").FillAsync("2団体で仕様書を共同作成し、指名競争入札で契約。");
        await page.GetByLabel("求めに応じて提供できる（その都度、代表団体が可否を決めます）").CheckAsync();
        await page.GetByLabel("初期費用（円）").FillAsync("6200000");
        await page.GetByRole(AriaRole.Button, new() { Name = "事例カタログに公開する" }).ClickAsync();
        await Assertions.Expect(page.Locator("#published-note")).ToContainTextAsync("求めに応じて提供します");
        await Journeys.ShouldBeAccessibleAsync(page);
        await Journeys.SignOutAsync(page);

        await Journeys.SignInAsync(page, "京都府", "kasagi@kyoto.example");
        await page.WaitForURLAsync(Journeys.Path("/kyoto"));
        // The host stores the case from the outbox message: reload until it is there.
        for (var tries = 0; tries < 30; tries++)
        {
            await page.GotoAsync("/kyoto/procurement/catalogue?q=rpa");
            if (await page.GetByRole(AriaRole.Link, new() { Name = "RPA共同調達（ブラウザ）" }).CountAsync() > 0) break;
            await Task.Delay(1000);
        }
        await Journeys.ShouldBeAccessibleAsync(page);
        await Assertions.Expect(page.Locator("#catalogue-cases")).ToContainTextAsync("6,200,000円");
        await page.GetByRole(AriaRole.Link, new() { Name = "RPA共同調達（ブラウザ）" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("RPA共同調達（ブラウザ）");
        await Assertions.Expect(page.Locator(".case-summary")).ToContainTextAsync("豊中市、千早赤阪村");
        await Journeys.ShouldBeAccessibleAsync(page);
        await page.GetByLabel("利用目的（任意）").FillAsync("来年度の調達の参考");
        await page.GetByRole(AriaRole.Button, new() { Name = "仕様書の提供を求める" }).ClickAsync();
        await Assertions.Expect(page.Locator("#specification-asks")).ToContainTextAsync("回答待ち");
    }
}
