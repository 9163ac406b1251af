using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.IntegrationTests.Surveys;
using DxCollab.Platform.Data;
using DxCollab.Platform.Reminders;
using DxCollab.Procurement.Polls;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DxCollab.IntegrationTests.Procurement.ProcurementTestData;
using static DxCollab.IntegrationTests.Procurement.WorkspaceTestData;

namespace DxCollab.IntegrationTests.Procurement;

/// <summary>意向調査 through the API: the lead asks, candidates answer (conditions required for 条件付き参加, no answer after
/// the deadline or the close), results with who has not answered, the close sets the member list, reminders go once to
/// the unanswered only, a candidate sees its poll and not the workspace, kyoto learns nothing.</summary>
public abstract class PollApiTests(AppFixture fixture) : AppTest(fixture)
{
    private const string Suita = "272051", SuitaEmail = "suita.poll@osaka.example";

    private async Task<(HttpClient Lead, HttpClient Chihaya, HttpClient Suita, long Workspace)> ArrangeAsync()
    {
        if (!await App.InTenantAsync("osaka", sp => sp.GetRequiredService<DxCollabDbContext>().Users.AnyAsync(u => u.Email == SuitaEmail)))
            await App.CreateUserAsync("osaka", SuitaEmail, "Demo-2026!", Suita, "MunicipalOfficer");
        var lead = await App.SignInAsync("osaka", ToyonakaEmail);
        return (lead, await App.SignInAsync("osaka", ChihayaEmail), await App.SignInAsync("osaka", SuitaEmail), await CreateWorkspaceAsync(lead));
    }

    private static async Task<JsonElement> OpenAsync(HttpClient lead, long id, string deadline = "2031-09-30") =>
        await (await lead.PostAsJsonAsync($"{Procurements}/{id}/polls", new
        {
            question = "ビジネスチャットの共同調達に参加しますか", deadline, candidateCodes = new[] { Chihayaakasaka, Suita },
        })).ReadJsonAsync(HttpStatusCode.Created);

    private static Task<HttpResponseMessage> AnswerAsync(HttpClient officer, long id, long poll, string choice, string? conditions = null) =>
        officer.PutAsJsonAsync($"{Procurements}/{id}/polls/{poll}/answer", new { choice, conditions });

