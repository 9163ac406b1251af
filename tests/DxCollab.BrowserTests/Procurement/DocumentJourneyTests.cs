using DxCollab.Procurement.Domain;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DxCollab.BrowserTests.Procurement;

/// <summary>豊中市 (the lead) uploads its specification as 機微, then 第2版 with a change note, and asks the members to
/// approve 第2版; 千早赤阪村 (a member) opens the document and records 承認 with a comment, and the page counts it. Every
/// page passes axe.</summary>
public sealed class DocumentJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private static readonly byte[] Pdf = [.. "%PDF-1.7\n"u8.ToArray(), .. Enumerable.Range(0, 400).Select(i => (byte)(i % 251))];

    /// <summary>Test-only until the Workspaces slice's pages and invitations are merged: the workspace and its two
    /// members written in the app's own scope.</summary>
    private async Task<long> ArrangeWorkspaceAsync()
    {
        var services = app.Services;
        var tenant = await services.GetRequiredService<MultiTenancy.IMultiTenantStore<Platform.Tenancy.PrefectureTenant>>().GetAsync("osaka");
        using var _ = services.GetRequiredService<MultiTenancy.TenantScope<Platform.Tenancy.PrefectureTenant>>().Begin(tenant, "test");
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Platform.Data.DxCollabDbContext>();
        var now = DateTime.UtcNow;
        var workspace = new Workspace
        {
            Subject = "ビジネスチャット", Title = "ビジネスチャット共同調達", LeadOrganizationCode = "272035", Phase = ProcurementPhase.Specification,
            CreatedAt = now, CreatedBy = "test", UpdatedAt = now,
        };
        db.Add(workspace);
        await db.SaveChangesAsync();
        foreach (var (code, name, role) in new[] { ("272035", "豊中市", MemberRole.Lead), ("273830", "千早赤阪村", MemberRole.Member) })
            db.Add(new WorkspaceMember
            {
                WorkspaceId = workspace.Id, OrganizationCode = code, OrganizationName = name, Role = role, State = MemberState.Active, InvitedAt = now,
                InvitedBy = "test", JoinedAt = now,
            });
        await db.SaveChangesAsync();
        return workspace.Id;
    }

    [JourneyFact]
    public async Task The_lead_uploads_a_second_revision_asks_for_approval_and_a_member_approves_it()
    {
        var id = await ArrangeWorkspaceAsync();
        var page = await app.NewPageAsync();
        await Journeys.SignInAsync(page, "大阪府", "toyonaka@osaka.example");
        await page.WaitForURLAsync(Journeys.Path("/osaka"));

        await page.GotoAsync($"/osaka/procurement/{id}/documents");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("文書");
        await Journeys.ShouldBeAccessibleAsync(page);
        await page.GetByLabel("文書名").FillAsync("ビジネスチャット仕様書");
        await page.GetByLabel("機微").CheckAsync();
        await page.GetByLabel("ファイル").SetInputFilesAsync(new FilePayload { Name = "仕様書.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await page.GetByRole(AriaRole.Button, new() { Name = "登録する" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("ビジネスチャット仕様書");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("機微");
        await page.GetByLabel("変更内容").FillAsync("セキュリティ要件を追記");
        await page.GetByLabel("ファイル").SetInputFilesAsync(new FilePayload { Name = "仕様書.pdf", MimeType = "application/pdf", Buffer = [.. Pdf, 1, 2, 3] });
        await page.GetByRole(AriaRole.Button, new() { Name = "登録する" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("第2版を登録しました。");
        await Assertions.Expect(page.Locator("table.procurement-revisions tbody tr").First).ToContainTextAsync("セキュリティ要件を追記");
        await page.GetByRole(AriaRole.Button, new() { Name = "第2版 の承認を依頼する" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("第2版の承認を依頼しました。");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("承認 0 / 差戻し 0 / 未回答 2");
        await Journeys.ShouldBeAccessibleAsync(page);
        await Journeys.SignOutAsync(page);

        await Journeys.SignInAsync(page, "大阪府", "chihayaakasaka@osaka.example");
        await page.WaitForURLAsync(Journeys.Path("/osaka"));
        await page.GotoAsync($"/osaka/procurement/{id}/documents");
        await page.GetByRole(AriaRole.Link, new() { Name = "ビジネスチャット仕様書" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("ビジネスチャット仕様書");
        await Journeys.ShouldBeAccessibleAsync(page);
        await page.GetByLabel("承認", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("コメント（差戻しのときは必須）").FillAsync("内容を確認しました");
        await page.GetByRole(AriaRole.Button, new() { Name = "回答を記録する" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("第2版に「承認」を記録しました。");
        var second = page.Locator("section", new() { Has = page.Locator("#r2-heading") });
        await Assertions.Expect(second).ToContainTextAsync("承認 1 / 差戻し 0 / 未回答 1");
        await Assertions.Expect(second).ToContainTextAsync("千早赤阪村: 承認「内容を確認しました」");
        await Assertions.Expect(second).ToContainTextAsync("未回答: 豊中市");
        await Journeys.ShouldBeAccessibleAsync(page);
    }
}
