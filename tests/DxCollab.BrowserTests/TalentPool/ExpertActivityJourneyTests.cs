using CultureInfo = System.Globalization.CultureInfo;
using DxCollab.Platform.Calendar;
using DxCollab.Platform.Text;
using DxCollab.TalentPool.Activity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DxCollab.BrowserTests.TalentPool;

/// <summary>The expert 田中 opens his assignment at 千早赤阪村, logs today's visit (the hours roll up into the month and the
/// visit brings a report due 5 開庁日 later), is told to write the report before submitting an empty one, then submits it
/// and sees it 提出済み. Every page passes axe. Writes only to 田中's assignment (its own demo app).</summary>
public sealed class ExpertActivityJourneyTests(DemoBrowserFixture app) : IClassFixture<DemoBrowserFixture>
{
    private const string Summary = "村の担当者とベンダーの打合せに同席し、移行スケジュールの見直し案を確認。";

    [JourneyFact]
    public async Task Tanaka_logs_a_visit_the_hours_roll_up_and_he_submits_the_report_it_brings_after_an_empty_submit_is_refused()
    {
        var page = await app.NewPageAsync();
        await Journeys.SignInAsync(page, "大阪府", "expert.tanaka@osaka.example");
        await page.WaitForURLAsync(Journeys.Path("/osaka"));

        await page.GotoAsync("/osaka/talent");
        await page.GetByRole(AriaRole.Link, new() { Name = "自分の割当を見る" }).ClickAsync();
        await page.WaitForURLAsync(Journeys.Path("/osaka/talent/my"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("担当の支援");
        await Journeys.ShouldBeAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "標準化の移行計画を見てほしい（住民記録・税）" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("割当: 田中 健一 さん");
        await Journeys.ShouldBeAccessibleAsync(page);
        var today = JapaneseCalendar.TodayInTokyo(DateTimeOffset.UtcNow);
        var month = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = today.ToString("yyyy-MM", CultureInfo.InvariantCulture) }) });
        var usedBefore = Hours(await month.Locator("td").Nth(1).InnerTextAsync());

        await page.GetByLabel("活動した日").FillAsync(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("時間（15分単位、例: 1.5）").FillAsync("2");
        await page.GetByRole(AriaRole.Radio, new() { Name = "訪問" }).CheckAsync();
        await page.GetByLabel("行ったこと").FillAsync(Summary);
        await page.GetByRole(AriaRole.Button, new() { Name = "記録する" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "活動を記録しました。" })).ToHaveCountAsync(1);
        var logged = page.Locator("table", new() { Has = page.Locator("caption", new() { HasText = "記録した活動" }) }).Locator("tbody tr").First;
        await Assertions.Expect(logged).ToContainTextAsync(Summary);
        await Assertions.Expect(logged).ToContainTextAsync(JapaneseCalendar.FormatWithWestern(today));
        await Assertions.Expect(logged).ToContainTextAsync("訪問");
        await Assertions.Expect(month.Locator("td").Nth(1)).ToHaveTextAsync($"{(usedBefore + 2m).ToString("0.##", CultureInfo.InvariantCulture)} 時間");
        await Assertions.Expect(page.Locator("#use-heading + table + p")).ToContainTextAsync("訪問 2 日");
        await Journeys.ShouldBeAccessibleAsync(page);

        // The visit's report, due 5 開庁日 after today (the 祝日 and weekends skipped).
        var due = ReportDue.AfterVisit(app.Services.GetRequiredService<BusinessCalendar>(), today);
        var report = page.GetByRole(AriaRole.Article).Filter(new() { HasText = $"期限 {JapaneseCalendar.FormatWithWestern(due)}" });
        await Assertions.Expect(report.GetByRole(AriaRole.Heading)).ToHaveTextAsync($"訪問後の報告（期限 {JapaneseCalendar.FormatWithWestern(due)}）");
        await report.GetByRole(AriaRole.Button, new() { Name = "提出する" }).ClickAsync();

        report = page.GetByRole(AriaRole.Article).Filter(new() { HasText = $"期限 {JapaneseCalendar.FormatWithWestern(due)}" });
        await Assertions.Expect(report.GetByRole(AriaRole.Alert)).ToHaveTextAsync("提出する前に報告の内容を入力してください。");
        await Assertions.Expect(report.GetByLabel("報告の内容")).ToHaveAttributeAsync("aria-invalid", "true");
        await Journeys.ShouldBeAccessibleAsync(page);

        await report.GetByLabel("報告の内容").FillAsync("移行スケジュールを3か月後ろ倒しする案で村とベンダーが合意。次回はリスク一覧を確認する。");
        await report.GetByRole(AriaRole.Button, new() { Name = "提出する" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "報告を提出しました。" })).ToHaveCountAsync(1);
        report = page.GetByRole(AriaRole.Article).Filter(new() { HasText = $"期限 {JapaneseCalendar.FormatWithWestern(due)}" });
        await Assertions.Expect(report).ToContainTextAsync("提出済み");
        await Assertions.Expect(report).ToContainTextAsync("移行スケジュールを3か月後ろ倒しする案");
        await Assertions.Expect(report.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await Journeys.ShouldBeAccessibleAsync(page);
    }

    private static decimal Hours(string text) => decimal.Parse(text.Replace("時間", "").Trim(), CultureInfo.InvariantCulture);
}
