using Microsoft.Playwright;

namespace DxCollab.BrowserTests;

/// <summary>豊中市's one-person IT department signs in, finds its prefecture's 団体, and cannot reach kyoto.</summary>
public sealed class MunicipalOfficerTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [JourneyFact]
    public async Task Toyonaka_signs_in_and_sees_osaka_and_its_43_municipalities_only()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/login");
        await Journeys.ShouldBeAccessibleAsync(page);

        await Journeys.SignInAsync(page, "大阪府", "toyonaka@osaka.example");
        await page.WaitForURLAsync(Journeys.Path("/osaka"));
        (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).ShouldBe("大阪府 の団体");
        (await page.Locator("header").InnerTextAsync()).ShouldContain("豊中市");
        (await page.Locator("main .lead").InnerTextAsync()).ShouldMatch(@"令和(\d+|元)年度（\d{4}年度）");

        var rows = page.GetByRole(AriaRole.Table, new() { Name = "大阪府 の団体一覧" }).Locator("tbody tr");
        (await rows.CountAsync()).ShouldBe(44);
        (await page.Locator("main").InnerTextAsync()).ShouldNotContain("京都府");
        await Journeys.ShouldBeAccessibleAsync(page);

        // Half-width katakana finds the hiragana reading.
        await page.GetByLabel("名称・よみがな").FillAsync("ﾄﾖﾅｶ");
        await page.GetByRole(AriaRole.Button, new() { Name = "絞り込む" }).ClickAsync();
        (await rows.CountAsync()).ShouldBe(1);
        (await rows.First.InnerTextAsync()).ShouldContain("豊中市");

        await page.GetByRole(AriaRole.Link, new() { Name = "豊中市" }).ClickAsync();
        await page.WaitForURLAsync(Journeys.Path("/osaka/organizations/272035"));
        (await page.Locator("main").InnerTextAsync()).ShouldContain("中核市");
        await Journeys.ShouldBeAccessibleAsync(page);
    }

    [JourneyFact]
    public async Task Osaka_user_typing_a_kyoto_url_gets_a_refusal_page_not_kyoto_data()
    {
        var page = await app.NewPageAsync();
        await Journeys.SignInAsync(page, "大阪府", "toyonaka@osaka.example");
        await page.WaitForURLAsync(Journeys.Path("/osaka"));

        var response = await page.GotoAsync("/kyoto");
        response!.Status.ShouldBe(403);
        var text = await page.Locator("main").InnerTextAsync();
        text.ShouldContain("この都道府県のデータを見ることも変更することもできません");
        text.ShouldNotContain("笠置町");

        (await page.GotoAsync("/osaka/admin/users"))!.Url.ShouldContain("/error/403");
    }

    [JourneyFact]
    public async Task Keyboard_users_reach_the_skip_link_first_and_can_sign_in_without_a_mouse()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/osaka/login");
        await page.Keyboard.PressAsync("Tab");
        (await page.EvaluateAsync<string>("document.activeElement.textContent")).ShouldBe("本文へ移動");

        await page.GetByLabel("メールアドレス").FocusAsync();
        await page.Keyboard.TypeAsync("chihayaakasaka@osaka.example");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(Journeys.Password);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(Journeys.Path("/osaka"));
        (await page.Locator("header").InnerTextAsync()).ShouldContain("千早赤阪村");
    }
}
