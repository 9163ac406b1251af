using Microsoft.Playwright;

namespace DxCollab.BrowserTests;

/// <summary>A user turns on TOTP two-factor authentication; the next sign-in asks for the app's code.</summary>
public sealed class TwoFactorTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [JourneyFact]
    public async Task After_enrolling_an_authenticator_sign_in_needs_its_code()
    {
        var page = await app.NewPageAsync();
        await Journeys.SignInAsync(page, "京都府", "kasagi@kyoto.example");
        await page.WaitForURLAsync(Journeys.Path("/kyoto"));
        await page.GetByRole(AriaRole.Link, new() { Name = "アカウント設定" }).ClickAsync();
        await Journeys.ShouldBeAccessibleAsync(page);

        var key = await page.Locator("#shared-key").InnerTextAsync();
        await page.GetByLabel("認証コード（6 桁）").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "有効にする" }).ClickAsync();
        (await page.Locator("main").InnerTextAsync()).ShouldContain("回復用コード");

        await Journeys.SignOutAsync(page);
        await Journeys.SignInAsync(page, "京都府", "kasagi@kyoto.example");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/kyoto/login/two-factor"));
        await page.GetByLabel("認証コード（6 桁）または回復用コード").FillAsync("000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "確認してログイン" }).ClickAsync();
        (await page.GetByRole(AriaRole.Alert).InnerTextAsync()).ShouldContain("コードが正しくありません");

        await page.GetByLabel("認証コード（6 桁）または回復用コード").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "確認してログイン" }).ClickAsync();
        await page.WaitForURLAsync(Journeys.Path("/kyoto"));
        (await page.Locator("header").InnerTextAsync()).ShouldContain("笠置町");
    }
}
