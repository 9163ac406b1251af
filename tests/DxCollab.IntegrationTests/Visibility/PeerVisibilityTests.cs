using System.Net;
using System.Net.Http.Json;
using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.Platform.Identity;

namespace DxCollab.IntegrationTests.Visibility;

/// <summary>docs/visibility.md, rule by rule: 豊中市 records a 特定移行支援 reason, 経過措置, a step note and 証跡; another
/// 団体 (千早赤阪村) and a pool expert with no assignment read its statuses, dates and flag but none of those, nor who did
/// what (「豊中市の担当者」), by API and on the pages; 豊中市 itself and the prefecture's staff read everything.</summary>
public abstract class PeerVisibilityTests(AppFixture fixture) : AppTest(fixture)
{
    private record SystemItem(int Business, bool SpecificMigrationSupport, string? SpecificSupportReason, DateOnly? SpecificSupportPlannedCompletion,
        string? TransitionalMeasures, string? VendorName, string? UpdatedBy);
    private record GridCell(int Business, int Step, string Status, DateOnly? PlannedDate, string? Note);
    private record Specific(string OrganizationCode, int Business, string? Reason, DateOnly? PlannedCompletion, string? VendorName);

    private const string Toyonaka = "272035";
    private const string Reason = "メインフレームを利用しているため";
    private const string Transitional = "宛名番号の連携を後から実装";
    private const string Note = "ベンダーと日程を調整中";
    private const string PrefectureNote = "府が代理で入力";
    private const string OwnerEmail = "toyonaka@osaka.example";
    /// <summary>A PrefectureStaff member of 大阪府, one per test (the data is reset once per class, not per test).</summary>
    private readonly string StaffEmail = $"staff.{Guid.NewGuid():N}"[..14] + "@osaka.example";
    private const string EvidenceName = "住民記録の契約書.pdf";

    private static string SystemPage => $"/osaka/migration/{Toyonaka}/3";
    private static string StepPage => $"/osaka/migration/{Toyonaka}/3/steps/10";

    private async Task<(HttpClient Owner, HttpClient Staff, HttpClient Peer, HttpClient Expert)> RecordAsync()
    {
        await App.CreateUserAsync("osaka", StaffEmail, DxCollab.Platform.Hosting.DemoData.Password, "270008", Roles.PrefectureStaff);
        var owner = await App.SignInAsync("osaka", OwnerEmail);
        var staff = await App.SignInAsync("osaka", StaffEmail);
        var peer = await App.SignInAsync("osaka", "chihayaakasaka@osaka.example");
        var expert = await App.SignInAsync("osaka", "expert.tanaka@osaka.example");
        (await owner.PutAsJsonAsync($"/api/v1/osaka/migration/{Toyonaka}/3/system", new
        {
            specificMigrationSupport = true, specificSupportReason = Reason, specificSupportPlannedCompletion = "2027-03-31",
            transitionalMeasures = Transitional, vendorName = "株式会社サンプル",
        })).EnsureSuccessStatusCode();
        (await owner.PutAsJsonAsync($"/api/v1/osaka/migration/{Toyonaka}/3/steps/10",
            new { status = "作業中", plannedDate = "2026-12-01", actualDate = (string?)null, note = Note })).EnsureSuccessStatusCode();
        // The prefecture changes the same step on the 団体's behalf: a peer sees 「大阪府の担当者」, not the staff member.
        (await staff.PutAsJsonAsync($"/api/v1/osaka/migration/{Toyonaka}/3/steps/10",
            new { status = "作業中", plannedDate = "2026-12-15", actualDate = (string?)null, note = PrefectureNote })).EnsureSuccessStatusCode();
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent([.. "%PDF-1.7\n"u8.ToArray(), .. Enumerable.Range(0, 300).Select(i => (byte)(i % 251))]);
        file.Headers.ContentType = new("application/pdf");
        form.Add(file, "file", EvidenceName);
        (await owner.PostAsync($"/api/v1/osaka/migration/{Toyonaka}/3/steps/10/evidence", form)).StatusCode.ShouldBe(HttpStatusCode.Created);
        return (owner, staff, peer, expert);
    }

