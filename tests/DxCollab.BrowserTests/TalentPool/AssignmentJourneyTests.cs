using Microsoft.Playwright;

namespace DxCollab.BrowserTests.TalentPool;

/// <summary>大阪府's staff take 池田市's request that is being coordinated, compare the ranked experts with the reason for
/// every point, are refused a monthly figure out of range or beyond the expert's remaining hours (the typed figure stays), then assign with
/// the keyboard and see the request 割当済. Every page passes axe. Writes only 池田市's request (its own demo app).</summary>
public sealed class AssignmentJourneyTests(DemoBrowserFixture app) : IClassFixture<DemoBrowserFixture>
{
    private const string Title = "オープンデータの公開を進めたい", Expert = "鈴木 大輔";

    [JourneyFact]
    public async Task Staff_rank_the_experts_with_reasons_are_refused_wrong_or_too_many_hours_then_assign_and_the_request_is_割当済()
    {
        var page = await app.NewPageAsync();
        await Journeys.SignInAsync(page, "大阪府", "pref.admin@osaka.example");
        await page.WaitForURLAsync(Journeys.Path("/osaka"));

        await page.GotoAsync("/osaka/talent/requests");
        var row = page.Locator("#request-table tbody tr").Filter(new() { HasText = Title });
        await Assertions.Expect(row.Locator(".request-state")).ToHaveTextAsync("調整中");
        await Journeys.ShouldBeAccessibleAsync(page);
        await row.GetByRole(AriaRole.Link, new() { Name = Title }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(Title);
        await Journeys.ShouldBeAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "候補を見て割り当てる" }).ClickAsync();

        // The ranking: the one data expert first, every part of the score explained in words.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("候補者と割当");
        await Assertions.Expect(page.Locator("#request-state")).ToHaveTextAsync("調整中");
        var candidates = page.Locator("li.candidate");
        await Assertions.Expect(candidates.First.Locator(".candidate-name")).ToHaveTextAsync(Expert);
        var suzuki = candidates.First.Locator("table.reasons");
        await Assertions.Expect(suzuki).ToContainTextAsync("データ利活用（");
        await Assertions.Expect(suzuki.Locator("tr", new() { HasText = "残り時間" })).ToContainTextAsync("月 80 時間のうち");
        await Assertions.Expect(suzuki.Locator("tr", new() { HasText = "現在の負荷" })).ToContainTextAsync("稼働率");
        await Assertions.Expect(suzuki.Locator("tr", new() { HasText = "支援実績" })).ToContainTextAsync("この団体の支援実績はありません。");
        await Assertions.Expect(suzuki.Locator("tr", new() { HasText = "兼務" })).ToContainTextAsync("兼務している団体はありません");
        // 田中 supports 千早赤阪村 now: the 兼務 costs him points, and the page says why.
        var tanaka = candidates.Filter(new() { Has = page.Locator(".candidate-name", new() { HasText = "田中 健一" }) });
        await Assertions.Expect(tanaka.Locator("table.reasons tr", new() { HasText = "兼務" })).ToContainTextAsync("-3");
        await Assertions.Expect(tanaka.Locator("table.reasons tr", new() { HasText = "兼務" })).ToContainTextAsync("いま他の 1 団体を兼務しています。");
        await Journeys.ShouldBeAccessibleAsync(page);

        // A figure no month can hold, then one that is not a whole number: the range is named and the typed figure stays.
        var form = page.GetByRole(AriaRole.Group, new() { Name = $"{Expert} さんを割り当てる" });
        foreach (var wrong in new[] { "1000", "1.5" })
        {
            await form.GetByLabel("月あたりの時間").FillAsync(wrong);
            await form.GetByRole(AriaRole.Button, new() { Name = "割り当てる" }).ClickAsync();
            await Assertions.Expect(page.Locator("#error-summary")).ToHaveTextAsync("月あたりの時間を 1〜744 時間の整数で入力してください。");
            await Assertions.Expect(form.GetByLabel("月あたりの時間")).ToHaveValueAsync(wrong);
        }

        // More hours than 鈴木 has left in a month: refused in words, nothing booked, the typed figure kept.
        await form.GetByLabel("月あたりの時間").FillAsync("90");
        await form.GetByRole(AriaRole.Button, new() { Name = "割り当てる" }).ClickAsync();
        await Assertions.Expect(page.Locator("#error-summary")).ToContainTextAsync($"{Expert} さんの");
        await Assertions.Expect(page.Locator("#error-summary")).ToContainTextAsync("残りは 80 時間です");
        await Assertions.Expect(page.Locator("#error-summary")).ToContainTextAsync("月 90 時間は割り当てられません。");
        form = page.GetByRole(AriaRole.Group, new() { Name = $"{Expert} さんを割り当てる" });
        await Assertions.Expect(form.GetByLabel("月あたりの時間")).ToHaveValueAsync("90");
        await Assertions.Expect(form.GetByLabel("月あたりの時間")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator("#request-state")).ToHaveTextAsync("調整中");
        await Journeys.ShouldBeAccessibleAsync(page);

        // The error links to the field; the staff member corrects it and sends the form with Enter.
        await page.Locator("#error-summary").GetByRole(AriaRole.Link).ClickAsync();
        var hours = page.GetByRole(AriaRole.Group, new() { Name = $"{Expert} さんを割り当てる" }).GetByLabel("月あたりの時間");
        await hours.FillAsync("12");
        await hours.PressAsync("Enter");

        var notice = page.GetByRole(AriaRole.Status).Filter(new() { HasText = $"{Expert} さんを割り当てました" });
        await Assertions.Expect(notice).ToHaveCountAsync(1);
        await Assertions.Expect(notice).ToContainTextAsync("月 12 時間");
        await Assertions.Expect(page.Locator("#request-state")).ToHaveTextAsync("割当済");
        await Assertions.Expect(page.Locator("#assigned-table tbody tr", new() { HasText = Expert })).ToContainTextAsync("12 時間");
        await Journeys.ShouldBeAccessibleAsync(page);

        await page.GotoAsync("/osaka/talent/requests");
        await Assertions.Expect(page.Locator("#request-table tbody tr").Filter(new() { HasText = Title }).Locator(".request-state")).ToHaveTextAsync("割当済");
    }
}
