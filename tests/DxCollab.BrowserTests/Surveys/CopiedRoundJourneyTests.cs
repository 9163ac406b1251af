using System.Text.RegularExpressions;
using DxCollab.MultiTenancy;
using DxCollab.Platform.Calendar;
using DxCollab.Platform.Data;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Tenancy;
using DxCollab.Platform.Text;
using DxCollab.Standardization.Tracking;
using DxCollab.Surveys.Authoring;
using DxCollab.Surveys.Domain;
using DxCollab.Surveys.Forms;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DxCollab.BrowserTests.Surveys;

/// <summary>A new round answered with prefill and 分担, all through the pages: 大阪府's staff copy last year's survey and
/// publish it; 豊中市's officer finds last year's answers and the 標準化 完了率 already filled in, each marked, confirms
/// them with one click and gives the 情報セキュリティ section to a colleague of another 課 with an internal deadline; the
/// colleague (signed in as themself) fills that section and marks it done; the officer reviews and submits. Every page
/// passes axe. (<see cref="DelegationJourneyTests"/> covers the refused internal deadline.)</summary>
public sealed class CopiedRoundJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private const string Toyonaka = "272035";
    private const string Colleague = "toyonaka.kikikanri@osaka.example";
    private const string Title = "情報化推進状況調査";

    [JourneyFact]
    public async Task Staff_copy_last_round_the_officer_confirms_the_prefill_a_colleague_fills_a_section_and_the_officer_submits()
    {
        var lastRound = await SeedAsync();
        var calendar = new BusinessCalendar(Options.Create(new CalendarOptions()));
        var today = JapaneseCalendar.TodayInTokyo(DateTimeOffset.UtcNow);
        var deadline = calendar.MoveDeadline(today.AddDays(21), DeadlineShift.Later);

        // Staff: copy last round with a new deadline and publish it.
        var staff = await app.NewPageAsync();
        await Journeys.SignInAsync(staff, "大阪府", "pref.admin@osaka.example");
        await staff.WaitForURLAsync(Journeys.Path("/osaka"));
        await staff.GotoAsync($"/osaka/surveys/{lastRound}");
        await staff.GetByRole(AriaRole.Link, new() { Name = "複写して新しい回を作る" }).ClickAsync();
        await staff.WaitForURLAsync(Journeys.Path($"/osaka/surveys/{lastRound}/copy"));
        await Expect(staff.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("複写して新しい回を作る");
        await Journeys.ShouldBeAccessibleAsync(staff);
        await staff.GetByLabel("件名").FillAsync($"{Title}（今年度）");
        await staff.GetByLabel("新しい回答期限（必須）").FillAsync(deadline.ToString("yyyy-MM-dd"));
        await staff.GetByRole(AriaRole.Button, new() { Name = "複写する" }).ClickAsync();
        await staff.WaitForURLAsync(new Regex(@"/osaka/surveys/\d+$"));
        var surveyPath = Regex.Match(staff.Url, @"/osaka/surveys/\d+").Value;
        surveyPath.ShouldNotBe($"/osaka/surveys/{lastRound}");
        await Expect(staff.GetByRole(AriaRole.Link, new() { Name = "複写元の照会" })).ToHaveAttributeAsync("href", $"/osaka/surveys/{lastRound}");
        await Journeys.ShouldBeAccessibleAsync(staff);
        await staff.GetByRole(AriaRole.Button, new() { Name = "公開する（回答先に通知）" }).ClickAsync();
        await Expect(staff.Locator("#survey-state")).ToHaveTextAsync("回答受付中");
        await Expect(staff.Locator("#survey-progress")).ToContainTextAsync("0 / 1");
        await Journeys.ShouldBeAccessibleAsync(staff);

        // The officer: last year's answers and the 完了率 are there, each marked, and confirmed with one click.
        var officer = await app.NewPageAsync();
        await Journeys.SignInAsync(officer, "大阪府", "toyonaka@osaka.example");
        await officer.WaitForURLAsync(Journeys.Path("/osaka"));
        var answerPath = $"{surveyPath}/answer/{Toyonaka}";
        await officer.GotoAsync(answerPath);
        await Expect(officer.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"{Title}（今年度）");
        await Expect(officer.Locator("#q-staff")).ToHaveValueAsync("4");
        await Expect(officer.Locator("#question-staff .prefill-badge")).ToHaveTextAsync("前回の回答から");
        await Expect(officer.Locator("#question-drill").GetByLabel("いいえ")).ToBeCheckedAsync();
        await Expect(officer.Locator("#question-drill .prefill-badge")).ToHaveTextAsync("前回の回答から");
        // 5.3%: 住民記録 done (40 steps) of the 19 業務 still on, as 標準化 shows it; last year's answer had none.
        await Expect(officer.Locator("#q-rate")).ToHaveValueAsync("5.3");
        await Expect(officer.Locator("#question-rate .prefill-badge")).ToHaveTextAsync("登録済みのデータ「標準化の完了率（標準化の進捗より）」から");
        await Expect(officer.Locator("#question-plan .prefill-badge")).ToHaveCountAsync(0);
        await Expect(officer.Locator("#answer-form")).ToContainTextAsync("前回の回答などから入力された値が 3 件あります");
        await Journeys.ShouldBeAccessibleAsync(officer);
        await officer.GetByRole(AriaRole.Button, new() { Name = "すべて確認" }).ClickAsync();
        await Expect(officer.GetByRole(AriaRole.Status).First).ToContainTextAsync("値を確認しました。");
        await Expect(officer.Locator(".prefill-note").Filter(new() { HasText = "（確認済み）" })).ToHaveCountAsync(3);
        await Expect(officer.GetByRole(AriaRole.Button, new() { Name = "すべて確認" })).ToHaveCountAsync(0);
        await Expect(officer.Locator("#q-staff")).ToHaveValueAsync("4");
        await Journeys.ShouldBeAccessibleAsync(officer);

        // 分担: the 情報セキュリティ section to the colleague of 危機管理課, with an internal deadline.
        await officer.GetByRole(AriaRole.Link, new() { Name = "セクションを他の課に分担する" }).ClickAsync();
        await officer.WaitForURLAsync(Journeys.Path($"{answerPath}/delegation"));
        await officer.GetByLabel("「情報セキュリティ」の担当者").SelectOptionAsync(new SelectOptionValue { Label = $"豊中市 危機管理課（{Colleague}）" });
        await officer.GetByLabel("「情報セキュリティ」の庁内締切").FillAsync(calendar.MoveDeadline(today.AddDays(10), DeadlineShift.Later).ToString("yyyy-MM-dd"));
        await officer.GetByLabel("「情報セキュリティ」の依頼メモ").FillAsync("今年度の訓練の内容をお願いします");
        await officer.GetByRole(AriaRole.Button, new() { Name = "分担を保存する" }).ClickAsync();
        await Expect(officer.GetByRole(AriaRole.Status).First).ToContainTextAsync("分担を保存しました");
        await Expect(officer.Locator("tr[data-section='security'] .delegation-state")).ToHaveTextAsync("依頼中");
        await Journeys.ShouldBeAccessibleAsync(officer);

        // The colleague, signed in as themself, fills the section and marks it done.
        var colleague = await app.NewPageAsync();
        await Journeys.SignInAsync(colleague, "大阪府", Colleague);
        await colleague.WaitForURLAsync(Journeys.Path("/osaka"));
        await colleague.GotoAsync("/osaka/surveys/assignments");
        var row = colleague.Locator("#assignment-table tr").Filter(new() { HasText = "今年度の訓練の内容をお願いします" });
        await Expect(row).ToContainTextAsync("情報セキュリティ");
        await Journeys.ShouldBeAccessibleAsync(colleague);
        await row.GetByRole(AriaRole.Link, new() { Name = "情報セキュリティ" }).ClickAsync();
        await colleague.WaitForURLAsync(new Regex(Regex.Escape(answerPath) + "#section-security$"));
        await colleague.Locator("#question-drill").GetByLabel("はい").CheckAsync();
        await colleague.Locator("#q-drill-detail").FillAsync("11月に標的型メール訓練を全職員で実施");
        await colleague.GetByRole(AriaRole.Button, new() { Name = "一時保存" }).ClickAsync();
        await Expect(colleague.GetByRole(AriaRole.Status).First).ToContainTextAsync("一時保存しました");
        await Expect(colleague.Locator("#q-drill-detail")).ToHaveValueAsync("11月に標的型メール訓練を全職員で実施");
        await Journeys.ShouldBeAccessibleAsync(colleague);
        await colleague.GotoAsync("/osaka/surveys/assignments");
        await colleague.GetByRole(AriaRole.Button, new() { Name = "「情報セキュリティ」を完了にする" }).ClickAsync();
        await Expect(colleague.GetByRole(AriaRole.Status).First).ToContainTextAsync("完了にしました");

        // The officer sees the section done, reviews the colleague's answer and submits the whole.
        await officer.ReloadAsync();
        await Expect(officer.Locator("tr[data-section='security'] .delegation-state")).ToContainTextAsync("完了");
        await officer.GotoAsync(answerPath);
        await Expect(officer.Locator("#save-status")).ToContainTextAsync(Colleague);
        await Expect(officer.Locator("#question-drill").GetByLabel("はい")).ToBeCheckedAsync();
        await Expect(officer.Locator("#q-drill-detail")).ToHaveValueAsync("11月に標的型メール訓練を全職員で実施");
        await Expect(officer.Locator("#q-staff")).ToHaveValueAsync("4");
        await Journeys.ShouldBeAccessibleAsync(officer);
        await officer.GetByRole(AriaRole.Button, new() { Name = "提出", Exact = true }).ClickAsync();
        await officer.WaitForURLAsync(Journeys.Path($"{answerPath}/view"));
        await Expect(officer.GetByRole(AriaRole.Status).First).ToContainTextAsync("回答を提出しました。");
        await Expect(officer.Locator("#response-state")).ToHaveTextAsync("提出済");
        await Expect(officer.Locator("main")).ToContainTextAsync("11月に標的型メール訓練を全職員で実施");
        await Journeys.ShouldBeAccessibleAsync(officer);

        // The staff's board counts it.
        await staff.ReloadAsync();
        await Expect(staff.Locator("#survey-progress")).ToContainTextAsync("1 / 1");
    }

    /// <summary>What the journey starts from and no page of it creates: the colleague's account, 豊中市's 標準化
    /// progress (through 標準化's own services) and last year's closed round with 豊中市's submitted answer.</summary>
    private async Task<long> SeedAsync()
    {
        var services = app.Services;
        var tenant = await services.GetRequiredService<IMultiTenantStore<PrefectureTenant>>().GetAsync("osaka");
        using var _ = services.GetRequiredService<TenantScope<PrefectureTenant>>().Begin(tenant, "test");
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = Colleague, Email = Colleague, EmailConfirmed = true, DisplayName = "豊中市 危機管理課", OrganizationCode = Toyonaka };
        (await users.CreateAsync(user, Journeys.Password)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(user, Roles.MunicipalOfficer)).Succeeded.ShouldBeTrue();

        // 住民記録 (業務 3) fully done, 40 steps; one 業務 switched off: 40 / (40 × 19) = 5.3%.
        (await sp.GetRequiredService<StepTracker>().UpdateAsync(Toyonaka, [3], [.. Enumerable.Range(1, 40)],
            new StepUpdate(DxCollab.Standardization.StepStatus.Completed), "test", "screen")).Succeeded.ShouldBeTrue();
        (await sp.GetRequiredService<SystemFacts>().SetEnabledAsync(Toyonaka, 20, false, "test")).ShouldNotBeNull();

        var db = sp.GetRequiredService<DxCollabDbContext>();
        var lastYear = JapaneseCalendar.TodayInTokyo(DateTimeOffset.UtcNow).AddYears(-1);
        var survey = new Survey
        {
            Title = Title, Purpose = "県内市町村の情報化の状況を把握するため", LegalBasis = "地方自治法第245条の4", Contact = "大阪府 DX推進課 06-0000-0000",
            State = SurveyState.Closed, Deadline = lastYear, FiscalYear = JapaneseCalendar.FiscalYear(lastYear),
            RosterRuleJson = new RosterRule(RosterMode.Picked, Codes: [Toyonaka]).ToJson(),
            CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow, PublishedAt = DateTime.UtcNow, ClosedAt = DateTime.UtcNow,
            Form = new SurveyForm
            {
                Sections =
                [
                    new FormSection
                    {
                        Key = "system", Title = "推進体制",
                        Questions =
                        [
                            new Question { Key = "staff", Type = QuestionType.Integer, Text = "DX担当職員数", Unit = "人", Required = true },
                            new Question { Key = "rate", Type = QuestionType.Decimal, Text = "標準化の完了率", Unit = "%", PrefillSource = "standardization.completion-rate" },
                            new Question { Key = "plan", Type = QuestionType.ShortText, Text = "DX推進計画の名称" },
                        ],
                    },
                    new FormSection
                    {
                        Key = "security", Title = "情報セキュリティ",
                        Questions =
                        [
                            new Question { Key = "drill", Type = QuestionType.YesNo, Text = "今年度、情報セキュリティ訓練を実施しましたか", Required = true },
                            new Question { Key = "drill-detail", Type = QuestionType.LongText, Text = "訓練の内容" },
                        ],
                    },
                ],
            },
        };
        db.Add(survey);
        await db.SaveChangesAsync();
        var answers = new AnswerSet();
        answers.Answers["staff"] = new Answer { Value = "4" };
        answers.Answers["drill"] = new Answer { Value = "no" };
        db.Add(new SurveyResponse
        {
            SurveyId = survey.Id, RespondentCode = Toyonaka, State = ResponseState.Submitted, AnswersJson = answers.ToJson(),
            SubmittedAt = DateTime.UtcNow, SubmittedBy = "toyonaka@osaka.example", LastActivityAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
        return survey.Id;
    }
}
