using DxCollab.MultiTenancy;
using DxCollab.Platform.Data;
using DxCollab.Platform.Tenancy;
using DxCollab.Platform.Text;
using DxCollab.Surveys.Domain;
using DxCollab.Surveys.Forms;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DxCollab.BrowserTests.Surveys;

/// <summary>豊中市 answers a survey (a wrong number keeps its text and is named at the top), saves, submits; 大阪府
/// returns it with a comment; 豊中市 reads the comment, corrects and resubmits.</summary>
public sealed class AnsweringJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private const string Toyonaka = "272035";

    private async Task<long> CreateSurveyAsync()
    {
        var tenant = await app.Services.GetRequiredService<IMultiTenantStore<PrefectureTenant>>().GetAsync("osaka");
        using var _ = app.Services.GetRequiredService<TenantScope<PrefectureTenant>>().Begin(tenant, "test");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DxCollabDbContext>();
        var deadline = JapaneseCalendar.TodayInTokyo(DateTimeOffset.UtcNow).AddDays(20);
        var survey = new Survey
        {
            Title = "生成AIの利用状況調査", Purpose = "県内の利用状況を把握するため", LegalBasis = "地方自治法第245条の4", Contact = "DX推進課",
            Deadline = deadline, FiscalYear = JapaneseCalendar.FiscalYear(deadline), State = SurveyState.Published, CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow, PublishedAt = DateTime.UtcNow,
            Form = new SurveyForm
            {
                Sections =
                [
                    new FormSection
                    {
                        Key = "basic", Title = "基本情報",
                        Questions =
                        [
                            new Question { Key = "staff", Type = QuestionType.Integer, Text = "情報部門の職員数", Unit = "人", Required = true },
                            new Question { Key = "uses-ai", Type = QuestionType.YesNo, Text = "生成AIを利用していますか", Required = true },
                            new Question { Key = "ai-tool", Type = QuestionType.SingleChoice, Text = "主に利用しているツール", Required = true,
                                Options = [new("chat", "対話型AI"), new("ocr", "AI-OCR")], ShowIf = new("uses-ai", ["yes"]) },
                            new Question { Key = "memo", Type = QuestionType.LongText, Text = "課題" },
                        ],
                    },
                    new FormSection
                    {
                        Key = "systems", Title = "業務システム",
                        Questions =
                        [
                            new Question
                            {
                                Key = "cost", Type = QuestionType.Table, Text = "業務別の年間経費", Rows = [new("juki", "住民記録"), new("zei", "個人住民税")],
                                Columns = [new("cost", "経費", QuestionType.Integer, "千円"), new("from", "移行日", QuestionType.Date)],
                            },
                        ],
                    },
                ],
            },
        };
        db.Add(survey);
        await db.SaveChangesAsync();
        db.Add(new SurveyResponse { SurveyId = survey.Id, RespondentCode = Toyonaka });
        await db.SaveChangesAsync();
        return survey.Id;
    }

    [JourneyFact]
    public async Task Toyonaka_answers_saves_and_submits_the_prefecture_returns_it_and_toyonaka_resubmits()
    {
        var survey = await CreateSurveyAsync();
        var form = $"/osaka/surveys/{survey}/answer/{Toyonaka}";
        var page = await app.NewPageAsync();
        await Journeys.SignInAsync(page, "大阪府", "toyonaka@osaka.example");
        await page.WaitForURLAsync(Journeys.Path("/osaka"));
        await page.GotoAsync(form);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("生成AIの利用状況調査");
        await Assertions.Expect(page.Locator("#deadline")).ToContainTextAsync("令和");
        await Journeys.ShouldBeAccessibleAsync(page);

        // A number typed in words is saved as typed and named at the top; the text stays in the field.
        await page.GetByLabel("情報部門の職員数").FillAsync("十二人");
        await page.GetByLabel("課題").FillAsync("庁内での合意形成に時間がかかる");
        await page.GetByLabel("住民記録・経費").FillAsync("１，２００");
        await page.GetByRole(AriaRole.Button, new() { Name = "一時保存" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("一時保存しました");
        await Assertions.Expect(page.Locator("#error-summary")).ToContainTextAsync("情報部門の職員数");
        await Assertions.Expect(page.GetByLabel("情報部門の職員数")).ToHaveValueAsync("十二人");
        await Assertions.Expect(page.GetByLabel("課題")).ToHaveValueAsync("庁内での合意形成に時間がかかる");
        await Journeys.ShouldBeAccessibleAsync(page);
        await page.Locator("#error-summary a").First.ClickAsync();
        await Assertions.Expect(page.GetByLabel("情報部門の職員数")).ToBeFocusedAsync();

        // 提出 with a required answer missing: refused, named, nothing typed is lost.
        await page.GetByLabel("情報部門の職員数").FillAsync("12");
        await page.Locator("#q-uses-ai").CheckAsync(); // はい: the tool question appears
        await Assertions.Expect(page.GetByText("主に利用しているツール")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "提出" }).ClickAsync();
        await Assertions.Expect(page.Locator("#error-summary")).ToContainTextAsync("主に利用しているツール");
        await Assertions.Expect(page.GetByLabel("情報部門の職員数")).ToHaveValueAsync("12");
        await Journeys.ShouldBeAccessibleAsync(page);
        await page.GetByLabel("対話型AI").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "提出" }).ClickAsync();
        await page.WaitForURLAsync(Journeys.Path(form + "/view"));
        await Assertions.Expect(page.Locator("#response-state")).ToHaveTextAsync("提出済");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("1,200千円");
        await Journeys.ShouldBeAccessibleAsync(page);
        await Journeys.SignOutAsync(page);

        // 大阪府 returns it with a comment.
        await Journeys.SignInAsync(page, "大阪府", "pref.admin@osaka.example");
        await page.WaitForURLAsync(Journeys.Path("/osaka"));
        await page.GotoAsync(form + "/view");
        await Journeys.ShouldBeAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "差し戻す" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("コメント");
        await page.GetByLabel("差戻しの理由").FillAsync("職員数は4月1日時点の人数でお願いします。");
        await page.GetByRole(AriaRole.Button, new() { Name = "差し戻す" }).ClickAsync();
        await Assertions.Expect(page.Locator("#response-state")).ToHaveTextAsync("差戻し");
        await Journeys.SignOutAsync(page);

        // 豊中市 reads the comment, corrects and resubmits.
        await Journeys.SignInAsync(page, "大阪府", "toyonaka@osaka.example");
        await page.WaitForURLAsync(Journeys.Path("/osaka"));
        await page.GotoAsync(form);
        await Assertions.Expect(page.Locator("#return-comment")).ToContainTextAsync("4月1日時点");
        await Journeys.ShouldBeAccessibleAsync(page);
        await page.GetByLabel("情報部門の職員数").FillAsync("14");
        await page.GetByRole(AriaRole.Button, new() { Name = "提出" }).ClickAsync();
        await page.WaitForURLAsync(Journeys.Path(form + "/view"));
        await Assertions.Expect(page.Locator("#response-state")).ToHaveTextAsync("提出済");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("14人");
    }
    [JourneyFact]
    public async Task Text_typed_but_not_sent_comes_back_after_a_reload_and_conditional_questions_follow_the_answer()
    {
        var survey = await CreateSurveyAsync();
        var form = $"/osaka/surveys/{survey}/answer/{Toyonaka}";
        var page = await app.NewPageAsync();
        await Journeys.SignInAsync(page, "大阪府", "toyonaka@osaka.example");
        await page.WaitForURLAsync(Journeys.Path("/osaka"));
        await page.GotoAsync(form);
        await Assertions.Expect(page.GetByText("主に利用しているツール")).ToBeHiddenAsync();
        await page.Locator("#q-uses-ai").CheckAsync();
        await Assertions.Expect(page.GetByText("主に利用しているツール")).ToBeVisibleAsync();
        await page.GetByLabel("課題").FillAsync("まだ送っていない入力");
        await page.ReloadAsync(); // as after an expired session: nothing was sent
        await Assertions.Expect(page.GetByLabel("課題")).ToHaveValueAsync("まだ送っていない入力");
        await Assertions.Expect(page.Locator("#save-status")).ToContainTextAsync("復元しました");
        await page.GetByRole(AriaRole.Button, new() { Name = "一時保存" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("一時保存しました");
        await Assertions.Expect(page.GetByLabel("課題")).ToHaveValueAsync("まだ送っていない入力");
    }
    [JourneyFact]
    public async Task The_form_saves_itself_every_30_seconds_when_something_changed()
    {
        var survey = await CreateSurveyAsync();
        var form = $"/osaka/surveys/{survey}/answer/{Toyonaka}";
        var page = await app.NewPageAsync();
        await Journeys.SignInAsync(page, "大阪府", "toyonaka@osaka.example");
        await page.WaitForURLAsync(Journeys.Path("/osaka"));
        await page.Clock.InstallAsync();
        await page.GotoAsync(form);
        await page.GetByLabel("課題").FillAsync("自動保存される入力");
        await page.Clock.RunForAsync(31_000);
        await Assertions.Expect(page.Locator("#save-status")).ToContainTextAsync("自動保存しました");
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByLabel("課題")).ToHaveValueAsync("自動保存される入力");
        await Assertions.Expect(page.Locator("#save-status")).ToContainTextAsync("toyonaka@osaka.example");
    }
}
