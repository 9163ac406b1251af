using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.IntegrationTests.Surveys;
using DxCollab.Platform.Files;
using DxCollab.Platform.Messaging;
using DxCollab.Procurement.CrossTenant;
using DxCollab.Procurement.Domain;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using static DxCollab.IntegrationTests.Procurement.CrossTenantTestData;

namespace DxCollab.IntegrationTests.Procurement;

/// <summary>A workspace across prefectures on the app's real in-memory bus: tottori's lead (鳥取市) invites 倉敷市 of okayama;
/// okayama's officers answer, read, download and send verdicts in their own tenant, each read answered by tottori at
/// that moment; removal and leaving stop access at once on the side that acted. Documents come from a stand-in for the
/// documents slice (<see cref="FakeWorkspaceContent"/>).</summary>
public abstract class CrossTenantApiTests(AppFixture fixture) : AppTest(fixture)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await ArrangeUsersAsync(App);
    }

    private async Task<(HttpClient Lead, HttpClient Kurashiki, long WorkspaceId, long SharedId)> JoinedAsync(string title, string role = "Member")
    {
        var lead = await SignInAsync(App, Tottori, TottoriLead);
        var (id, _) = await InviteKurashikiAsync(lead, title, role);
        var kurashiki = await SignInAsync(App, Okayama, KurashikiOfficer);
        var sharedId = (await ReceivedAsync(kurashiki, id)).GetProperty("id").GetInt64();
        (await (await kurashiki.PostAsync($"{OkayamaShared}/{sharedId}/accept", null)).ReadJsonAsync()).GetProperty("state").GetString().ShouldBe("Active");
        await TottoriMemberStateAsync(lead, id, Kurashiki, "Active");
        return (lead, kurashiki, id, sharedId);
    }

    private async Task<(long RevisionId, byte[] Bytes)> SpecificationAsync(long workspaceId, bool sensitive = false)
    {
        var bytes = "%PDF-1.7 仕様書 第1版"u8.ToArray();
        var fileId = await StoreFileAsync(App, Tottori, TottoriCity, "仕様書_第1版.pdf", bytes);
        var revisionId = 1000 + workspaceId;
        Content(App).Add(Tottori, workspaceId, new FakeWorkspaceContent.Document(workspaceId, "仕様書", revisionId, fileId, "仕様書_第1版.pdf", bytes.Length, sensitive));
        return (revisionId, bytes);
    }

    [Fact]
    public async Task An_okayama_body_invited_by_tottoris_lead_joins_in_its_own_tenant_reads_downloads_and_its_verdict_reaches_tottori()
    {
        using var lead = await SignInAsync(App, Tottori, TottoriLead);
        var (id, _) = await InviteKurashikiAsync(lead, "住民記録 共同調達（鳥取・岡山）");
        var invited = await TottoriMemberAsync(lead, id, Kurashiki);
        (invited.GetProperty("organizationName").GetString(), invited.GetProperty("organizationTenant").GetString(), invited.GetProperty("stateName").GetString())
            .ShouldBe(("倉敷市", Okayama, "招待中"));
        var (revisionId, bytes) = await SpecificationAsync(id);

        using var kurashiki = await SignInAsync(App, Okayama, KurashikiOfficer);
        var invitation = await ReceivedAsync(kurashiki, id);
        invitation.GetProperty("title").GetString().ShouldBe("住民記録 共同調達（鳥取・岡山）");
        invitation.GetProperty("leadName").GetString().ShouldBe("鳥取市");
        invitation.GetProperty("leadPrefectureName").GetString().ShouldBe("鳥取県");
        invitation.GetProperty("roleName").GetString().ShouldBe("参加団体");
        invitation.GetProperty("mayAnswer").GetBoolean().ShouldBeTrue();
        var sharedId = invitation.GetProperty("id").GetInt64();
        await (await kurashiki.GetAsync($"{OkayamaShared}/{sharedId}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden); // not yet answered

        (await (await kurashiki.PostAsync($"{OkayamaShared}/{sharedId}/accept", null)).ReadJsonAsync()).GetProperty("stateName").GetString().ShouldBe("参加中");
        (await TottoriMemberStateAsync(lead, id, Kurashiki, "Active")).GetProperty("stateName").GetString().ShouldBe("参加中");

        var seen = await (await kurashiki.GetAsync($"{OkayamaShared}/{sharedId}")).ReadJsonAsync();
        seen.GetProperty("members").EnumerateArray().Select(m => (m.GetProperty("organizationName").GetString(), m.GetProperty("roleName").GetString()))
            .ShouldBe([("鳥取市", "代表団体"), ("倉敷市", "参加団体")], ignoreOrder: true);
        var document = seen.GetProperty("documents").EnumerateArray().Single();
        document.GetProperty("title").GetString().ShouldBe("仕様書");
        document.GetProperty("revisions")[0].GetProperty("revisionId").GetInt64().ShouldBe(revisionId);

        using (var download = await kurashiki.GetAsync($"{OkayamaShared}/{sharedId}/revisions/{revisionId}/file"))
        {
            download.StatusCode.ShouldBe(HttpStatusCode.OK);
            download.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
            (await download.Content.ReadAsByteArrayAsync()).ShouldBe(bytes);
        }

        var sent = await (await kurashiki.PostAsJsonAsync($"{OkayamaShared}/{sharedId}/revisions/{revisionId}/verdict",
            new { approved = false, comment = "第3章の移行要件を確認してください。" })).ReadJsonAsync(HttpStatusCode.Accepted);
        sent.GetProperty("message").GetString()!.ShouldContain("差戻し");
        var verdict = await EventuallyAsync(async () =>
        {
            var now = await (await kurashiki.GetAsync($"{OkayamaShared}/{sharedId}")).ReadJsonAsync();
            var verdicts = now.GetProperty("documents")[0].GetProperty("revisions")[0].GetProperty("verdicts");
            return verdicts.GetArrayLength() == 1 ? verdicts[0] : null;
        }, "tottori records okayama's verdict");
        (verdict.GetProperty("organizationCode").GetString(), verdict.GetProperty("approved").GetBoolean(), verdict.GetProperty("comment").GetString())
            .ShouldBe((Kurashiki, false, "第3章の移行要件を確認してください。"));
        Content(App).Verdicts.ShouldContain(v => v.Tenant == Tottori && v.WorkspaceId == id && v.OrganizationCode == Kurashiki && v.Actor.Contains("岡山県"));
    }

    [Fact]
    public async Task Removal_by_tottoris_lead_refuses_okayamas_very_next_read_and_download_and_okayama_then_shows_除外()
    {
        var (lead, kurashiki, id, sharedId) = await JoinedAsync("除外の確認");
        using var _ = lead;
        using var __ = kurashiki;
        var (revisionId, _) = await SpecificationAsync(id);
        (await kurashiki.GetAsync($"{OkayamaShared}/{sharedId}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var memberId = (await TottoriMemberAsync(lead, id, Kurashiki)).GetProperty("id").GetInt64();
        (await (await lead.PostAsJsonAsync($"{TottoriProcurements}/{id}/remote-members/{memberId}/remove", new { reason = "参加の条件が合わないため" }))
            .ReadJsonAsync()).GetProperty("stateName").GetString().ShouldBe("除外");

        (await (await kurashiki.GetAsync($"{OkayamaShared}/{sharedId}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden)).Detail()!.ShouldContain("除外");
        await (await kurashiki.GetAsync($"{OkayamaShared}/{sharedId}/revisions/{revisionId}/file")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var record = await ReceivedAsync(kurashiki, id, "Removed");
        record.GetProperty("stateName").GetString().ShouldBe("除外");
    }

    [Fact]
    public async Task Leaving_stops_okayamas_access_at_once_and_tottori_then_shows_離脱()
    {
        var (lead, kurashiki, id, sharedId) = await JoinedAsync("離脱の確認");
        using var _ = lead;
        using var __ = kurashiki;
        var (revisionId, _) = await SpecificationAsync(id);

        (await (await kurashiki.PostAsync($"{OkayamaShared}/{sharedId}/leave", null)).ReadJsonAsync()).GetProperty("stateName").GetString().ShouldBe("離脱");
        await (await kurashiki.GetAsync($"{OkayamaShared}/{sharedId}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await kurashiki.PostAsJsonAsync($"{OkayamaShared}/{sharedId}/revisions/{revisionId}/verdict", new { approved = true }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await TottoriMemberStateAsync(lead, id, Kurashiki, "Left")).GetProperty("stateName").GetString().ShouldBe("離脱");
    }

    [Fact]
    public async Task A_declined_invitation_reads_辞退_on_both_sides_and_opens_nothing()
    {
        using var lead = await SignInAsync(App, Tottori, TottoriLead);
        var (id, _) = await InviteKurashikiAsync(lead, "辞退の確認");
        using var kurashiki = await SignInAsync(App, Okayama, KurashikiOfficer);
        var sharedId = (await ReceivedAsync(kurashiki, id)).GetProperty("id").GetInt64();
        (await (await kurashiki.PostAsync($"{OkayamaShared}/{sharedId}/decline", null)).ReadJsonAsync()).GetProperty("stateName").GetString().ShouldBe("辞退");
        await (await kurashiki.PostAsync($"{OkayamaShared}/{sharedId}/accept", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await kurashiki.GetAsync($"{OkayamaShared}/{sharedId}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await TottoriMemberStateAsync(lead, id, Kurashiki, "Declined")).GetProperty("stateName").GetString().ShouldBe("辞退");
    }

    [Fact]
    public async Task Okayama_sees_only_its_own_bodies_invitations_and_never_tottoris_other_workspaces()
    {
        using var lead = await SignInAsync(App, Tottori, TottoriLead);
        var other = await CreateWorkspaceAsync(lead, "鳥取県内だけの共同調達");
        var (id, _) = await InviteKurashikiAsync(lead, "岡山から見える共同調達");
        using var kurashiki = await SignInAsync(App, Okayama, KurashikiOfficer);
        var sharedId = (await ReceivedAsync(kurashiki, id)).GetProperty("id").GetInt64();

        using var staff = await SignInAsync(App, Okayama, OkayamaStaff);
        var listed = await (await staff.GetAsync(OkayamaShared)).ReadJsonAsync();
        listed.EnumerateArray().Select(s => s.GetProperty("leadWorkspaceId").GetInt64()).ShouldContain(id);
        listed.EnumerateArray().Select(s => s.GetProperty("leadWorkspaceId").GetInt64()).ShouldNotContain(other);
        listed.EnumerateArray().Single(s => s.GetProperty("id").GetInt64() == sharedId).GetProperty("mayAnswer").GetBoolean().ShouldBeFalse();
        await (await staff.PostAsync($"{OkayamaShared}/{sharedId}/accept", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden); // 倉敷市 answers
        await (await staff.GetAsync($"/api/v1/{Okayama}/procurements/{other}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await staff.GetAsync($"{TottoriProcurements}/{other}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden); // tottori's address
        (await (await staff.GetAsync($"/api/v1/{Okayama}/procurements")).ReadJsonAsync()).EnumerateArray()
            .ShouldNotContain(w => w.GetProperty("title").GetString() == "鳥取県内だけの共同調達");

        using var tsuyama = await SignInAsync(App, Okayama, TsuyamaOfficer);
        (await (await tsuyama.GetAsync(OkayamaShared)).ReadJsonAsync()).EnumerateArray().ShouldBeEmpty();
        await (await tsuyama.PostAsync($"{OkayamaShared}/{sharedId}/accept", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        using var kyoto = await App.SignInAsync("kyoto", "pref.admin@kyoto.example");
        (await (await kyoto.GetAsync("/api/v1/kyoto/procurements/shared")).ReadJsonAsync()).EnumerateArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task An_observer_of_another_prefecture_is_shown_no_sensitive_document_and_sends_no_verdict()
    {
        var (lead, kurashiki, id, sharedId) = await JoinedAsync("オブザーバーの確認", role: "Observer");
        using var _ = lead;
        using var __ = kurashiki;
        var (sensitive, _) = await SpecificationAsync(id, sensitive: true);
        var seen = await (await kurashiki.GetAsync($"{OkayamaShared}/{sharedId}")).ReadJsonAsync();
        seen.GetProperty("membership").GetProperty("roleName").GetString().ShouldBe("オブザーバー");
        seen.GetProperty("documents").GetArrayLength().ShouldBe(0);
        await (await kurashiki.GetAsync($"{OkayamaShared}/{sharedId}/revisions/{sensitive}/file")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await kurashiki.PostAsJsonAsync($"{OkayamaShared}/{sharedId}/revisions/{sensitive}/verdict", new { approved = true }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("999999", "Member", "organizationCode")]
    [InlineData("312029", "Member", "organizationCode")] // 米子市: tottori's own
    [InlineData("", "Member", "organizationCode")]
    [InlineData("332020", "Lead", "role")]
    public async Task An_invitation_the_lead_cannot_send_is_refused_naming_the_field_and_nothing_is_sent(string code, string role, string field)
    {
        using var lead = await SignInAsync(App, Tottori, TottoriLead);
        var id = await CreateWorkspaceAsync(lead, $"招待の入力確認 {code} {role}");
        (await (await lead.PostAsJsonAsync($"{TottoriProcurements}/{id}/remote-members", new { organizationCode = code, role }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldError(field).ShouldNotBeNullOrWhiteSpace();
        (await (await lead.GetAsync($"{TottoriProcurements}/{id}")).ReadJsonAsync()).GetProperty("members").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task Only_the_lead_invites_and_removes_and_a_pending_invitation_is_not_sent_twice()
    {
        using var lead = await SignInAsync(App, Tottori, TottoriLead);
        var (id, memberId) = await InviteKurashikiAsync(lead, "招待の権限確認");
        await (await lead.PostAsJsonAsync($"{TottoriProcurements}/{id}/remote-members", new { organizationCode = Kurashiki }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        using var staff = await SignInAsync(App, Tottori, TottoriStaff); // reads every workspace of tottori, manages none
        await (await staff.PostAsJsonAsync($"{TottoriProcurements}/{id}/remote-members", new { organizationCode = Tsuyama }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await staff.PostAsJsonAsync($"{TottoriProcurements}/{id}/remote-members/{memberId}/remove", new { }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await TottoriMemberAsync(lead, id, Kurashiki)).GetProperty("state").GetString().ShouldBe("Invited");
    }

    [Fact]
    public async Task When_tottori_does_not_answer_within_a_few_seconds_okayama_is_told_plainly_with_503()
    {
        var (lead, kurashiki, id, sharedId) = await JoinedAsync("応答なしの確認");
        using var _ = lead;
        using var __ = kurashiki;
        Content(App).Delays[(Tottori, id)] = LeadTenantClient.Timeout + TimeSpan.FromSeconds(3);
        try
        {
            var problem = await (await kurashiki.GetAsync($"{OkayamaShared}/{sharedId}")).ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
            problem.Detail()!.ShouldContain("一時的に表示できません");
        }
        finally { Content(App).Delays.TryRemove((Tottori, id), out TimeSpan ___); }
    }

    [Fact]
    public async Task A_grant_opens_its_one_file_but_a_forged_or_expired_grant_opens_nothing()
    {
        var fileId = await StoreFileAsync(App, Tottori, TottoriCity, "仕様書.pdf", "%PDF-1.7 grant"u8.ToArray());
        string grant, expired;
        using (Begin(App, await TenantAsync(App, Tottori)))
        {
            await using var scope = App.Factory.Services.CreateAsyncScope();
            var file = (await scope.ServiceProvider.GetRequiredService<FileStore>().FindAsync(fileId))!;
            var grants = scope.ServiceProvider.GetRequiredService<FileGrants>();
            (grant, expired) = (grants.Issue(file), grants.Issue(file, TimeSpan.FromSeconds(-1)));
        }
        // Opened from okayama, as the invited side's endpoint does.
        using (Begin(App, await TenantAsync(App, Okayama)))
        {
            await using var scope = App.Factory.Services.CreateAsyncScope();
            var grants = scope.ServiceProvider.GetRequiredService<FileGrants>();
            var opened = (await grants.OpenAsync(grant)).ShouldNotBeNull();
            await using (opened.Content) opened.FileName.ShouldBe("仕様書.pdf");
            (await grants.OpenAsync(expired)).ShouldBeNull();
            (await grants.OpenAsync(grant[..^2] + (grant[^2] == 'A' ? "B" : "A") + grant[^1])).ShouldBeNull();
            (await grants.OpenAsync($"{Tottori}|{fileId}|{DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds()}")).ShouldBeNull();
        }
    }

    [Fact]
    public async Task An_invitation_whose_tenant_header_and_payload_disagree_is_refused_and_okayama_records_nothing()
    {
        using var lead = await SignInAsync(App, Tottori, TottoriLead);
        var id = await CreateWorkspaceAsync(lead, "偽の招待");
        var messageId = Guid.NewGuid();
        // Published under tottori (the header) while the payload says it is for okayama.
        using (Begin(App, await TenantAsync(App, Tottori)))
            await App.Factory.Services.GetRequiredService<IBus>().Publish(new RemoteInvitationSent(Okayama, Tottori, id, 999_999, Kurashiki, "倉敷市",
                "偽の招待", "RPA", "鳥取市", ProcurementPhase.Study, MemberRole.Member, DateTime.UtcNow, "test"), c => c.MessageId = messageId);

        var failed = await EventuallyAsync(async () =>
        {
            using (Begin(App, null))
            {
                await using var scope = App.Factory.Services.CreateAsyncScope();
                var rows = await scope.ServiceProvider.GetRequiredService<FailedMessages>().ListAsync();
                return rows.FirstOrDefault(r => r.Body.Contains(messageId.ToString())) is { } row ? JsonSerializer.SerializeToElement(new { row.Reason }) : null;
            }
        }, "the refused message is recorded");
        failed.GetProperty("Reason").GetString()!.ShouldContain("differs from payload");
        using var kurashiki = await SignInAsync(App, Okayama, KurashikiOfficer);
        (await (await kurashiki.GetAsync(OkayamaShared)).ReadJsonAsync()).EnumerateArray()
            .ShouldNotContain(s => s.GetProperty("leadTenant").GetString() == Tottori && s.GetProperty("leadWorkspaceId").GetInt64() == id);
    }

    private static async Task<long> CreateWorkspaceAsync(HttpClient lead, string title) =>
        (await (await lead.PostAsJsonAsync(TottoriProcurements, new { subject = "RPA", title })).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();

    [Fact]
    public async Task When_tottoris_lead_asks_for_an_approval_the_okayama_member_is_told_in_its_own_tenant()
    {
        using var lead = await SignInAsync(App, Tottori, TottoriLead);
        var (id, _) = await InviteKurashikiAsync(lead, "電子申請 共同調達（鳥取・岡山）");
        using var kurashiki = await SignInAsync(App, Okayama, KurashikiOfficer);
        var sharedId = (await ReceivedAsync(kurashiki, id)).GetProperty("id").GetInt64();
        (await kurashiki.PostAsync($"{OkayamaShared}/{sharedId}/accept", null)).EnsureSuccessStatusCode();
        await TottoriMemberStateAsync(lead, id, Kurashiki, "Active");

        var file = new ByteArrayContent("%PDF-1.7 仕様書"u8.ToArray());
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        using var form = new MultipartFormDataContent { { file, "file", "仕様書.pdf" }, { new StringContent("仕様書"), "title" }, { new StringContent("MembersOnly"), "confidentiality" } };
        var doc = (await (await lead.PostAsync($"{TottoriProcurements}/{id}/documents", form)).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        (await lead.PostAsJsonAsync($"{TottoriProcurements}/{id}/documents/{doc}/revisions/1/approval", new { })).EnsureSuccessStatusCode();

        var told = await VendorTestData.EventuallyAsync(async () =>
            (await App.InboxAsync(Okayama, KurashikiOfficer)).FirstOrDefault(n => n.Title.StartsWith("承認のお願い: 仕様書 第1版", StringComparison.Ordinal)) is { } n
                ? (n.Link == $"/{Okayama}/procurement/shared/{sharedId}", n.Body.Contains("鳥取県", StringComparison.Ordinal)) : ((bool, bool)?)null,
            "okayama's notice of the approval");
        told.ShouldBe((true, true));
    }
}

[Collection(CrossTenantSqliteCollection.Name)]
public sealed class Sqlite_CrossTenantApi(CrossTenantSqliteFixture fixture) : CrossTenantApiTests(fixture);

[Collection(CrossTenantPostgresCollection.Name)]
public sealed class PostgreSql_CrossTenantApi(CrossTenantPostgresFixture fixture) : CrossTenantApiTests(fixture);
