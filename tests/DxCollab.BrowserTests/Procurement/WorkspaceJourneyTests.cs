using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DxCollab.BrowserTests.Procurement;

/// <summary>豊中市 opens a joint procurement with the form (対象, 名称, 説明), plans a milestone with its date and owner and
/// invites 千早赤阪村 as a member; the village's officer finds the invitation on its 共同調達 page, accepts it and then has
/// the workspace in its list; 吹田市, not invited, neither sees it listed nor opens it. Every page passes axe.</summary>
public sealed class WorkspaceJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private const string Title = "ビジネスチャット共同調達（ブラウザ作成）", Suita = "suita.journey@osaka.example";

    /// <summary>A 吹田市 officer (not a demo account), made as an administrator would.</summary>
    private async Task CreateSuitaOfficerAsync()
    {
        var tenant = await app.Services.GetRequiredService<MultiTenancy.IMultiTenantStore<Platform.Tenancy.PrefectureTenant>>().GetAsync("osaka");
        using var _ = app.Services.GetRequiredService<MultiTenancy.TenantScope<Platform.Tenancy.PrefectureTenant>>().Begin(tenant, "test");
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Platform.Identity.AppUser>>();
        var user = new Platform.Identity.AppUser { UserName = Suita, Email = Suita, EmailConfirmed = true, DisplayName = "吹田市 担当", OrganizationCode = "272051" };
        (await users.CreateAsync(user, Journeys.Password)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(user, Platform.Identity.Roles.MunicipalOfficer)).Succeeded.ShouldBeTrue();
    }

    [JourneyFact]
    public async Task The_lead_creates_a_workspace_plans_a_milestone_invites_a_member_who_accepts_and_a_body_not_invited_sees_nothing()
    {
        await CreateSuitaOfficerAsync();
        var page = await app.NewPageAsync();
        await Journeys.SignInAsync(page, "大阪府", "toyonaka@osaka.example");
        await page.WaitForURLAsync(Journeys.Path("/osaka"));
        await page.GetByRole(AriaRole.Link, new() { Name = "共同調達", Exact = true }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("共同調達");
        await Journeys.ShouldBeAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "共同調達を始める" }).ClickAsync();
        await Journeys.ShouldBeAccessibleAsync(page);
        await page.GetByLabel("調達の対象（必須）").FillAsync("ビジネスチャット");
        await page.GetByLabel("名称（必須）").FillAsync(Title);
        await page.GetByLabel("説明", new() { Exact = true }).FillAsync("府内の団体で一つの仕様書をまとめ、令和9年度から共同で利用する。");
        await page.GetByRole(AriaRole.Button, new() { Name = "作成する" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(Title);
        await Assertions.Expect(page.Locator("p.description")).ToHaveTextAsync("府内の団体で一つの仕様書をまとめ、令和9年度から共同で利用する。");
        await Assertions.Expect(page.Locator("dl.summary").First).ToContainTextAsync("代表団体");
        await Journeys.ShouldBeAccessibleAsync(page);
        var home = new Uri(page.Url).AbsolutePath;

        await page.GetByLabel("内容", new() { Exact = true }).FillAsync("仕様書案の確定");
        await page.GetByLabel("期日", new() { Exact = true }).FillAsync("2031-03-31");
        await page.GetByLabel("担当の団体").SelectOptionAsync(new SelectOptionValue { Label = "豊中市" });
        await page.GetByRole(AriaRole.Button, new() { Name = "加える" }).ClickAsync();
        var milestone = page.GetByRole(AriaRole.Row, new() { Name = "仕様書案の確定" });
        await Assertions.Expect(milestone).ToContainTextAsync("令和13年3月31日");
        await Assertions.Expect(milestone).ToContainTextAsync("豊中市");
        await Assertions.Expect(milestone).ToContainTextAsync("予定");
        await Journeys.ShouldBeAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "参加団体の管理・招待" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"参加団体: {Title}");
        await Journeys.ShouldBeAccessibleAsync(page);
        await page.GetByLabel("団体", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "千早赤阪村" });
        await page.GetByLabel("立場", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "参加団体" });
        await page.GetByRole(AriaRole.Button, new() { Name = "招待する" }).ClickAsync();
        var invited = page.Locator("#members tr", new() { HasText = "千早赤阪村" });
        await Assertions.Expect(invited).ToContainTextAsync("招待中");
        await Assertions.Expect(invited).ToContainTextAsync("参加団体");
        await Journeys.ShouldBeAccessibleAsync(page);
        await Journeys.SignOutAsync(page);

        await Journeys.SignInAsync(page, "大阪府", "chihayaakasaka@osaka.example");
        await page.WaitForURLAsync(Journeys.Path("/osaka"));
        await page.GotoAsync("/osaka/procurement");
        var invitations = page.GetByRole(AriaRole.Region, new() { Name = "招待中の共同調達" });
        await Assertions.Expect(invitations).ToContainTextAsync(Title);
        await Assertions.Expect(invitations).ToContainTextAsync("代表団体 豊中市 から参加団体として招待されています");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = Title })).ToHaveCountAsync(0); // not a member until it accepts
        await Journeys.ShouldBeAccessibleAsync(page);
        await invitations.GetByRole(AriaRole.Listitem).Filter(new() { HasText = Title }).GetByRole(AriaRole.Button, new() { Name = "参加する" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(Title);
        await Assertions.Expect(page.Locator("dl.summary").First).ToContainTextAsync("参加団体");
        await Journeys.ShouldBeAccessibleAsync(page);
        await page.GotoAsync("/osaka/procurement");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "招待中の共同調達" })).ToHaveCountAsync(0);
        var listed = page.GetByRole(AriaRole.Row, new() { Name = Title });
        await Assertions.Expect(listed).ToContainTextAsync("豊中市");
        await Assertions.Expect(listed).ToContainTextAsync("検討");
        await Journeys.ShouldBeAccessibleAsync(page);
        await Journeys.SignOutAsync(page);

        await Journeys.SignInAsync(page, "大阪府", Suita);
        await page.WaitForURLAsync(Journeys.Path("/osaka"));
        await page.GotoAsync("/osaka/procurement");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("共同調達");
        await Assertions.Expect(page.GetByText(Title)).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "招待中の共同調達" })).ToHaveCountAsync(0);
        await Journeys.ShouldBeAccessibleAsync(page);
        var opened = await page.GotoAsync(home);
        opened!.Status.ShouldBe(404);
        await Assertions.Expect(page.GetByText(Title)).ToHaveCountAsync(0);
    }
}
