using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DxCollab.BrowserTests.Procurement;

/// <summary>A member of another prefecture joins a cross-prefecture workspace: 鳥取市 (tottori) invites 倉敷市 (okayama) on its
/// remote members page; 倉敷市's officer finds the invitation in okayama, accepts it and sees the workspace answered by
/// tottori (its lead and members). Every page passes axe.</summary>
public sealed class CrossTenantJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private const string Password = "Cross-Tenant-2026!", Lead = "lead@tottori.example", Officer = "kurashiki@okayama.example";
    private const string Title = "住民記録システム共同調達（鳥取・岡山）";

    private async Task CreateUserAsync(string tenantId, string email, string code)
    {
        var tenant = await app.Services.GetRequiredService<MultiTenancy.IMultiTenantStore<Platform.Tenancy.PrefectureTenant>>().GetAsync(tenantId);
        using var _ = app.Services.GetRequiredService<MultiTenancy.TenantScope<Platform.Tenancy.PrefectureTenant>>().Begin(tenant, "test");
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Platform.Identity.AppUser>>();
        var user = new Platform.Identity.AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email, OrganizationCode = code };
        (await users.CreateAsync(user, Password)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(user, Platform.Identity.Roles.MunicipalOfficer)).Succeeded.ShouldBeTrue();
    }

    [JourneyFact]
    public async Task A_member_of_another_prefecture_accepts_the_invitation_in_its_own_tenant_and_sees_the_workspace()
    {
        await CreateUserAsync("tottori", Lead, "312011");
        await CreateUserAsync("okayama", Officer, "332020");
        // The workspace itself is opened through the API (its page belongs to the workspaces slice).
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var login = await (await http.PostAsJsonAsync("/api/v1/tottori/auth/login", new { email = Lead, password = Password })).Content.ReadFromJsonAsync<JsonElement>();
        http.DefaultRequestHeaders.Authorization = new("Bearer", login.GetProperty("accessToken").GetString());
        var created = await (await http.PostAsJsonAsync("/api/v1/tottori/procurements", new { subject = "標準準拠システム 住民記録", title = Title }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetInt64();

        var page = await app.NewPageAsync();
        await Journeys.SignInAsync(page, "鳥取県", Lead, Password);
        await page.WaitForURLAsync(Journeys.Path("/tottori"));
        await page.GotoAsync($"/tottori/procurement/{id}/remote-members");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("他の都道府県の参加団体");
        await Journeys.ShouldBeAccessibleAsync(page);
        await page.GetByLabel("団体コード（6桁の全国地方公共団体コード）").FillAsync("332020");
        await page.GetByRole(AriaRole.Button, new() { Name = "招待する" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("倉敷市を招待しました");
        await Assertions.Expect(page.Locator("table.data tbody tr", new() { HasText = "倉敷市" })).ToContainTextAsync("招待中");
        await Journeys.ShouldBeAccessibleAsync(page);
        await Journeys.SignOutAsync(page);

        await Journeys.SignInAsync(page, "岡山県", Officer, Password);
        await page.WaitForURLAsync(Journeys.Path("/okayama"));
        // The invitation travels between the tenants: look again until it is there.
        var row = page.Locator("table.crosstenant-list tbody tr", new() { HasText = Title });
        for (var tries = 0; tries < 60; tries++)
        {
            await page.GotoAsync("/okayama/procurement/shared");
            if (await row.CountAsync() > 0) break;
            await Task.Delay(500);
        }
        await Assertions.Expect(row).ToContainTextAsync("招待中");
        await Assertions.Expect(row).ToContainTextAsync("鳥取市（鳥取県）");
        await Journeys.ShouldBeAccessibleAsync(page);
        await row.GetByRole(AriaRole.Link, new() { Name = Title }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(Title);
        await Journeys.ShouldBeAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "参加する" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("参加しました");

        // The workspace as tottori answers it, once tottori has recorded the acceptance.
        var members = page.GetByRole(AriaRole.Heading, new() { Name = "参加団体", Level = 2 });
        for (var tries = 0; tries < 60 && await members.CountAsync() == 0; tries++)
        {
            await Task.Delay(500);
            await page.GotoAsync(page.Url.Split('?')[0]);
        }
        await Assertions.Expect(members).ToBeVisibleAsync();
        var table = page.GetByRole(AriaRole.Table, new() { Name = "参加団体と役割" });
        await Assertions.Expect(table.Locator("tr", new() { HasText = "鳥取市" })).ToContainTextAsync("代表団体");
        await Assertions.Expect(table.Locator("tr", new() { HasText = "倉敷市" })).ToContainTextAsync("参加中");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "この共同調達から離脱する" })).ToBeVisibleAsync();
        await Journeys.ShouldBeAccessibleAsync(page);
    }
}
