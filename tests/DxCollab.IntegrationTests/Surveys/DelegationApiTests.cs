using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.Platform.Data;
using DxCollab.Platform.Identity;
using DxCollab.Surveys.Domain;
using DxCollab.Surveys.Forms;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.IntegrationTests.Surveys;

/// <summary>分担: the officer gives sections to colleagues of its own 団体 with an internal deadline; the colleague is
/// told, sees the section among "assigned to me" and marks it done; the officer sees 完了. Nobody of another 団体
/// sees or changes it.</summary>
public abstract class DelegationApiTests(AppFixture fixture) : AppTest(fixture)
{
    private const string Toyonaka = "272035";
    private const string Colleague = "toyonaka.kikaku@osaka.example", ColleaguePassword = "Kikaku-Toyonaka-2026!";

    private record ColleagueItem(string UserId, string Name, string Email);
    private record SectionItem(string SectionKey, string SectionTitle, string? AssigneeUserId, string? AssigneeName, DateOnly? InternalDeadline,
        string? Note, DateTime? CompletedAt, bool IsAssigned, bool IsDone);
    private record BoardItem(long SurveyId, string RespondentCode, string RespondentName, DateOnly Deadline, bool CanAssign,
        SectionItem[] Sections, ColleagueItem[] Colleagues);
    private record MineItem(long SurveyId, string SurveyTitle, string RespondentCode, string SectionKey, string SectionTitle,
        DateOnly InternalDeadline, string? Note, DateTime? CompletedAt, string AnswerLink);

