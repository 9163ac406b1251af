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

    /// <summary>No serious or critical WCAG 2.x A/AA violation on the current page.</summary>
    public static async Task ShouldBeAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        });
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        serious.ShouldBeEmpty(string.Join("\n", serious.Select(v => $"{page.Url}: {v.Id} {v.Help} ({string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))})")));
    }

    public static Regex Path(string path) => new($"{Regex.Escape(path)}(\\?.*)?$");
}