    [Fact]
    public async Task Candidates_answer_the_lead_sees_who_has_not_and_closing_makes_joiners_members_with_their_conditions()
    {
        var (lead, chihaya, suita, id) = await ArrangeAsync();
        var poll = (await OpenAsync(lead, id)).GetProperty("id").GetInt64();
        (await (await lead.GetAsync($"{Procurements}/{id}")).ReadJsonAsync()).GetProperty("phaseName").GetString().ShouldBe("意向調査");

        // The candidate sees its poll (title, lead) but not the workspace nor the others' answers.
        var asked = await (await chihaya.GetAsync($"{Procurements}/{id}/polls/{poll}")).ReadJsonAsync();
        asked.GetProperty("leadOrganizationName").GetString().ShouldBe("豊中市");
        asked.GetProperty("results").ValueKind.ShouldBe(JsonValueKind.Null);
        asked.GetProperty("mayAnswer").GetBoolean().ShouldBeTrue();
        await (await chihaya.GetAsync($"{Procurements}/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await (await chihaya.GetAsync($"{Procurements}/polls/asked")).ReadJsonAsync()).EnumerateArray().ShouldContain(p => p.GetProperty("id").GetInt64() == poll);

        (await (await AnswerAsync(chihaya, id, poll, "Conditional", " ")).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .FieldError("conditions").ShouldNotBeNullOrWhiteSpace();
        await (await AnswerAsync(chihaya, id, poll, "Decline")).ReadJsonAsync();
        var changed = await (await AnswerAsync(chihaya, id, poll, "Conditional", "令和9年度予算の議決が条件")).ReadJsonAsync();
        changed.GetProperty("myAnswer").GetProperty("choiceName").GetString().ShouldBe("条件付き参加");
        await (await AnswerAsync(lead, id, poll, "Join")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        var results = (await (await lead.GetAsync($"{Procurements}/{id}/polls/{poll}")).ReadJsonAsync()).GetProperty("results");
        results.GetProperty("conditional").GetInt32().ShouldBe(1);
        results.GetProperty("unanswered").GetInt32().ShouldBe(1);
        results.GetProperty("notAnswered").EnumerateArray().Single().GetProperty("organizationName").GetString().ShouldBe("吹田市");

        await (await chihaya.PostAsync($"{Procurements}/{id}/polls/{poll}/close", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await AnswerAsync(suita, id, poll, "Decline")).ReadJsonAsync();
        (await (await lead.PostAsync($"{Procurements}/{id}/polls/{poll}/close", null)).ReadJsonAsync()).GetProperty("isOpen").GetBoolean().ShouldBeFalse();

        var member = await MemberAsync(lead, id, Chihayaakasaka);
        member.GetProperty("state").GetString().ShouldBe("Active");
        member.GetProperty("role").GetString().ShouldBe("Member");
        member.GetProperty("conditions").GetString().ShouldBe("令和9年度予算の議決が条件");
        (await MemberAsync(lead, id, Suita)).GetProperty("state").GetString().ShouldBe("Declined");
        (await (await chihaya.GetAsync($"{Procurements}/{id}")).ReadJsonAsync()).GetProperty("mySeat").GetString().ShouldBe("Member");
        await (await suita.GetAsync($"{Procurements}/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await (await AnswerAsync(chihaya, id, poll, "Join")).ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString()!
            .ShouldContain("締め切られました");
    }

    [Fact]
    public async Task A_poll_needs_a_deadline_from_today_and_an_answer_after_the_deadline_is_refused_with_the_reason()
    {
        var (lead, chihaya, _, id) = await ArrangeAsync();
        (await (await lead.PostAsJsonAsync($"{Procurements}/{id}/polls", new { question = "参加しますか", deadline = "2020-01-10" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldError("deadline").ShouldNotBeNullOrWhiteSpace();
        (await (await lead.PostAsJsonAsync($"{Procurements}/{id}/polls", new { question = "参加しますか", deadline = "2031-01-10", candidateCodes = new[] { "261009" } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldError("candidateCodes").ShouldNotBeNullOrWhiteSpace();
        await (await chihaya.PostAsJsonAsync($"{Procurements}/{id}/polls", new { question = "参加しますか", deadline = "2031-01-10" }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);

        var poll = (await OpenAsync(lead, id)).GetProperty("id").GetInt64();
        await (await lead.PostAsJsonAsync($"{Procurements}/{id}/polls", new { question = "二つ目", deadline = "2031-01-10" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        // Arranged: the deadline has passed (the API accepts only today or later).
        await App.InTenantAsync("osaka", sp => sp.GetRequiredService<DxCollabDbContext>().Set<IntentPoll>().Where(p => p.Id == poll)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Deadline, new DateOnly(2024, 1, 5))));
        (await (await AnswerAsync(chihaya, id, poll, "Join")).ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString()!
            .ShouldContain("回答期限（令和6年1月5日（2024-01-05））を過ぎた");
    }

    [Fact]
    public async Task The_unanswered_candidates_officers_are_reminded_two_business_days_before_and_on_the_day_each_once()
    {
        var (lead, chihaya, _, id) = await ArrangeAsync();
        var poll = (await OpenAsync(lead, id, deadline: "2031-09-30")).GetProperty("id").GetInt64();
        await (await AnswerAsync(chihaya, id, poll, "Join")).ReadJsonAsync();
        Task Scan(int month, int day) => App.InTenantAsync("osaka", sp => sp.With<ReminderEngine>(new FixedClock(FixedClock.Tokyo(2031, month, day))).RunAsync());
        async Task<int> RemindedAsync(string email) =>
            (await App.InboxAsync("osaka", email)).Count(n => n.Title.StartsWith("意向調査への回答をお願いします") && n.Link == $"/osaka/procurement/{id}/polls/{poll}");

        await Scan(9, 25); // Thu: more than 2 開庁日 before Tue 9-30
        (await RemindedAsync(SuitaEmail)).ShouldBe(0);
        await Scan(9, 26); // Fri: 2 開庁日 before
        await Scan(9, 29);
        (await RemindedAsync(SuitaEmail)).ShouldBe(1);
        await Scan(9, 30); // the day
        await Scan(9, 30);
        (await RemindedAsync(SuitaEmail)).ShouldBe(2);
        (await RemindedAsync(ChihayaEmail)).ShouldBe(0);
    }

    [Fact]
    public async Task Kyoto_neither_sees_nor_answers_osakas_poll_and_a_body_not_asked_learns_nothing()
    {
        var (lead, _, _, id) = await ArrangeAsync();
        var poll = (await OpenAsync(lead, id)).GetProperty("id").GetInt64();
        using var kasagi = await App.SignInAsync("kyoto", "kasagi@kyoto.example");
        await (await kasagi.GetAsync($"/api/v1/kyoto/procurements/{id}/polls/{poll}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await kasagi.PutAsJsonAsync($"/api/v1/kyoto/procurements/{id}/polls/{poll}/answer", new { choice = "Join" }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await (await kasagi.GetAsync("/api/v1/kyoto/procurements/polls/asked")).ReadJsonAsync()).GetArrayLength().ShouldBe(0);

        await App.CreateUserAsync("osaka", "ikeda.poll@osaka.example", "Demo-2026!", "272043", "MunicipalOfficer");
        using var ikeda = await App.SignInAsync("osaka", "ikeda.poll@osaka.example");
        await (await ikeda.GetAsync($"{Procurements}/{id}/polls/{poll}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await ikeda.GetAsync($"{Procurements}/{id}/polls")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_PollApi(SqliteAppFixture fixture) : PollApiTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSql_PollApi(PostgresAppFixture fixture) : PollApiTests(fixture);
