using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DxCollab.BrowserTests.Surveys;

/// <summary>全国照会 in the browser: a national viewer issues a survey, osaka's staff relay it with a question of their
/// own, 豊中市 answers on the answering screen, and the national page shows osaka's figures for the national questions
/// only; then osaka closes, reopens for a correction, returns the answer, 豊中市 resubmits and osaka closes again: the
/// national page lists the changed figure and shows 確報. Every page passes axe.</summary>
public sealed class NationalJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [JourneyFact]
    public async Task National_viewer_issues_osaka_relays_and_the_national_page_shows_only_national_figures_then_a_correction_after_reopening()
    {
        var ops = await app.NewPageAsync();
        await ops.GotoAsync("/ops/login");
        await ops.GetByLabel("メールアドレス").FillAsync("national@dxcollab.example");
        await ops.GetByLabel("パスワード").FillAsync(Journeys.Password);
        await ops.GetByRole(AriaRole.Button, new() { Name = "ログイン", Exact = true }).ClickAsync();
        await ops.WaitForURLAsync(Journeys.Path("/ops"));
        await ops.GetByRole(AriaRole.Navigation, new() { Name = "メインメニュー" }).GetByRole(AriaRole.Link, new() { Name = "全国照会" }).ClickAsync();
        await ops.WaitForURLAsync(Journeys.Path("/ops/surveys"));
        await Journeys.ShouldBeAccessibleAsync(ops);

        // A refused form says why, next to the field, and keeps what was typed.
        await ops.GetByLabel("件名", new() { Exact = true }).FillAsync("令和8年度 自治体DX・情報化推進概要");
        await ops.GetByRole(AriaRole.Button, new() { Name = "47 都道府県へ発出する" }).ClickAsync();
        await Expect(ops.Locator("#issue-error")).ToContainTextAsync("調査基準日");
        await Expect(ops.GetByLabel("件名", new() { Exact = true })).ToHaveValueAsync("令和8年度 自治体DX・情報化推進概要");
        await Journeys.ShouldBeAccessibleAsync(ops);

        await ops.GetByLabel("調査基準日").FillAsync("2026-04-01");
        await ops.GetByLabel("都道府県の回答期限").FillAsync(DateOnly.FromDateTime(DateTime.UtcNow.AddDays(40)).ToString("yyyy-MM-dd"));
        await ops.GetByLabel("設問", new() { Exact = true }).FillAsync("数: 情報政策担当部門の職員数（人）\n択: 生成AIを導入していますか | 導入済み / 未導入");
        await ops.GetByRole(AriaRole.Button, new() { Name = "47 都道府県へ発出する" }).ClickAsync();
        await ops.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/ops/surveys/[0-9a-f-]{36}$"));
        await Expect(ops.Locator("#figures-none")).ToBeVisibleAsync();
        await Journeys.ShouldBeAccessibleAsync(ops);
        var resultUrl = ops.Url;

        var osaka = await app.NewPageAsync();
        await Journeys.SignInAsync(osaka, "大阪府", "pref.admin@osaka.example");
        await osaka.WaitForURLAsync(Journeys.Path("/osaka"));
        var received = osaka.Locator("section.national-received");
        for (var attempt = 0; attempt < 30 && await received.CountAsync() == 0; attempt++)
        {
            await osaka.GotoAsync("/osaka/surveys/national");
            if (await received.CountAsync() == 0) await Task.Delay(500);
        }
        await Expect(received).ToHaveCountAsync(1);
        await Expect(received.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync("令和8年度 自治体DX・情報化推進概要");
        await Journeys.ShouldBeAccessibleAsync(osaka);
        await received.GetByLabel("独自の設問（任意）").FillAsync("府への要望");
        await received.GetByRole(AriaRole.Button, new() { Name = "管内の市区町村へ中継する" }).ClickAsync();
        await Expect(osaka.GetByRole(AriaRole.Status).First).ToContainTextAsync("管内の市区町村へ中継しました");
        await Expect(received).ToContainTextAsync("中継済み");
        await Journeys.ShouldBeAccessibleAsync(osaka);
        var surveyPath = await received.GetByRole(AriaRole.Link, new() { Name = "中継した照会を開く" }).GetAttributeAsync("href");

        // 豊中市 answers on the answering screen.
        var toyonaka = await app.NewPageAsync();
        await Journeys.SignInAsync(toyonaka, "大阪府", "toyonaka@osaka.example");
        await toyonaka.WaitForURLAsync(Journeys.Path("/osaka"));
        await toyonaka.GotoAsync($"{surveyPath}/answer/272035");
        await toyonaka.GetByLabel("情報政策担当部門の職員数").FillAsync("12");
        await toyonaka.GetByLabel("導入済み").CheckAsync();
        await toyonaka.GetByLabel("府への要望").FillAsync("府内限りの要望");
        await toyonaka.GetByRole(AriaRole.Button, new() { Name = "提出" }).ClickAsync();
        await toyonaka.WaitForURLAsync(Journeys.Path($"{surveyPath}/answer/272035/view"));
        await Expect(toyonaka.Locator("#response-state")).ToHaveTextAsync("提出済");

        for (var attempt = 0; attempt < 30 && await ops.Locator("#national-figures tr[data-prefecture='osaka']").CountAsync() == 0; attempt++)
        {
            await Task.Delay(500);
            await ops.GotoAsync(resultUrl);
        }
        var row = ops.Locator("#national-figures tr[data-prefecture='osaka']");
        await Expect(row).ToContainTextAsync("大阪府");
        await Expect(row).ToContainTextAsync("計 12人");
        await Expect(row).ToContainTextAsync("導入済み 1");
        await Expect(row).ToContainTextAsync("速報");
        await Expect(ops.Locator("#national-figures thead th[data-question]")).ToHaveCountAsync(2);
        await Expect(ops.Locator("main")).Not.ToContainTextAsync("府への要望");
        await Expect(ops.Locator("main")).Not.ToContainTextAsync("府内限りの要望");
        await Journeys.ShouldBeAccessibleAsync(ops);

        // After the 速報: osaka closes, reopens for a correction and returns 豊中市's answer.
        await osaka.GotoAsync(surveyPath!);
        await osaka.GetByRole(AriaRole.Button, new() { Name = "締め切る" }).ClickAsync();
        await Expect(osaka.Locator("#survey-state")).ToHaveTextAsync("締切済");
        await Journeys.ShouldBeAccessibleAsync(osaka);
        await osaka.GetByLabel("修正のため再開する理由（必須）").FillAsync("豊中市の職員数を直すため");
        await osaka.GetByRole(AriaRole.Button, new() { Name = "修正のため再開する" }).ClickAsync();
        await Expect(osaka.Locator("#reopened")).ToBeVisibleAsync();
        await Journeys.ShouldBeAccessibleAsync(osaka);
        await osaka.GotoAsync($"{surveyPath}/answer/272035/view");
        await osaka.GetByLabel("差戻しの理由").FillAsync("4月1日時点の職員数でお願いします。");
        await osaka.GetByRole(AriaRole.Button, new() { Name = "差し戻す" }).ClickAsync();
        await Expect(osaka.Locator("#response-state")).ToHaveTextAsync("差戻し");

        await toyonaka.GotoAsync($"{surveyPath}/answer/272035");
        await toyonaka.GetByLabel("情報政策担当部門の職員数").FillAsync("13");
        await toyonaka.GetByRole(AriaRole.Button, new() { Name = "提出" }).ClickAsync();
        await toyonaka.WaitForURLAsync(Journeys.Path($"{surveyPath}/answer/272035/view"));

        // The national side lists the changed figure; closing again makes osaka's figures 確報.
        for (var attempt = 0; attempt < 30 && await ops.Locator("#national-changes").CountAsync() == 0; attempt++)
        {
            await Task.Delay(500);
            await ops.GotoAsync(resultUrl);
        }
        var change = ops.Locator("#national-changes tbody tr");
        await Expect(change).ToHaveCountAsync(1);
        await Expect(change).ToContainTextAsync("豊中市（272035）");
        await Expect(change).ToContainTextAsync("情報政策担当部門の職員数");
        await Expect(change.Locator("td").Nth(4)).ToHaveTextAsync("12");
        await Expect(change.Locator("td").Nth(5)).ToHaveTextAsync("13");
        await osaka.GotoAsync(surveyPath!);
        await osaka.GetByRole(AriaRole.Button, new() { Name = "締め切る" }).ClickAsync();
        await Expect(osaka.Locator("#survey-state")).ToHaveTextAsync("締切済");
        for (var attempt = 0; attempt < 30 && !(await row.InnerTextAsync()).Contains("確報"); attempt++)
        {
            await Task.Delay(500);
            await ops.GotoAsync(resultUrl);
        }
        await Expect(row).ToContainTextAsync("確報");
        await Expect(row).ToContainTextAsync("計 13人");
        await Journeys.ShouldBeAccessibleAsync(ops);
    }

    [JourneyFact]
    public async Task Prefecture_staff_build_a_written_vote_and_a_kpi_table()
    {
        var page = await app.NewPageAsync();
        await Journeys.SignInAsync(page, "大阪府", "pref.admin@osaka.example");
        await page.WaitForURLAsync(Journeys.Path("/osaka"));
        var deadline = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(10)).ToString("yyyy-MM-dd");

        await page.GotoAsync("/osaka/surveys/new/vote");
        await Journeys.ShouldBeAccessibleAsync(page);
        await page.GetByLabel("会議の名前（件名）").FillAsync("市町村DX推進協議会 第3回書面会議");
        await page.GetByLabel("表決の期限").FillAsync(deadline);
        await page.GetByLabel("案件（1 行に 1 件）").FillAsync("令和8年度事業計画（案）\n共同調達部会の設置（案）");
        await page.GetByRole(AriaRole.Button, new() { Name = "表決書を作る" }).ClickAsync();
        await Expect(page.Locator("#form-error")).ToContainTextAsync("構成団体");
        await Journeys.ShouldBeAccessibleAsync(page);
        await page.GetByLabel("豊中市").CheckAsync();
        await page.GetByLabel("千早赤阪村").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "表決書を作る" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/osaka/surveys/[0-9]+/vote-result$"));
        await Expect(page.Locator("section.vote-item")).ToHaveCountAsync(2);
        await Expect(page.Locator("section.vote-item").First).ToContainTextAsync("第1号議案 令和8年度事業計画（案）");
        await Expect(page.Locator("#vote-rule")).ToContainTextAsync("単純多数決");
        await Journeys.ShouldBeAccessibleAsync(page);

        await page.GotoAsync("/osaka/surveys/new/kpi");
        await Journeys.ShouldBeAccessibleAsync(page);
        await page.GetByLabel("件名", new() { Exact = true }).FillAsync("令和8年度 DX推進計画 KPI進捗状況");
        await page.GetByLabel("回答期限").FillAsync(deadline);
        await page.GetByLabel("KPI（1 行に 1 つ、「名前 | 単位」）").FillAsync("行政手続のオンライン化率 | %");
        await page.GetByRole(AriaRole.Button, new() { Name = "KPI 進捗表を作る" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/osaka/surveys/[0-9]+/kpi$"));
        await Expect(page.Locator("#kpi-table tbody tr")).ToHaveCountAsync(43);
        await Expect(page.Locator("#kpi-table tr[data-org='272035'] td.kpi-class")).ToHaveTextAsync("N");
        await Journeys.ShouldBeAccessibleAsync(page);
    }
}