    [Fact]
    public async Task The_systems_api_gives_peers_the_flag_dates_and_vendor_but_not_the_reason_the_transitional_text_or_who()
    {
        var (owner, staff, peer, expert) = await RecordAsync();
        foreach (var full in new[] { owner, staff })
        {
            var item = (await full.GetFromJsonAsync<SystemItem[]>($"/api/v1/osaka/migration/{Toyonaka}/systems"))!.Single(s => s.Business == 3);
            (item.SpecificSupportReason, item.TransitionalMeasures, item.UpdatedBy).ShouldBe((Reason, Transitional, OwnerEmail));
        }
        foreach (var outsider in new[] { peer, expert })
        {
            using var response = await outsider.GetAsync($"/api/v1/osaka/migration/{Toyonaka}/systems");
            var body = await response.Content.ReadAsStringAsync();
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var item = (await response.Content.ReadFromJsonAsync<SystemItem[]>())!.Single(s => s.Business == 3);
            (item.SpecificMigrationSupport, item.SpecificSupportPlannedCompletion, item.VendorName).ShouldBe((true, new DateOnly(2027, 3, 31), "株式会社サンプル"));
            (item.SpecificSupportReason, item.TransitionalMeasures).ShouldBe((null, null));
            item.UpdatedBy.ShouldBe("豊中市の担当者");
            body.ShouldNotContain(Reason);
            body.ShouldNotContain("@osaka.example");
        }
    }

    [Fact]
    public async Task The_grid_api_gives_peers_statuses_and_dates_without_the_note()
    {
        var (owner, staff, peer, expert) = await RecordAsync();
        foreach (var full in new[] { owner, staff })
            (await full.GetFromJsonAsync<GridCell[]>($"/api/v1/osaka/migration/{Toyonaka}"))!.Single(c => c.Business == 3 && c.Step == 10)
                .Note.ShouldBe(PrefectureNote);
        foreach (var outsider in new[] { peer, expert })
        {
            var cell = (await outsider.GetFromJsonAsync<GridCell[]>($"/api/v1/osaka/migration/{Toyonaka}"))!.Single(c => c.Business == 3 && c.Step == 10);
            (cell.Status, cell.PlannedDate, cell.Note).ShouldBe(("作業中", new DateOnly(2026, 12, 15), null));
        }
    }

    [Fact]
    public async Task The_system_page_shows_peers_the_flag_and_statuses_with_the_reason_and_notes_withheld()
    {
        var (owner, staff, peer, expert) = await RecordAsync();
        foreach (var full in new[] { owner, staff })
        {
            var html = await full.GetStringAsync(SystemPage);
            html.ShouldContain(Reason);
            html.ShouldContain(Transitional);
            html.ShouldContain(PrefectureNote);
        }
        foreach (var outsider in new[] { peer, expert })
        {
            var html = await outsider.GetStringAsync(SystemPage);
            html.ShouldContain("特定移行支援システム");
            html.ShouldContain("株式会社サンプル");
            html.ShouldContain("非公開");
            html.ShouldContain("豊中市の担当者");
            html.ShouldNotContain(Reason);
            html.ShouldNotContain(Transitional);
            html.ShouldNotContain(PrefectureNote);
            html.ShouldNotContain(OwnerEmail);
        }
    }

    [Fact]
    public async Task The_step_page_history_tells_peers_what_changed_and_when_but_names_the_団体_not_the_person()
    {
        var (owner, staff, peer, expert) = await RecordAsync();
        foreach (var full in new[] { owner, staff })
        {
            var html = await full.GetStringAsync(StepPage);
            html.ShouldContain(OwnerEmail);
            html.ShouldContain(StaffEmail);
            html.ShouldContain($"メモ「{Note}」");
            html.ShouldContain(EvidenceName);
        }
        foreach (var outsider in new[] { peer, expert })
        {
            var html = await outsider.GetStringAsync(StepPage);
            html.ShouldContain("未着手（記録なし） → 作業中");
            html.ShouldContain("予定日 2026/12/15");
            html.ShouldContain("豊中市の担当者");
            html.ShouldContain("大阪府の担当者");
            html.ShouldContain("メモ（非公開）");
            html.ShouldNotContain(Note);
            html.ShouldNotContain(PrefectureNote);
            html.ShouldNotContain("@osaka.example");
            html.ShouldNotContain(EvidenceName);
        }
    }

