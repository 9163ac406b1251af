using System.Net;
using System.Net.Http.Json;
using DxCollab.IntegrationTests.Infrastructure;
using static DxCollab.IntegrationTests.Procurement.DocumentTestData;

namespace DxCollab.IntegrationTests.Procurement;

/// <summary>Approval per revision: the lead asks, members are told; the lead and members record 承認 / 差戻し (a 差戻し with
/// a comment), observers and the staff without a seat may not; a verdict changes until the lead closes; the approval
/// stays with its revision (第2版 starts with none, 第1版 keeps its own). Comments by everyone who reads.</summary>
public abstract class ApprovalApiTests(AppFixture fixture) : AppTest(fixture)
{
    [Fact]
    public async Task The_lead_asks_members_answer_and_the_approval_stays_with_its_revision_when_a_new_one_is_uploaded()
    {
        using var seats = await App.ArrangeSeatsAsync();
        var id = await seats.Lead.UploadDocumentAsync(seats.WorkspaceId, "ビジネスチャット仕様書", "Sensitive");
        var first = Revision(seats.WorkspaceId, id, 1);
        await (await seats.Member.PostAsJsonAsync($"{first}/approval", new { })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await (await seats.Lead.PostAsJsonAsync($"{first}/approval", new { })).ReadJsonAsync()).GetProperty("unansweredCount").GetInt32().ShouldBe(2);
        await (await seats.Lead.PostAsJsonAsync($"{first}/approval", new { })).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        var notices = await (await seats.Member.GetAsync("/api/v1/osaka/notifications")).ReadJsonAsync();
        notices.GetProperty("items").EnumerateArray().ShouldContain(n => n.GetProperty("title").GetString()!.Contains("ビジネスチャット仕様書 第1版"));

        (await (await seats.Member.PostAsJsonAsync($"{first}/verdicts", new { approved = false, comment = "費用の記載が不足" })).ReadJsonAsync())
            .GetProperty("returnedCount").GetInt32().ShouldBe(1);
        var approval = await (await seats.Lead.PostAsJsonAsync($"{first}/verdicts", new { approved = true, comment = "確認しました" })).ReadJsonAsync();
        approval.GetProperty("summary").GetString().ShouldBe("承認 1 / 差戻し 1 / 未回答 0");

        (await seats.Member.UploadRevisionAsync(seats.WorkspaceId, id, "費用の記載を追加")).ShouldBe(2);
        var revisions = (await seats.Member.DocumentAsync(seats.WorkspaceId, id)).GetProperty("revisions").EnumerateArray().ToList();
        revisions[0].GetProperty("approval").GetProperty("summary").GetString().ShouldBe("承認依頼なし");
        revisions[1].GetProperty("approval").GetProperty("summary").GetString().ShouldBe("承認 1 / 差戻し 1 / 未回答 0");
        // 機微 before the tender: the observer learns nothing of it.
        await (await seats.Observer.GetAsync($"{seats.Documents}/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_new_revision_needs_its_own_approval_and_the_earlier_ones_verdicts_remain()
    {
        using var seats = await App.ArrangeSeatsAsync();
        var id = await seats.Lead.UploadDocumentAsync(seats.WorkspaceId, "仕様書", "MembersOnly");
        var first = Revision(seats.WorkspaceId, id, 1);
        await (await seats.Lead.PostAsJsonAsync($"{first}/approval", new { })).ReadJsonAsync();
        await (await seats.Member.PostAsJsonAsync($"{first}/verdicts", new { approved = false, comment = "費用の記載が不足" })).ReadJsonAsync();
        await seats.Member.UploadRevisionAsync(seats.WorkspaceId, id, "費用の記載を追加");

        var second = Revision(seats.WorkspaceId, id, 2);
        await (await seats.Member.PostAsJsonAsync($"{second}/verdicts", new { approved = true })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var revisions = (await seats.Observer.DocumentAsync(seats.WorkspaceId, id)).GetProperty("revisions").EnumerateArray().ToList();
        revisions[0].GetProperty("approval").GetProperty("asked").GetBoolean().ShouldBeFalse();
        var kept = revisions[1].GetProperty("approval");
        kept.GetProperty("summary").GetString().ShouldBe("承認 0 / 差戻し 1 / 未回答 1");
        kept.GetProperty("verdicts")[0].GetProperty("organizationName").GetString().ShouldBe("千早赤阪村");
        kept.GetProperty("verdicts")[0].GetProperty("comment").GetString().ShouldBe("費用の記載が不足");
        kept.GetProperty("unanswered").EnumerateArray().Select(u => u.GetString()).ShouldBe(["豊中市"]);

        await (await seats.Lead.PostAsJsonAsync($"{second}/approval", new { })).ReadJsonAsync();
        (await (await seats.Member.PostAsJsonAsync($"{second}/verdicts", new { approved = true })).ReadJsonAsync())
            .GetProperty("summary").GetString().ShouldBe("承認 1 / 差戻し 0 / 未回答 1");
    }

    [Fact]
    public async Task Observers_and_the_staff_without_a_seat_may_not_vote_but_may_comment_and_a_return_needs_a_comment()
    {
        using var seats = await App.ArrangeSeatsAsync();
        var id = await seats.Lead.UploadDocumentAsync(seats.WorkspaceId, "説明資料", "Public");
        var first = Revision(seats.WorkspaceId, id, 1);
        await (await seats.Lead.PostAsJsonAsync($"{first}/approval", new { })).ReadJsonAsync();
        await (await seats.Observer.PostAsJsonAsync($"{first}/verdicts", new { approved = true })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await seats.Staff.PostAsJsonAsync($"{first}/verdicts", new { approved = true })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await (await seats.Member.PostAsJsonAsync($"{first}/verdicts", new { approved = false, comment = " " })).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .FieldError("comment").ShouldContain("差戻し");

        (await (await seats.Observer.PostAsJsonAsync($"{first}/comments", new { body = "4ページの表が見づらいです" })).ReadJsonAsync(HttpStatusCode.Created))
            .GetProperty("organizationCode").GetString().ShouldBe(Suita);
        await (await seats.Staff.PostAsJsonAsync($"{first}/comments", new { body = "府としても確認しました" })).ReadJsonAsync(HttpStatusCode.Created);
        var revision = (await seats.Member.DocumentAsync(seats.WorkspaceId, id)).GetProperty("revisions")[0];
        revision.GetProperty("comments").EnumerateArray().Select(c => c.GetProperty("body").GetString()).ShouldBe(["4ページの表が見づらいです", "府としても確認しました"]);
        revision.GetProperty("approval").GetProperty("summary").GetString().ShouldBe("承認 0 / 差戻し 0 / 未回答 2");
    }

    [Fact]
    public async Task A_verdict_changes_until_the_lead_closes_the_approval_and_not_after()
    {
        using var seats = await App.ArrangeSeatsAsync();
        var id = await seats.Lead.UploadDocumentAsync(seats.WorkspaceId, "仕様書");
        var first = Revision(seats.WorkspaceId, id, 1);
        await (await seats.Lead.PostAsJsonAsync($"{first}/approval", new { })).ReadJsonAsync();
        await (await seats.Member.PostAsJsonAsync($"{first}/verdicts", new { approved = false, comment = "要確認" })).ReadJsonAsync();
        (await (await seats.Member.PostAsJsonAsync($"{first}/verdicts", new { approved = true, comment = "確認できました" })).ReadJsonAsync())
            .GetProperty("summary").GetString().ShouldBe("承認 1 / 差戻し 0 / 未回答 1");
        await (await seats.Member.PostAsJsonAsync($"{first}/approval/close", new { })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await (await seats.Lead.PostAsJsonAsync($"{first}/approval/close", new { })).ReadJsonAsync()).GetProperty("closed").GetBoolean().ShouldBeTrue();
        await (await seats.Member.PostAsJsonAsync($"{first}/verdicts", new { approved = false, comment = "やはり差戻し" })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await seats.Member.DocumentAsync(seats.WorkspaceId, id)).GetProperty("revisions")[0].GetProperty("approval").GetProperty("approvedCount").GetInt32().ShouldBe(1);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_ApprovalApi(SqliteAppFixture fixture) : ApprovalApiTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSql_ApprovalApi(PostgresAppFixture fixture) : ApprovalApiTests(fixture);
