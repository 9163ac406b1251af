using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace DxCollab.BrowserTests;

internal static class Journeys
{
    public const string Password = "Demo-2026!";

    /// <summary>Signs in the way a person does: choose the prefecture, then e-mail and password.</summary>
    public static async Task SignInAsync(IPage page, string prefectureName, string email, string password = Password)
    {
        await page.GotoAsync("/login");
        await page.GetByLabel("都道府県").SelectOptionAsync(new SelectOptionValue { Label = prefectureName });
        await page.GetByRole(AriaRole.Button, new() { Name = "次へ" }).ClickAsync();
        await page.GetByLabel("メールアドレス").FillAsync(email);
        await page.GetByLabel("パスワード").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "ログイン", Exact = true }).ClickAsync();
    }

    public static async Task SignOutAsync(IPage page) =>
        await page.GetByRole(AriaRole.Button, new() { Name = "ログアウト" }).ClickAsync();

    private static readonly ConditionalWeakTable<IPage, List<string>> PolicyViolations = new();

    /// <summary>Records what Chromium refused under our Content-Security-Policy (an inline script or style attribute
    /// that slipped into a page): such a page looks broken to its user, so every accessibility check also fails on it.</summary>
    public static IPage WatchContentSecurityPolicy(IPage page)
    {
        var violations = PolicyViolations.GetOrCreateValue(page);
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
                lock (violations) violations.Add($"{page.Url}: {message.Text}");
        };
        return page;
    }

    /// <summary>A status message (role=status) with <paramref name="text"/> is shown, waited for as a user would: reading
    /// the first status at once could read the page from before the form's answer arrived (another status on it,
    /// such as a count).</summary>
    public static Task ShouldAnnounceAsync(IPage page, string text) =>
        Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = text }).First).ToBeVisibleAsync();

    /// <summary>No serious or critical WCAG 2.x A/AA violation on the current page, and nothing refused by the CSP so far.</summary>
    public static async Task ShouldBeAccessibleAsync(IPage page)
    {
        if (PolicyViolations.TryGetValue(page, out var violations))
            lock (violations) violations.ShouldBeEmpty(string.Join("\n", violations));
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        });
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        serious.ShouldBeEmpty(string.Join("\n", serious.Select(v => $"{page.Url}: {v.Id} {v.Help} ({string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))})")));
    }

    public static Regex Path(string path) => new($"{Regex.Escape(path)}(\\?.*)?$");
}
