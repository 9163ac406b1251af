using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace DxCollab.BrowserTests;

/// <summary>大阪府's administrator invites a municipal officer, who sets a password and signs in; the administrator
/// then deactivates the account and the audit log shows what happened.</summary>
public sealed partial class PrefectureAdminTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [JourneyFact]
    public async Task Invited_officer_sets_a_password_signs_in_and_is_locked_out_after_deactivation()
    {
        var admin = await app.NewPageAsync();
        await Journeys.SignInAsync(admin, "大阪府", "pref.admin@osaka.example");
        await admin.WaitForURLAsync(Journeys.Path("/osaka"));
        await admin.GetByRole(AriaRole.Link, new() { Name = "利用者管理" }).ClickAsync();
        await Journeys.ShouldBeAccessibleAsync(admin);

        await admin.GetByLabel("メールアドレス").FillAsync("new.officer@suita.example");
        await admin.GetByLabel("氏名・所属").FillAsync("吹田市 情報政策室 新任");
        await admin.GetByLabel("所属団体").SelectOptionAsync(new SelectOptionValue { Label = "吹田市（中核市）" });
        await admin.GetByLabel("役割").SelectOptionAsync(new SelectOptionValue { Label = "市区町村担当者" });
        await admin.GetByRole(AriaRole.Button, new() { Name = "招待メールを送る" }).ClickAsync();
        await Journeys.ShouldAnnounceAsync(admin, "new.officer@suita.example に招待メールを送りました");

        var link = await InvitationLinkAsync("new.officer@suita.example");
        var officer = await app.NewPageAsync();
        await officer.GotoAsync(link);
        await Journeys.ShouldBeAccessibleAsync(officer);
        await officer.GetByLabel("パスワード", new() { Exact = true }).FillAsync("Suita-Start-2026!");
        await officer.GetByLabel("パスワード（確認）").FillAsync("Suita-Start-2026!");
        await officer.GetByRole(AriaRole.Button, new() { Name = "設定する" }).ClickAsync();
        await officer.WaitForURLAsync(Journeys.Path("/osaka/login"));
        await officer.GetByLabel("メールアドレス").FillAsync("new.officer@suita.example");
        await officer.GetByLabel("パスワード").FillAsync("Suita-Start-2026!");
        await officer.GetByRole(AriaRole.Button, new() { Name = "ログイン", Exact = true }).ClickAsync();
        await officer.WaitForURLAsync(Journeys.Path("/osaka"));
        (await officer.Locator("header").InnerTextAsync()).ShouldContain("吹田市");

        await admin.ReloadAsync();
        var row = admin.GetByRole(AriaRole.Row).Filter(new() { HasText = "new.officer@suita.example" });
        await row.GetByRole(AriaRole.Button, new() { Name = "new.officer@suita.example を無効にする" }).ClickAsync();
        await Journeys.ShouldAnnounceAsync(admin, "無効にしました");

        var again = await app.NewPageAsync();
        await Journeys.SignInAsync(again, "大阪府", "new.officer@suita.example", "Suita-Start-2026!");
        (await again.GetByRole(AriaRole.Alert).InnerTextAsync()).ShouldContain("現在ログインできません");

        await admin.GetByRole(AriaRole.Link, new() { Name = "監査ログ" }).ClickAsync();
        var audit = await admin.Locator("main table").InnerTextAsync();
        audit.ShouldContain("AppUser");
        audit.ShouldContain("pref.admin@osaka.example");
        await Journeys.ShouldBeAccessibleAsync(admin);
    }

    private async Task<string> InvitationLinkAsync(string email)
    {
        for (var i = 0; i < 50; i++)
        {
            var file = Directory.Exists(app.MailFolder)
                ? Directory.GetFiles(app.MailFolder, "*.eml").Select(File.ReadAllText).FirstOrDefault(t => t.Contains($"To: {email}"))
                : null;
            if (file is not null) return LinkPattern().Match(file).Value;
            await Task.Delay(100);
        }
        throw new TimeoutException("No invitation e-mail was written.");
    }

    [GeneratedRegex(@"https?://\S+/invitation\?\S+")]
    private static partial Regex LinkPattern();
}
