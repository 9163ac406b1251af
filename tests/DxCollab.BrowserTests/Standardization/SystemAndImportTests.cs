using System.Text;
using Microsoft.Playwright;

namespace DxCollab.BrowserTests.Standardization;

/// <summary>標準化: a 団体's system page (facts, switching a 業務 off) and the prefecture's workbook import with its
/// progress and report.</summary>
public sealed class SystemAndImportTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private const string Chihayaakasaka = "273830";

    [JourneyFact]
    public async Task Chihayaakasaka_records_its_facts_and_switches_off_a_business_it_does_not_run()
    {
        var page = await app.NewPageAsync();
        await Journeys.SignInAsync(page, "大阪府", "chihayaakasaka@osaka.example");
        await page.WaitForURLAsync(Journeys.Path("/osaka"));
        await page.GotoAsync($"/osaka/migration/{Chihayaakasaka}");
        await page.Locator("tr[data-business='3'] th a").ClickAsync();
        await page.WaitForURLAsync(Journeys.Path($"/osaka/migration/{Chihayaakasaka}/3"));
        (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).ShouldBe("住民基本台帳（千早赤阪村）");
        (await page.Locator("tbody tr[data-step]").CountAsync()).ShouldBe(40);
        await Journeys.ShouldBeAccessibleAsync(page);

        // 特定移行支援 without a reason: refused in Japanese, then saved with one.
        await page.GetByLabel("特定移行支援システムに該当する").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "システムの情報を保存する" }).ClickAsync();
        (await page.GetByRole(AriaRole.Alert).InnerTextAsync()).ShouldContain("理由");
        await Journeys.ShouldBeAccessibleAsync(page);
        await page.GetByLabel("該当する理由（特定移行支援システムのとき必須・500 文字以内）").FillAsync("メインフレームを利用しているため");
        await page.GetByLabel("ベンダー名（任意・200 文字以内）").FillAsync("株式会社サンプル");
        await page.GetByLabel("稼働目標日（任意）").FillAsync("2027-01-04");
        await page.GetByRole(AriaRole.Button, new() { Name = "システムの情報を保存する" }).ClickAsync();
        await Journeys.ShouldAnnounceAsync(page, "保存しました");
        (await page.GetByLabel("ベンダー名（任意・200 文字以内）").InputValueAsync()).ShouldBe("株式会社サンプル");
        (await page.Locator("main .lead .tag.special").InnerTextAsync()).ShouldBe("特定移行支援システム");

        // The grid's row header shows the badge.
        await page.GotoAsync($"/osaka/migration/{Chihayaakasaka}");
        (await page.Locator("tr[data-business='3'] th").InnerTextAsync()).ShouldContain("特定移行支援");

        // Switch 業務 20 off: the confirmation box must be ticked first.
        await page.GotoAsync($"/osaka/migration/{Chihayaakasaka}/20");
        await page.GetByRole(AriaRole.Button, new() { Name = "対象外にする" }).ClickAsync();
        (await page.GetByRole(AriaRole.Alert).InnerTextAsync()).ShouldContain("チェックを入れてください");
        await page.GetByLabel("この団体はこの業務を行っていない（対象外にすることを確認しました）").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "対象外にする" }).ClickAsync();
        await Journeys.ShouldAnnounceAsync(page, "対象外にしました");
        (await page.Locator("#system-disabled").InnerTextAsync()).ShouldContain("対象にしていない");
        await Journeys.ShouldBeAccessibleAsync(page);
        await page.GotoAsync($"/osaka/migration/{Chihayaakasaka}");
        (await page.Locator("tr[data-business='20']").InnerTextAsync()).ShouldContain("対象にしていない業務");
        (await page.Locator("input[name='Input.Businesses']").CountAsync()).ShouldBe(19);
    }

    [JourneyFact]
    public async Task Prefecture_imports_a_workbook_and_reads_the_report()
    {
        var page = await app.NewPageAsync();
        await Journeys.SignInAsync(page, "大阪府", "pref.admin@osaka.example");
        await page.WaitForURLAsync(Journeys.Path("/osaka"));
        var export = await page.Context.APIRequest.GetAsync("/api/v1/osaka/migration/export?format=csv");
        var lines = Encoding.UTF8.GetString(await export.BodyAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var row = lines.Single(l => l.Contains("\"豊中市\"") && l.Contains("\"介護保険\"")).Split(',');
        for (var i = 3; i < 7; i++) row[i] = "\"完了済み\"";
        var csv = lines[0] + "\r\n" + string.Join(',', row) + "\r\n";

        await page.GotoAsync("/osaka/migration/import");
        await Journeys.ShouldBeAccessibleAsync(page);
        // No file chosen: a Japanese message, nothing started.
        await page.GetByRole(AriaRole.Button, new() { Name = "取り込みを始める" }).ClickAsync();
        (await page.GetByRole(AriaRole.Alert).InnerTextAsync()).ShouldContain("ファイル");
        await page.GetByLabel("ファイル（xlsx または CSV、20 MB まで）").SetInputFilesAsync(new FilePayload
        {
            Name = "進捗.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "取り込みを始める" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/osaka/migration/import/[0-9a-f-]{36}$"));
        (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).ShouldBe("取り込みの状況");
        // The script polls and reloads once the run is done.
        await page.Locator("#outcome").WaitForAsync(new() { Timeout = 30_000 });
        (await page.Locator("#outcome").InnerTextAsync()).ShouldContain("すべての行（1 行）を反映しました");
        (await page.Locator("#import-report tbody tr").InnerTextAsync()).ShouldContain("豊中市");
        (await page.Locator("#progress-text").InnerTextAsync()).ShouldContain("完了");
        await Journeys.ShouldBeAccessibleAsync(page);

        await page.GotoAsync("/osaka/migration/272035/介護保険");
        (await page.Locator("tr[data-step='1']").InnerTextAsync()).ShouldContain("完了済み");
    }
}
