using Microsoft.Playwright;

namespace DxCollab.BrowserTests.TalentPool;

/// <summary>大阪府's staff see on the start page that a report is overdue, open the report board where 田中's report of
/// his visit to 千早赤阪村 comes first and says in words how many 開庁日 it is late, and follow it to the assignment.
/// Both pages pass axe. Reads only (its own demo app).</summary>
public sealed class ReportBoardJourneyTests(DemoBrowserFixture app) : IClassFixture<DemoBrowserFixture>
{
    [JourneyFact]
    public async Task Staff_find_the_overdue_visit_report_first_on_the_board_in_words_and_follow_it_to_the_assignment()
    {
        var page = await app.NewPageAsync();
        await Journeys.SignInAsync(page, "大阪府", "pref.admin@osaka.example");
        await page.WaitForURLAsync(Journeys.Path("/osaka"));

        await page.GotoAsync("/osaka/talent");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("期限切れ 1 件");
        await page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "支援報告", Exact = true }).ClickAsync();

        await page.WaitForURLAsync(Journeys.Path("/osaka/talent/reports"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("支援報告の状況");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2 }).First).ToHaveTextAsync("期限を過ぎた報告（1 件）");
        var first = page.Locator("section", new() { Has = page.Locator("#overdue-heading") }).Locator("tbody tr").First;
        await Assertions.Expect(first).ToContainTextAsync("田中 健一");
        await Assertions.Expect(first).ToContainTextAsync("千早赤阪村");
        await Assertions.Expect(first).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"\d+ 開庁日超過"));
        await Journeys.ShouldBeAccessibleAsync(page);

        await first.GetByRole(AriaRole.Link, new() { Name = "訪問後の報告" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/osaka/talent/assignments/\d+#report-\d+$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("割当: 田中 健一 さん");
        var report = page.Locator(new Uri(page.Url).Fragment);
        await Assertions.Expect(report).ToContainTextAsync("訪問後の報告");
        await Assertions.Expect(report).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"期限を \d+ 開庁日過ぎています。"));
        await Journeys.ShouldBeAccessibleAsync(page);
    }
}
