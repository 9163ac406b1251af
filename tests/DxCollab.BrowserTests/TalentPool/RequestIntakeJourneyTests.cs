using DxCollab.Platform.Text;
using Microsoft.Playwright;

namespace DxCollab.BrowserTests.TalentPool;

/// <summary>千早赤阪村 asks for support through a theme card: a missing answer is named at the top and what was typed
/// stays; it answers, attaches its current policy, confirms (dates with 和暦), adds a 補足 on the request's page and finds
/// the request 受付 in its list.</summary>
public sealed class RequestIntakeJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private static readonly byte[] Pdf = [.. "%PDF-1.7\n"u8.ToArray(), .. Enumerable.Range(0, 500).Select(i => (byte)(i % 251))];

    [JourneyFact]
    public async Task Chihayaakasaka_requests_support_through_a_theme_card_with_a_file_confirms_adds_a_補足_and_sees_it_受付()
    {
        var page = await app.NewPageAsync();
        await Journeys.SignInAsync(page, "大阪府", "chihayaakasaka@osaka.example");
        await page.WaitForURLAsync(Journeys.Path("/osaka"));
        await page.GotoAsync("/osaka/talent/requests");
        await page.GetByRole(AriaRole.Link, new() { Name = "支援を依頼する" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("支援を依頼する: テーマを選ぶ");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "相談したい（何を頼めばよいか分からない）" })).ToBeVisibleAsync();
        await Journeys.ShouldBeAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "セキュリティポリシーを改定したい" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("支援を依頼する: 質問に答える");
        await Journeys.ShouldBeAccessibleAsync(page);

        // A question left unanswered: named at the top, the typed text kept.
        await page.GetByLabel("改定のきっかけは何ですか").FillAsync("国のガイドライン改定とクラウドの利用開始");
        await page.GetByLabel("3年以上前").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "確認へ進む" }).ClickAsync();
        await Assertions.Expect(page.Locator("#error-summary")).ToContainTextAsync("「改定したい範囲はどこですか」の答えを選んでください。");
        await Assertions.Expect(page.GetByLabel("改定のきっかけは何ですか")).ToHaveValueAsync("国のガイドライン改定とクラウドの利用開始");
        await Assertions.Expect(page.GetByLabel("3年以上前")).ToBeCheckedAsync();
        await Journeys.ShouldBeAccessibleAsync(page);

        await page.GetByLabel("全体").CheckAsync();
        var from = JapaneseCalendar.TodayInTokyo(DateTimeOffset.UtcNow).AddDays(30);
        await page.GetByLabel("はじめ").FillAsync(from.ToString("yyyy-MM-dd"));
        await page.GetByLabel("オンライン", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("資料の添付（任意）").SetInputFilesAsync(new FilePayload { Name = "情報セキュリティポリシー.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await page.GetByRole(AriaRole.Button, new() { Name = "確認へ進む" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("支援を依頼する: 内容の確認");
        await Assertions.Expect(page.Locator("#confirm-list")).ToContainTextAsync(JapaneseCalendar.Format(from));
        await Assertions.Expect(page.Locator("#confirm-list")).ToContainTextAsync("情報セキュリティポリシー.pdf");
        await Assertions.Expect(page.Locator("#confirm-list")).ToContainTextAsync("国のガイドライン改定とクラウドの利用開始");
        await Journeys.ShouldBeAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "この内容で依頼する" }).ClickAsync();

        await Assertions.Expect(page.Locator("#request-state")).ToHaveTextAsync("受付");
        await Assertions.Expect(page.Locator("#request-files")).ToContainTextAsync("情報セキュリティポリシー.pdf");
        await Journeys.ShouldBeAccessibleAsync(page);

        // 補足 after the request: it starts the request's conversation with the prefecture.
        await page.GetByLabel("質問・補足の内容").FillAsync("クラウドの利用範囲はまだ検討中です。");
        await page.GetByRole(AriaRole.Button, new() { Name = "送る", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#conversation")).ToHaveTextAsync("依頼についてのやりとり（回答待ち）");
        await Assertions.Expect(page.Locator("#thread-entries")).ToContainTextAsync("クラウドの利用範囲はまだ検討中です。");
        await Journeys.ShouldBeAccessibleAsync(page);

        await page.GotoAsync("/osaka/talent/requests");
        var row = page.Locator("#request-table tbody tr").Filter(new() { HasText = "セキュリティポリシーを改定したい" });
        await Assertions.Expect(row.Locator(".request-state")).ToHaveTextAsync("受付");
        await Journeys.ShouldBeAccessibleAsync(page);
    }
}