    private static readonly DateOnly Deadline = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);

    private static SurveyForm Form() => new()
    {
        Sections =
        [
            new FormSection { Key = "s1", Title = "推進体制", Questions = [new Question { Key = "staff", Type = QuestionType.Integer, Text = "DX担当職員数" }] },
            new FormSection { Key = "s2", Title = "情報セキュリティ", Questions = [new Question { Key = "drill", Type = QuestionType.YesNo, Text = "訓練の実施" }] },
        ],
    };

    private Task<long> SurveyAsync(SurveyState state = SurveyState.Published) =>
        App.AddSurveyAsync("osaka", Form(), [Toyonaka, "273830"], state, deadline: Deadline, title: "情報化推進状況調査");

    private static string Url(long id, string code = Toyonaka) => $"/api/v1/osaka/surveys/{id}/responses/{code}/assignments";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        using var probe = App.CreateClient();
        using var login = await probe.PostAsJsonAsync(AppFixture.LoginPath("osaka"), new { email = Colleague, password = ColleaguePassword });
        if (!login.IsSuccessStatusCode)
            await App.CreateUserAsync("osaka", Colleague, ColleaguePassword, Toyonaka, Roles.MunicipalOfficer);
    }

    [Fact]
    public async Task The_officer_assigns_a_section_the_colleague_is_told_marks_it_done_and_the_officer_sees_it_done()
    {
        var id = await SurveyAsync();
        using var officer = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        var board = (await officer.GetFromJsonAsync<BoardItem>(Url(id)))!;
        board.CanAssign.ShouldBeTrue();
        board.RespondentName.ShouldBe("豊中市");
        board.Sections.Select(s => s.SectionTitle).ShouldBe(["推進体制", "情報セキュリティ"]);
        board.Colleagues.Select(c => c.Email).ShouldBe([Colleague, "toyonaka@osaka.example"], ignoreOrder: true);
        var colleague = board.Colleagues.Single(c => c.Email == Colleague);

        using var assigned = await officer.PutAsJsonAsync(Url(id), new
        {
            assignments = new object[]
            {
                new { sectionKey = "s2", assigneeUserId = colleague.UserId, internalDeadline = Deadline.AddDays(-5), note = "情報政策課で回答してください" },
            },
        });
        assigned.StatusCode.ShouldBe(HttpStatusCode.OK, await assigned.Content.ReadAsStringAsync());
        var section = (await assigned.Content.ReadFromJsonAsync<BoardItem>())!.Sections.Single(s => s.SectionKey == "s2");
        section.AssigneeUserId.ShouldBe(colleague.UserId);
        section.IsDone.ShouldBeFalse();

        using var assignee = await App.SignInAsync("osaka", Colleague, ColleaguePassword);
        var inbox = await assignee.GetFromJsonAsync<JsonElement>("/api/v1/osaka/notifications");
        var notice = inbox.GetProperty("items").EnumerateArray().Single(n => n.GetProperty("sourceKey").GetString() == $"Surveys:{id}:{Toyonaka}");
        notice.GetProperty("title").GetString().ShouldBe("照会「情報化推進状況調査」の「情報セキュリティ」の回答を依頼されました");
        notice.GetProperty("link").GetString().ShouldBe("/osaka/surveys/assignments");

        var mine = (await assignee.GetFromJsonAsync<MineItem[]>("/api/v1/osaka/surveys/assignments/mine"))!.Single(m => m.SurveyId == id);
        mine.SectionTitle.ShouldBe("情報セキュリティ");
        mine.InternalDeadline.ShouldBe(Deadline.AddDays(-5));
        mine.Note.ShouldBe("情報政策課で回答してください");
        mine.AnswerLink.ShouldBe($"/osaka/surveys/{id}/answer/{Toyonaka}#section-s2");
        (await officer.GetFromJsonAsync<MineItem[]>("/api/v1/osaka/surveys/assignments/mine"))!.ShouldNotContain(m => m.SurveyId == id);

        using var done = await assignee.PostAsync($"{Url(id)}/s2/done", null);
        done.StatusCode.ShouldBe(HttpStatusCode.OK, await done.Content.ReadAsStringAsync());
        var told = (await officer.GetFromJsonAsync<JsonElement>("/api/v1/osaka/notifications")).GetProperty("items").EnumerateArray()
            .Single(n => n.GetProperty("sourceKey").GetString() == $"Surveys:{id}:{Toyonaka}");
        told.GetProperty("title").GetString().ShouldBe("照会「情報化推進状況調査」の「情報セキュリティ」が完了しました");
        told.GetProperty("link").GetString().ShouldBe($"/osaka/surveys/{id}/answer/{Toyonaka}/delegation");
        var after = (await officer.GetFromJsonAsync<BoardItem>(Url(id)))!;
        after.Sections.Single(s => s.SectionKey == "s2").IsDone.ShouldBeTrue();
        after.Sections.Single(s => s.SectionKey == "s1").IsAssigned.ShouldBeFalse();

        var kinds = await App.InTenantAsync("osaka", sp => sp.GetRequiredService<DxCollabDbContext>().Set<SurveyResponseEvent>()
            .Where(e => e.SurveyId == id).OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync());
        kinds.ShouldBe([ResponseEventKind.SectionAssigned, ResponseEventKind.SectionCompleted]);

        // Taking the section back (not listed) removes it from the colleague's list.
        using var back = await officer.PutAsJsonAsync(Url(id), new { assignments = Array.Empty<object>() });
        back.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await assignee.GetFromJsonAsync<MineItem[]>("/api/v1/osaka/surveys/assignments/mine"))!.ShouldNotContain(m => m.SurveyId == id);
    }

    [Fact]
    public async Task A_user_of_another_organisation_or_a_deadline_after_the_answer_deadline_is_a_400_naming_the_section()
    {
        var id = await SurveyAsync();
        var chihayaUser = await App.InTenantAsync("osaka", async sp =>
            (await sp.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync("chihayaakasaka@osaka.example"))!.Id);
        using var officer = await App.SignInAsync("osaka", "toyonaka@osaka.example");

        using var stranger = await officer.PutAsJsonAsync(Url(id), new
        {
            assignments = new[] { new { sectionKey = "s1", assigneeUserId = chihayaUser, internalDeadline = Deadline } },
        });
        var problem = await stranger.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldError("assignments[0].assigneeUserId").ShouldBe("「推進体制」の担当者は、同じ団体の職員から選んでください。");

        var colleague = (await officer.GetFromJsonAsync<BoardItem>(Url(id)))!.Colleagues.Single(c => c.Email == Colleague);
        using var late = await officer.PutAsJsonAsync(Url(id), new
        {
            assignments = new[] { new { sectionKey = "s1", assigneeUserId = colleague.UserId, internalDeadline = Deadline.AddDays(1) } },
        });
        (await late.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldError("assignments[0].internalDeadline").ShouldContain("回答期限");

        using var unknown = await officer.PutAsJsonAsync(Url(id), new
        {
            assignments = new[] { new { sectionKey = "s9", assigneeUserId = colleague.UserId, internalDeadline = Deadline } },
        });
        (await unknown.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldError("assignments[0].sectionKey").ShouldContain("s9");

        (await officer.GetFromJsonAsync<BoardItem>(Url(id)))!.Sections.ShouldAllBe(s => !s.IsAssigned);
    }

    [Fact]
    public async Task An_officer_of_another_organisation_can_neither_see_nor_change_the_assignments()
    {
        var id = await SurveyAsync();
        using var officer = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        var colleague = (await officer.GetFromJsonAsync<BoardItem>(Url(id)))!.Colleagues.Single(c => c.Email == Colleague);
        using var _ = await officer.PutAsJsonAsync(Url(id), new
        {
            assignments = new[] { new { sectionKey = "s1", assigneeUserId = colleague.UserId, internalDeadline = Deadline } },
        });

        using var chihaya = await App.SignInAsync("osaka", "chihayaakasaka@osaka.example");
        using var read = await chihaya.GetAsync(Url(id));
        await read.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        using var change = await chihaya.PutAsJsonAsync(Url(id), new { assignments = Array.Empty<object>() });
        await change.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        using var done = await chihaya.PostAsync($"{Url(id)}/s1/done", null);
        await done.ShouldBeProblemAsync(HttpStatusCode.NotFound);

        // The prefecture's staff follow the 分担 but do not decide it; kyoto never reaches osaka's survey.
        using var admin = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        var staffView = (await admin.GetFromJsonAsync<BoardItem>(Url(id)))!;
        staffView.CanAssign.ShouldBeFalse();
        staffView.Sections.Single(s => s.SectionKey == "s1").AssigneeName.ShouldNotBeNullOrEmpty();
        using var staffChange = await admin.PutAsJsonAsync(Url(id), new { assignments = Array.Empty<object>() });
        await staffChange.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        using var kyoto = await App.SignInAsync("kyoto", "kasagi@kyoto.example");
        using var crossTenant = await kyoto.GetAsync(Url(id));
        crossTenant.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await officer.GetFromJsonAsync<BoardItem>(Url(id)))!.Sections.Single(s => s.SectionKey == "s1").IsAssigned.ShouldBeTrue();
    }

    [Fact]
    public async Task A_survey_still_in_draft_is_not_found_for_the_officer()
    {
        var id = await SurveyAsync(SurveyState.Draft);
        using var officer = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        using var response = await officer.GetAsync(Url(id));
        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}

[Collection(PostgresCollection.Name)]
public sealed class PostgreSql_DelegationApi(PostgresAppFixture fixture) : DelegationApiTests(fixture);

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_DelegationApi(SqliteAppFixture fixture) : DelegationApiTests(fixture);
