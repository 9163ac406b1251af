using DxCollab.MultiTenancy;
using DxCollab.Platform.Data;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Tenancy;
using DxCollab.Surveys.Domain;
using DxCollab.Surveys.Forms;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DxCollab.BrowserTests.Surveys;

/// <summary>分担 in the browser, the refusal: an internal deadline after the answer deadline is named beside the date and
/// the chosen colleague is kept; corrected, it is saved. The whole way (the colleague fills the section and marks it done,
/// the officer reviews and submits) is <see cref="CopiedRoundJourneyTests"/>.</summary>
public sealed class DelegationJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private const string Toyonaka = "272035";
    private const string Colleague = "toyonaka.johosei@osaka.example";

    [JourneyFact]
    public async Task An_internal_deadline_after_the_answer_deadline_is_refused_beside_the_date_then_the_delegation_is_saved()
    {
        var surveyId = await SeedAsync();
        var deadline = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(20);

        var page = await app.NewPageAsync();
        await Journeys.SignInAsync(page, "大阪府", "toyonaka@osaka.example");
        await page.WaitForURLAsync(Journeys.Path("/osaka"));
        await page.GotoAsync($"/osaka/surveys/{surveyId}/answer/{Toyonaka}/delegation");
        (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).ShouldBe("回答の分担");
        await Journeys.ShouldBeAccessibleAsync(page);

        await page.GetByLabel("「情報セキュリティ」の担当者").SelectOptionAsync(new SelectOptionValue { Label = $"豊中市 情報政策課（{Colleague}）" });
        // An internal deadline after the answer deadline: refused next to the date, with what was chosen kept.
        await page.GetByLabel("「情報セキュリティ」の庁内締切").FillAsync(deadline.AddDays(30).ToString("yyyy-MM-dd"));
        await page.GetByRole(AriaRole.Button, new() { Name = "分担を保存する" }).ClickAsync();
        await Assertions.Expect(page.Locator("#delegation-error")).ToContainTextAsync("回答期限");
        await Assertions.Expect(page.Locator("#deadline-1-error")).ToContainTextAsync("「情報セキュリティ」の庁内締切は、回答期限");
        (await page.GetByLabel("「情報セキュリティ」の担当者").InputValueAsync()).ShouldNotBeEmpty();
        await Journeys.ShouldBeAccessibleAsync(page);
        await page.GetByLabel("「情報セキュリティ」の庁内締切").FillAsync(deadline.ToString("yyyy-MM-dd"));
        await page.GetByLabel("「情報セキュリティ」の依頼メモ").FillAsync("訓練の実施状況をお願いします");
        await page.GetByRole(AriaRole.Button, new() { Name = "分担を保存する" }).ClickAsync();
        await Journeys.ShouldAnnounceAsync(page, "分担を保存しました");
        await Assertions.Expect(page.Locator("tr[data-section='security'] .delegation-state")).ToHaveTextAsync("依頼中");
        await Assertions.Expect(page.Locator("tr[data-section='system'] .delegation-state")).ToHaveTextAsync("分担なし");
        await Journeys.ShouldBeAccessibleAsync(page);
    }

    /// <summary>A colleague of another 課 and a published survey with two sections, written straight into osaka (the
    /// authoring pages belong to another slice).</summary>
    private async Task<long> SeedAsync()
    {
        var services = Services(app);
        var tenant = await services.GetRequiredService<IMultiTenantStore<PrefectureTenant>>().GetAsync("osaka");
        using var _ = services.GetRequiredService<TenantScope<PrefectureTenant>>().Begin(tenant, "test");
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByEmailAsync(Colleague) is null)
        {
            var user = new AppUser { UserName = Colleague, Email = Colleague, EmailConfirmed = true, DisplayName = "豊中市 情報政策課", OrganizationCode = Toyonaka };
            (await users.CreateAsync(user, Journeys.Password)).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(user, Roles.MunicipalOfficer)).Succeeded.ShouldBeTrue();
        }
        var db = scope.ServiceProvider.GetRequiredService<DxCollabDbContext>();
        var deadline = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);
        var survey = new Survey
        {
            Title = "情報化推進状況調査", State = SurveyState.Published, Deadline = deadline, FiscalYear = deadline.Month >= 4 ? deadline.Year : deadline.Year - 1,
            CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow, PublishedAt = DateTime.UtcNow,
            Form = new SurveyForm
            {
                Sections =
                [
                    new FormSection { Key = "system", Title = "推進体制", Questions = [new Question { Key = "staff", Type = QuestionType.Integer, Text = "DX担当職員数" }] },
                    new FormSection { Key = "security", Title = "情報セキュリティ", Questions = [new Question { Key = "drill", Type = QuestionType.YesNo, Text = "訓練の実施" }] },
                ],
            },
        };
        db.Add(survey);
        await db.SaveChangesAsync();
        db.Add(new SurveyResponse { SurveyId = survey.Id, RespondentCode = Toyonaka });
        await db.SaveChangesAsync();
        return survey.Id;
    }

    private static IServiceProvider Services(BrowserFixture fixture) => fixture.Services;
}
