using Microsoft.Playwright;

namespace DxCollab.BrowserTests.Standardization;

/// <summary>豊中市's 1人情シス opens a step from the grid, uploads its 証跡 and asks the prefecture about it; 大阪府 finds
/// the question among the open ones (with the days it has waited) and answers it.</summary>
public sealed class EvidenceAndInquiryTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private const string Toyonaka = "272035";
    private static readonly byte[] Pdf = [.. "%PDF-1.7\n%テスト\n"u8.ToArray(), .. new byte[2048]];

    [JourneyFact]
    public async Task Toyonaka_uploads_evidence_and_asks_and_the_prefecture_answers()
    {
        var page = await app.NewPageAsync();
        await Journeys.SignInAsync(page, "大阪府", "toyonaka@osaka.example");
        await page.WaitForURLAsync(Journeys.Path("/osaka"));
        await page.GotoAsync($"/osaka/migration/{Toyonaka}");
        // The cell of 住民基本台帳 × ④-4 opens the step's page.
        await page.Locator("tr[data-business='3']").GetByRole(AriaRole.Link, new() { Name = "住民基本台帳 ④-4 未着手" }).ClickAsync();
        await page.WaitForURLAsync(Journeys.Path($"/osaka/migration/{Toyonaka}/3/steps/13"));
        (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).ShouldBe("④-4 移行にあたっての課題と対策の整理");
        (await page.Locator("main").InnerTextAsync()).ShouldContain("まだ証跡はありません");
        await Journeys.ShouldBeAccessibleAsync(page);

        // Status, then 証跡 with a Japanese file name (a plain multipart form).
        await page.Locator("#status-InProgress").CheckAsync();
        await page.GetByLabel("予定日（任意）").FillAsync("2027-01-29");
        await page.GetByRole(AriaRole.Button, new() { Name = "状況を保存する" }).ClickAsync();
        await Journeys.ShouldAnnounceAsync(page, "作業中");
        (await page.Locator("#current-status").InnerTextAsync()).ShouldBe("作業中");

        await page.GetByLabel("ファイル", new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = "課題対策一覧（住民記録）.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await page.GetByLabel("説明（任意・200 文字以内）").FillAsync("課長決裁済み");
        await page.GetByRole(AriaRole.Button, new() { Name = "登録する" }).ClickAsync();
        await Journeys.ShouldAnnounceAsync(page, "課題対策一覧（住民記録）.pdf");
        var link = page.Locator("#evidence-table").GetByRole(AriaRole.Link, new() { Name = "課題対策一覧（住民記録）.pdf" });
        (await link.CountAsync()).ShouldBe(1);
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        download.SuggestedFilename.ShouldBe("課題対策一覧（住民記録）.pdf");
        var history = await page.Locator("#history-table").InnerTextAsync();
        history.ShouldContain("未着手（記録なし） → 作業中");
        history.ShouldContain("証跡「課題対策一覧（住民記録）.pdf」を登録");
        await Journeys.ShouldBeAccessibleAsync(page);

        // A file of a kind not accepted: an error next to the form, nothing listed.
        await page.GetByLabel("ファイル", new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = "tool.exe", MimeType = "application/octet-stream", Buffer = [0x4D, 0x5A] });
        await page.GetByRole(AriaRole.Button, new() { Name = "登録する" }).ClickAsync();
        (await page.GetByRole(AriaRole.Alert).InnerTextAsync()).ShouldContain("受け付けられない種類");
        (await page.Locator("#evidence-table tbody tr").CountAsync()).ShouldBe(1);

        // Ask the prefecture about this step: the form arrives with 業務 and step chosen.
        await page.GetByRole(AriaRole.Link, new() { Name = "このステップについて都道府県に質問する" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/osaka/migration/inquiries/new"));
        (await page.GetByLabel("業務（任意）").InputValueAsync()).ShouldBe("3");
        (await page.GetByLabel("ステップ（任意）").InputValueAsync()).ShouldBe("13");
        await Journeys.ShouldBeAccessibleAsync(page);
        await page.GetByLabel("件名（200 文字以内）").FillAsync("外字の同定で残る課題の扱い");
        await page.GetByLabel("質問の内容（4000 文字以内）").FillAsync("外字 120 文字の同定が終わりません。\n移行計画の課題として残してよいでしょうか。");
        await page.GetByRole(AriaRole.Button, new() { Name = "都道府県に送る" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/osaka/migration/inquiries/\d+$"));
        var threadUrl = page.Url;
        (await page.Locator("#inquiry-status").InnerTextAsync()).ShouldBe("回答待ち");
        (await page.Locator("#thread").InnerTextAsync()).ShouldContain("移行計画の課題として残してよいでしょうか");
        await Journeys.ShouldBeAccessibleAsync(page);
        await Journeys.SignOutAsync(page);

        // 大阪府 sees it among the open ones, with 豊中市 and the waiting days, and answers.
        await Journeys.SignInAsync(page, "大阪府", "pref.admin@osaka.example");
        await page.WaitForURLAsync(Journeys.Path("/osaka"));
        await page.GotoAsync("/osaka/migration/inquiries");
        var row = page.Locator("#inquiry-table tbody tr").Filter(new() { HasText = "外字の同定で残る課題の扱い" });
        (await row.CountAsync()).ShouldBe(1);
        (await row.InnerTextAsync()).ShouldContain("豊中市");
        (await row.InnerTextAsync()).ShouldContain("住民基本台帳 ④-4");
        (await row.Locator("td.waiting").InnerTextAsync()).ShouldBe("0 日");
        await Journeys.ShouldBeAccessibleAsync(page);
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await page.WaitForURLAsync(threadUrl);
        await page.GetByLabel("回答の内容（4000 文字以内）").FillAsync("課題として残して差し支えありません。⑭-1 のベンダ調整で同定基準を確認してください。");
        await page.GetByRole(AriaRole.Button, new() { Name = "回答を送る" }).ClickAsync();
        await Journeys.ShouldAnnounceAsync(page, "回答を送りました");
        (await page.Locator("#inquiry-status").InnerTextAsync()).ShouldBe("回答済み");
        await Journeys.ShouldBeAccessibleAsync(page);

        await page.GotoAsync("/osaka/migration/inquiries");
        (await page.Locator("#inquiry-table tbody tr").Filter(new() { HasText = "外字の同定で残る課題の扱い" }).CountAsync()).ShouldBe(0); // no longer open
    }

    [JourneyFact]
    public async Task Chihayaakasaka_uploads_without_javascript_and_sees_neither_toyonakas_evidence_nor_its_questions()
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, Locale = "ja-JP", JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await Journeys.SignInAsync(page, "大阪府", "chihayaakasaka@osaka.example");
        await page.WaitForURLAsync(Journeys.Path("/osaka"));
        await page.GotoAsync("/osaka/migration/273830/15/steps/40");
        await page.GetByLabel("ファイル", new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = "運用開始報告.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await page.GetByRole(AriaRole.Button, new() { Name = "登録する" }).ClickAsync();
        (await page.Locator("#evidence-table").InnerTextAsync()).ShouldContain("運用開始報告.pdf");

        // 豊中市's step: the status is readable, its 証跡 and questions are not, and nothing can be changed.
        await page.GotoAsync($"/osaka/migration/{Toyonaka}/3/steps/10");
        var main = await page.Locator("main").InnerTextAsync();
        main.ShouldContain("証跡を見られるのは、豊中市 の担当者と都道府県の職員だけです");
        (await page.GetByRole(AriaRole.Button, new() { Name = "登録する" }).CountAsync()).ShouldBe(0);
        (await page.GetByRole(AriaRole.Button, new() { Name = "状況を保存する" }).CountAsync()).ShouldBe(0);

        // Its own question (a plain form post) is listed; 豊中市's are not.
        await page.GotoAsync("/osaka/migration/inquiries/new");
        await page.GetByLabel("件名（200 文字以内）").FillAsync("特定移行支援の計画変更の届け方");
        await page.GetByLabel("質問の内容（4000 文字以内）").FillAsync("完了予定が延びる見込みです。どの様式で届ければよいでしょうか。");
        await page.GetByRole(AriaRole.Button, new() { Name = "都道府県に送る" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/osaka/migration/inquiries/\d+$"));
        await page.GotoAsync("/osaka/migration/inquiries");
        (await page.Locator("#inquiry-table tbody tr[data-org='273830']").CountAsync()).ShouldBeGreaterThanOrEqualTo(1);
        (await page.Locator("#inquiry-table tbody tr:not([data-org='273830'])").CountAsync()).ShouldBe(0);
        await context.CloseAsync();
    }
}
