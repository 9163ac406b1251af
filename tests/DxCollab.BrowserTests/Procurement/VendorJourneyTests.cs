using Microsoft.Playwright;

namespace DxCollab.BrowserTests.Procurement;

/// <summary>豊中市 (the lead body) records a vendor's question, answers it and publishes the answer; 千早赤阪村 (a member)
/// then sees it and leaves a note; the Q&amp;A and RFI pages pass axe.</summary>
public sealed class VendorJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [JourneyFact]
    public async Task The_lead_answers_a_vendor_question_and_publishes_it_and_a_member_then_reads_it()
    {
        var id = await app.ArrangeWorkspaceAsync("ビジネスチャット共同調達（ブラウザ）", [("272035", "豊中市"), ("273830", "千早赤阪村")]);
        var page = await app.NewPageAsync();
        await Journeys.SignInAsync(page, "大阪府", "toyonaka@osaka.example");
        await page.WaitForURLAsync(Journeys.Path("/osaka"));

        await page.GotoAsync($"/osaka/procurement/{id}/questions");
        await Journeys.ShouldBeAccessibleAsync(page);
        await page.GetByLabel("RFI（情報提供依頼）").CheckAsync();
        await page.GetByLabel("質問した事業者").FillAsync("株式会社なにわコミュニケーションズ");
        await page.GetByLabel("質問", new() { Exact = true }).FillAsync("LGWAN接続系の端末から利用できますか。");
        await page.GetByRole(AriaRole.Button, new() { Name = "記録する" }).ClickAsync();
        await Assertions.Expect(page.GetByText("質問（株式会社なにわコミュニケーションズ）を記録しました。")).ToBeVisibleAsync();
        var question = page.Locator("article.vendor-question").First;
        await Assertions.Expect(question.Locator(".badge")).ToHaveTextAsync("未回答");

        await page.GetByLabel("回答を入力").FillAsync("LGWAN-ASPとして提供されるサービスを想定しています。");
        await page.GetByRole(AriaRole.Button, new() { Name = "回答を保存" }).ClickAsync();
        await Assertions.Expect(question.Locator(".badge")).ToHaveTextAsync("未公開");
        await page.GetByRole(AriaRole.Button, new() { Name = "参加団体に公開する" }).ClickAsync();
        await Assertions.Expect(page.GetByText("回答を参加団体に公開しました。")).ToBeVisibleAsync();
        await Assertions.Expect(question.Locator(".badge")).ToHaveTextAsync("公開済み");
        await Journeys.ShouldBeAccessibleAsync(page);

        await page.GotoAsync($"/osaka/procurement/{id}/rfi");
        await Journeys.ShouldBeAccessibleAsync(page);
        await page.GetByLabel("項目名").FillAsync("対応OS");
        await page.GetByRole(AriaRole.Button, new() { Name = "項目を加える" }).ClickAsync();
        await page.GetByLabel("事業者", new() { Exact = true }).FillAsync("A社");
        await page.GetByLabel("回答（同じ事業者・項目の回答は置き換わります）").FillAsync("Windows / macOS");
        await page.GetByRole(AriaRole.Button, new() { Name = "記録する" }).ClickAsync();
        await Assertions.Expect(page.Locator("#rfi-matrix")).ToContainTextAsync("Windows / macOS");
        await Journeys.ShouldBeAccessibleAsync(page);

        await Journeys.SignOutAsync(page);
        await Journeys.SignInAsync(page, "大阪府", "chihayaakasaka@osaka.example");
        await page.WaitForURLAsync(Journeys.Path("/osaka"));
        await page.GotoAsync($"/osaka/procurement/{id}/questions");
        await Assertions.Expect(page.Locator("article.vendor-question")).ToContainTextAsync("LGWAN-ASPとして提供されるサービスを想定しています。");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "参加団体に公開する" })).ToHaveCountAsync(0);
        await page.GetByLabel("コメント・提案（代表団体へ。事業者には送られません）").FillAsync("αモデルでの利用も確認したい");
        await page.GetByRole(AriaRole.Button, new() { Name = "コメントを送る" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notes")).ToContainTextAsync("αモデルでの利用も確認したい");
        await Journeys.ShouldBeAccessibleAsync(page);
    }
}
