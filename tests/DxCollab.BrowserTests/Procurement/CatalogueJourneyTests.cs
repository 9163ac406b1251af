using Microsoft.Playwright;

namespace DxCollab.BrowserTests.Procurement;

/// <summary>豊中市 uploads its specification and publishes its finished procurement's case naming it; 笠置町 of kyoto finds
/// the case in the catalogue and asks for the specification; 豊中市 approves; 笠置町 downloads exactly the uploaded file.
/// The pages pass axe.</summary>
public sealed class CatalogueJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private static readonly byte[] Specification = [.. "%PDF-1.7\n"u8.ToArray(), .. Enumerable.Range(0, 900).Select(i => (byte)(i % 241))];

    [JourneyFact]
    public async Task The_lead_publishes_a_case_kyoto_asks_for_the_specification_and_downloads_it_once_approved()
    {
        var id = await app.ArrangeWorkspaceAsync("RPA共同調達（ブラウザ）", [("272035", "豊中市"), ("273830", "千早赤阪村")], finished: true);
        var page = await app.NewPageAsync();
        await Journeys.SignInAsync(page, "大阪府", "toyonaka@osaka.example");
        await page.WaitForURLAsync(Journeys.Path("/osaka"));

        await page.GotoAsync($"/osaka/procurement/{id}/documents");
        await page.GetByLabel("文書名").FillAsync("RPA仕様書");
        await page.GetByLabel("機微").CheckAsync();
        await page.GetByLabel("ファイル").SetInputFilesAsync(new FilePayload { Name = "RPA仕様書.pdf", MimeType = "application/pdf", Buffer = Specification });
        await page.GetByRole(AriaRole.Button, new() { Name = "登録する" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("RPA仕様書");

        await page.GotoAsync($"/osaka/procurement/{id}/case");
        await Journeys.ShouldBeAccessibleAsync(page);
        await page.GetByLabel("進め方・経緯（他の団体の参考になること）").FillAsync("2団体で仕様書を共同作成し、指名競争入札で契約。");
        await page.GetByLabel("求めに応じて提供できる（その都度、代表団体が可否を決めます）").CheckAsync();
        await page.GetByLabel("提供する仕様書（提供できる場合）").SelectOptionAsync(new SelectOptionValue { Label = "RPA仕様書（第1版・機微）" });
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
        await Journeys.SignOutAsync(page);

        await Journeys.SignInAsync(page, "大阪府", "toyonaka@osaka.example");
        await page.WaitForURLAsync(Journeys.Path("/osaka"));
        // The request travels by message: reload the case page until it is listed.
        for (var tries = 0; tries < 30; tries++)
        {
            await page.GotoAsync($"/osaka/procurement/{id}/case");
            if (await page.Locator("#specification-requests").CountAsync() > 0) break;
            await Task.Delay(1000);
        }
        await Assertions.Expect(page.Locator("#specification-requests")).ToContainTextAsync("笠置町（京都府）");
        await page.GetByLabel("連絡事項（任意）").FillAsync("入札公告版をお渡しします");
        await page.GetByRole(AriaRole.Button, new() { Name = "提供する" }).ClickAsync();
        await Assertions.Expect(page.Locator("#specification-requests")).ToContainTextAsync("提供可");
        await Journeys.ShouldBeAccessibleAsync(page);
        await Journeys.SignOutAsync(page);

        await Journeys.SignInAsync(page, "京都府", "kasagi@kyoto.example");
        await page.WaitForURLAsync(Journeys.Path("/kyoto"));
        for (var tries = 0; tries < 30; tries++)
        {
            await page.GotoAsync("/kyoto/procurement/catalogue");
            if (await page.Locator("#specification-asks").GetByText("提供可").CountAsync() > 0) break;
            await Task.Delay(1000);
        }
        await Assertions.Expect(page.Locator("#specification-asks")).ToContainTextAsync("入札公告版をお渡しします");
        await Journeys.ShouldBeAccessibleAsync(page);
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.Locator("#specification-asks").GetByRole(AriaRole.Link, new() { Name = "ダウンロード" }).ClickAsync());
        download.SuggestedFilename.ShouldBe("RPA仕様書.pdf");
        await using var stream = await download.CreateReadStreamAsync();
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        copy.ToArray().ShouldBe(Specification);
    }
}
