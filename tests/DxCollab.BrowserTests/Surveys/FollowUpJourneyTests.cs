using DxCollab.MultiTenancy;
using DxCollab.Platform.Data;
using DxCollab.Platform.Jobs;
using DxCollab.Platform.Tenancy;
using DxCollab.Surveys.Domain;
using DxCollab.Surveys.Forms;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MimeKit;

namespace DxCollab.BrowserTests.Surveys;

/// <summary>Following up a survey as the prefecture's staff do: open the status board, show only the 団体 that have not
/// submitted, remind them with one click (no JavaScript needed), read the results with their charts and download the
/// xlsx; then who received the reminder, as they would find it: the laggard's officer by e-mail and in the inbox, the
/// submitted 団体's officer in neither. Every page passes axe.</summary>
public sealed class FollowUpJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private const string Toyonaka = "272035", Chihayaakasaka = "273830";

    /// <summary>A published survey half answered: 豊中市 drafting, 千早赤阪村 submitted. Written straight to the tables
    /// (authoring and answering are other slices), through the fixture's host.</summary>
    private async Task<long> SurveyAsync()
    {
        var services = app.Services;
        var tenant = await services.GetRequiredService<IMultiTenantStore<PrefectureTenant>>().GetAsync("osaka");
        using var _ = services.GetRequiredService<TenantScope<PrefectureTenant>>().Begin(tenant, "test");
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DxCollabDbContext>();
        var survey = new Survey
        {
            Title = "生成AIの利用状況調査", State = SurveyState.Published, Deadline = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(21),
            FiscalYear = 2026, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow, PublishedAt = DateTime.UtcNow,
            Form = new SurveyForm
            {
                Sections =
                [
                    new FormSection
                    {
                        Key = "s1", Title = "利用状況",
                        Questions =
                        [
                            new Question { Key = "uses", Type = QuestionType.YesNo, Text = "生成AIを利用していますか" },
                            new Question { Key = "staff", Type = QuestionType.Integer, Text = "情報部門の職員数", Unit = "人" },
                        ],
                    },
                ],
            },
        };
        db.Add(survey);
        await db.SaveChangesAsync();
        var answers = new AnswerSet();
        answers.Answers["uses"] = new Answer { Value = "yes" };
        answers.Answers["staff"] = new Answer { Value = "2" };
        db.Add(new SurveyResponse { SurveyId = survey.Id, RespondentCode = Toyonaka, State = ResponseState.Drafting, LastActivityAt = DateTime.UtcNow, LastSavedBy = "豊中 太郎" });
        db.Add(new SurveyResponse
        {
            SurveyId = survey.Id, RespondentCode = Chihayaakasaka, State = ResponseState.Submitted, AnswersJson = answers.ToJson(),
            SubmittedAt = DateTime.UtcNow, SubmittedBy = "千早 花子", LastActivityAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
        return survey.Id;
    }

    private const string ReminderTitle = "照会「生成AIの利用状況調査」の回答をお願いします";

    /// <summary>The reminder e-mails written to the pickup folder, as (recipient, subject), once the minute job has sent them.</summary>
    private async Task<List<(string To, string Subject)>> ReminderMailsAsync()
    {
        // The job the host runs every minute; calling it here does not wait for the next minute.
        await app.Services.GetRequiredService<EmailDeliveryJob>().SendImmediateAsync("osaka", CancellationToken.None);
        List<(string To, string Subject)> mails = [];
        for (var i = 0; i < 100 && mails.Count == 0; i++)
        {
            if (i > 0) await Task.Delay(200);
            mails = Directory.Exists(app.MailFolder)
                ? Directory.GetFiles(app.MailFolder, "*.eml").Select(f => MimeMessage.Load(f))
                    .Where(m => m.Subject?.Contains(ReminderTitle, StringComparison.Ordinal) == true)
                    .SelectMany(m => m.To.Mailboxes.Select(to => (to.Address, m.Subject!))).ToList()
                : [];
        }
        return mails;
    }

    [JourneyFact]
    public async Task Staff_filter_未提出_remind_them_only_the_laggard_s_officer_receives_it_then_results_and_xlsx()
    {
        var id = await SurveyAsync();
        var page = await app.NewPageAsync();
        await Journeys.SignInAsync(page, "大阪府", "pref.admin@osaka.example");
        await page.WaitForURLAsync(Journeys.Path("/osaka"));

        await page.GotoAsync($"/osaka/surveys/{id}/status");
        (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).ShouldBe("回答状況: 生成AIの利用状況調査");
        (await page.Locator("#status-table tbody tr").CountAsync()).ShouldBe(2);
        await Journeys.ShouldBeAccessibleAsync(page);

        await page.GetByLabel("状況", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "未提出（提出済以外）" });
        await page.GetByRole(AriaRole.Button, new() { Name = "絞り込む" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("state=not-submitted"));
        var rows = page.Locator("#status-table tbody tr");
        (await rows.CountAsync()).ShouldBe(1);
        (await rows.First.GetAttributeAsync("data-code")).ShouldBe(Toyonaka);
        (await rows.First.Locator("td.status").InnerTextAsync()).ShouldBe("回答中");

        await page.GetByRole(AriaRole.Button, new() { Name = "未提出の団体に今すぐ督促" }).ClickAsync();
        await Journeys.ShouldAnnounceAsync(page, "未提出の 1 団体（1 人）に督促を送りました。");
        await Journeys.ShouldBeAccessibleAsync(page);
        // One e-mail, to 豊中市's officer; none to 千早赤阪村's, who has submitted.
        var mails = await ReminderMailsAsync();
        mails.Select(m => m.To).ShouldBe(["toyonaka@osaka.example"]);
        mails[0].Subject.ShouldContain($"{ReminderTitle}（豊中市）");

        await page.GetByRole(AriaRole.Link, new() { Name = "集計結果" }).ClickAsync();
        await page.WaitForURLAsync(Journeys.Path($"/osaka/surveys/{id}/results"));
        await page.Locator("#chart-uses-caption").WaitForAsync();
        (await page.Locator("section[data-key='uses'] figure svg").IsVisibleAsync()).ShouldBeTrue();
        (await page.Locator("section[data-key='staff'] .stats").InnerTextAsync()).ShouldContain("2人");
        await Journeys.ShouldBeAccessibleAsync(page);

        await page.GotoAsync($"/osaka/surveys/{id}/status");
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#export-xlsx").ClickAsync());
        download.SuggestedFilename.ShouldBe("生成AIの利用状況調査_回答一覧.xlsx");
        var path = await download.PathAsync();
        using var stream = File.OpenRead(path);
        var read = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        read.Select(r => r["団体コード"]).ShouldBe([Toyonaka, Chihayaakasaka]);
        await Journeys.SignOutAsync(page);

        // 豊中市's officer finds the reminder in the inbox, with the link to the answer.
        await Journeys.SignInAsync(page, "大阪府", "toyonaka@osaka.example");
        await page.WaitForURLAsync(Journeys.Path("/osaka"));
        await page.GotoAsync("/osaka/notifications");
        var notice = page.Locator("ul.notifications > li").Filter(new() { HasText = ReminderTitle });
        await Assertions.Expect(notice).ToHaveCountAsync(1);
        await Assertions.Expect(notice.Locator(".body")).ToContainTextAsync("都道府県の担当者からの督促です。");
        (await notice.GetByRole(AriaRole.Link, new() { Name = $"{ReminderTitle}（豊中市）" }).GetAttributeAsync("href"))
            .ShouldBe($"/osaka/surveys/{id}/answer/{Toyonaka}");
        await Journeys.ShouldBeAccessibleAsync(page);
        await Journeys.SignOutAsync(page);

        // 千早赤阪村's officer, whose answer was submitted, has no reminder.
        await Journeys.SignInAsync(page, "大阪府", "chihayaakasaka@osaka.example");
        await page.WaitForURLAsync(Journeys.Path("/osaka"));
        await page.GotoAsync("/osaka/notifications");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("お知らせ");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("回答をお願いします");
    }
}
