using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using DxCollab.IntegrationTests.Infrastructure;
using static DxCollab.IntegrationTests.Procurement.CrossTenantTestData;

namespace DxCollab.IntegrationTests.Procurement;

/// <summary>The cross-prefecture pages without JavaScript: tottori's lead invites through the remote members page (a bad
/// code is shown beside the form, nothing sent); 倉敷市 answers, reads, downloads and leaves on okayama's pages.</summary>
public abstract class CrossTenantPagesTests(AppFixture fixture) : AppTest(fixture)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await ArrangeUsersAsync(App);
    }

    private static async Task<string> PageAsync(HttpClient client, string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, body.Length > 800 ? body[..800] : body);
        return body;
    }

    private static async Task<string> PostFormAsync(HttpClient client, string path, Dictionary<string, string> fields, string? handler = null,
        HttpStatusCode expected = HttpStatusCode.OK)
    {
        var html = await PageAsync(client, path);
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(
            Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value);
        using var response = await client.PostAsync(handler is null ? path : $"{path}?handler={handler}", new FormUrlEncodedContent(fields));
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, body.Length > 800 ? body[..800] : body);
        return body;
    }

    [Fact]
    public async Task Tottoris_lead_invites_on_its_page_and_kurashiki_answers_reads_downloads_and_leaves_on_okayamas_pages()
    {
        using var lead = await SignInAsync(App, Tottori, TottoriLead);
        var id = await CreateWorkspaceAsync(lead, "ページで確認する共同調達");
        var membersPage = $"/{Tottori}/procurement/{id}/remote-members";
        (await PostFormAsync(lead, membersPage, new() { ["OrganizationCode"] = "312029", ["Role"] = "Member" }, expected: HttpStatusCode.BadRequest))
            .ShouldContain("この都道府県の団体です");
        (await PostFormAsync(lead, membersPage, new() { ["OrganizationCode"] = Kurashiki, ["Role"] = "Member" })).ShouldContain("倉敷市を招待しました");
        (await PageAsync(lead, membersPage)).ShouldContain("招待中");

        var bytes = "%PDF-1.7 ページ"u8.ToArray();
        var fileId = await StoreFileAsync(App, Tottori, TottoriCity, "仕様書_第1版.pdf", bytes);
        Content(App).Add(Tottori, id, new FakeWorkspaceContent.Document(id, "仕様書（案）", 5000 + id, fileId, "仕様書_第1版.pdf", bytes.Length, false));

        using var kurashiki = await SignInAsync(App, Okayama, KurashikiOfficer);
        var sharedId = (await ReceivedAsync(kurashiki, id)).GetProperty("id").GetInt64();
        (await PageAsync(kurashiki, $"/{Okayama}/procurement/shared")).ShouldContain("ページで確認する共同調達");
        var detail = $"/{Okayama}/procurement/shared/{sharedId}";
        (await PageAsync(kurashiki, detail)).ShouldContain("参加する");
        (await PostFormAsync(kurashiki, detail, [], "Accept")).ShouldContain("参加しました");
        await TottoriMemberStateAsync(lead, id, Kurashiki, "Active");

        var opened = await PageAsync(kurashiki, detail);
        opened.ShouldContain("仕様書（案）");
        opened.ShouldContain("鳥取市");
        using (var file = await kurashiki.GetAsync($"{detail}?handler=File&revisionId={5000 + id}"))
        {
            file.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await file.Content.ReadAsByteArrayAsync()).ShouldBe(bytes);
        }

        (await PostFormAsync(kurashiki, detail, [], "Leave")).ShouldContain("離脱しました");
        await TottoriMemberStateAsync(lead, id, Kurashiki, "Left");
        (await PageAsync(lead, membersPage)).ShouldContain("離脱");
    }

    [Fact]
    public async Task Another_body_of_okayama_finds_no_page_for_kurashikis_invitation_and_tottoris_staff_see_no_invite_form()
    {
        using var lead = await SignInAsync(App, Tottori, TottoriLead);
        var (id, _) = await InviteKurashikiAsync(lead, "ページの権限確認");
        using var kurashiki = await SignInAsync(App, Okayama, KurashikiOfficer);
        var sharedId = (await ReceivedAsync(kurashiki, id)).GetProperty("id").GetInt64();
        using var tsuyama = await SignInAsync(App, Okayama, TsuyamaOfficer);
        await PageAsync(tsuyama, $"/{Okayama}/procurement/shared/{sharedId}", HttpStatusCode.NotFound);
        (await PageAsync(tsuyama, $"/{Okayama}/procurement/shared")).ShouldNotContain("ページの権限確認");

        using var staff = await SignInAsync(App, Tottori, TottoriStaff);
        var page = await PageAsync(staff, $"/{Tottori}/procurement/{id}/remote-members");
        page.ShouldContain("倉敷市");
        page.ShouldNotContain("招待する</button>");
    }

    private static async Task<long> CreateWorkspaceAsync(HttpClient lead, string title) =>
        (await (await lead.PostAsJsonAsync(TottoriProcurements, new { subject = "RPA", title })).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();
}

[Collection(CrossTenantSqliteCollection.Name)]
public sealed class Sqlite_CrossTenantPages(CrossTenantSqliteFixture fixture) : CrossTenantPagesTests(fixture);

[Collection(CrossTenantPostgresCollection.Name)]
public sealed class PostgreSql_CrossTenantPages(CrossTenantPostgresFixture fixture) : CrossTenantPagesTests(fixture);