    [Fact]
    public async Task The_団体_page_lists_recent_changes_to_peers_without_names()
    {
        var (owner, staff, peer, expert) = await RecordAsync();
        (await owner.GetStringAsync($"/osaka/migration/{Toyonaka}")).ShouldContain(OwnerEmail);
        (await staff.GetStringAsync($"/osaka/migration/{Toyonaka}")).ShouldContain(StaffEmail);
        foreach (var outsider in new[] { peer, expert })
        {
            var html = await outsider.GetStringAsync($"/osaka/migration/{Toyonaka}");
            html.ShouldContain("豊中市の担当者");
            html.ShouldContain("大阪府の担当者");
            html.ShouldNotContain("@osaka.example");
        }
    }

    [Fact]
    public async Task The_specific_support_list_answers_a_peer_for_one_団体_without_the_reason_and_refuses_experts()
    {
        var (owner, staff, peer, expert) = await RecordAsync();
        var path = $"/api/v1/osaka/migration/insights/specific-support?orgCode={Toyonaka}";
        foreach (var full in new[] { owner, staff })
            (await full.GetFromJsonAsync<Specific[]>(path))!.Single().Reason.ShouldBe(Reason);
        var seen = (await peer.GetFromJsonAsync<Specific[]>(path))!.Single();
        (seen.OrganizationCode, seen.Business, seen.Reason, seen.PlannedCompletion, seen.VendorName)
            .ShouldBe((Toyonaka, 3, null, new DateOnly(2027, 3, 31), "株式会社サンプル"));
        // Without orgCode an officer still gets its own 団体's list (千早赤阪村 has none here).
        (await peer.GetFromJsonAsync<Specific[]>("/api/v1/osaka/migration/insights/specific-support"))!.ShouldBeEmpty();
        await (await expert.GetAsync(path)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Evidence_and_inquiries_stay_with_the_団体_and_its_prefecture()
    {
        var (owner, staff, peer, expert) = await RecordAsync();
        var evidence = $"/api/v1/osaka/migration/{Toyonaka}/3/steps/10/evidence";
        var list = await owner.GetFromJsonAsync<System.Text.Json.JsonElement[]>(evidence);
        var id = list!.First().GetProperty("id").GetInt64();
        (await staff.GetAsync($"/api/v1/osaka/migration/evidence/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        foreach (var outsider in new[] { peer, expert })
        {
            await (await outsider.GetAsync(evidence)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
            await (await outsider.GetAsync($"/api/v1/osaka/migration/evidence/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        }

        using var question = new MultipartFormDataContent { { new StringContent("特定移行支援の届け出"), "title" }, { new StringContent("様式を教えてください。"), "body" } };
        using var asked = await owner.PostAsync("/api/v1/osaka/migration/inquiries", question);
        asked.StatusCode.ShouldBe(HttpStatusCode.Created, await asked.Content.ReadAsStringAsync());
        var inquiry = asked.Headers.Location!.OriginalString.Split('/')[^1];
        (await staff.GetAsync($"/api/v1/osaka/migration/inquiries/{inquiry}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await peer.GetAsync($"/api/v1/osaka/migration/inquiries/{inquiry}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await peer.GetStringAsync("/osaka/migration/inquiries")).ShouldNotContain("特定移行支援の届け出");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_PeerVisibility(SqliteAppFixture fixture) : PeerVisibilityTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSql_PeerVisibility(PostgresAppFixture fixture) : PeerVisibilityTests(fixture);
