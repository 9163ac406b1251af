using DxCollab.Platform.Notifications;
using Microsoft.Playwright;

namespace DxCollab.BrowserTests;

/// <summary>千早赤阪村 finds its notices from the header badge, marks them read and chooses the daily digest.</summary>
public sealed class NotificationsTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [JourneyFact]
    public async Task The_header_badge_leads_to_the_inbox_where_notices_are_marked_read_and_the_digest_is_chosen()
    {
        const string email = "chihayaakasaka@osaka.example";
        const string link = "/osaka/organizations/273830";
        await app.NotifyAsync("osaka", email, new NotificationMessage(NotificationCategories.NewItem, "新しい照会が届きました",
            "照会「標準化の進捗状況調査」が届きました。\n期限: 令和8年12月4日（2026-12-04）", link));
        await app.NotifyAsync("osaka", email, new NotificationMessage(NotificationCategories.Deadline, "回答期限が近づいています",
            "期限: 令和8年12月4日（2026-12-04）", link));

        var page = await app.NewPageAsync();
        await Journeys.SignInAsync(page, "大阪府", email);
        await page.WaitForURLAsync(Journeys.Path("/osaka"));
        // Web-first assertions wait (up to the context's timeout) for the header of the page that has loaded, instead
        // of reading whatever header is there at that instant.
        var badge = page.Locator("header").GetByRole(AriaRole.Link, new() { Name = "お知らせ 2件未読" });
        await Assertions.Expect(badge).ToHaveCountAsync(1);
        await badge.ClickAsync();

        // The address and the heading, not the page's load event: under a loaded CI machine "load" once took more than
        // the timeout although the inbox was already there.
        await Assertions.Expect(page).ToHaveURLAsync(Journeys.Path("/osaka/notifications"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("お知らせ");
        var items = page.Locator("ul.notifications > li");
        await Assertions.Expect(items).ToHaveCountAsync(2);
        (await items.First.InnerTextAsync()).ShouldContain("回答期限が近づいています"); // newest first
        (await items.First.InnerTextAsync()).ShouldContain("未読");
        (await page.GetByRole(AriaRole.Link, new() { Name = "回答期限が近づいています" }).GetAttributeAsync("href")).ShouldBe("/osaka/organizations/273830");
        await Journeys.ShouldBeAccessibleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "「回答期限が近づいています」を既読にする" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("既読にしました");
        await Assertions.Expect(page.Locator("header")).ToContainTextAsync("1件未読");

        await page.GetByRole(AriaRole.Button, new() { Name = "すべて既読にする" }).ClickAsync();
        await Assertions.Expect(page.Locator("header")).ToContainTextAsync("未読なし");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("未読 0 件");

        await page.GetByLabel("1 日 1 回まとめて送る（平日 8 時 30 分）").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("まとめて届くようになりました");
        (await page.GetByLabel("1 日 1 回まとめて送る（平日 8 時 30 分）").IsCheckedAsync()).ShouldBeTrue();
        await Journeys.ShouldBeAccessibleAsync(page);
    }
}
