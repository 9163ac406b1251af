using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.Platform.Data;
using DxCollab.Platform.Hosting;
using DxCollab.Platform.Identity;
using DxCollab.Surveys.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DxCollab.IntegrationTests.Surveys.AnsweringTestData;

namespace DxCollab.IntegrationTests.Surveys;

/// <summary>Who a section may be given to: the 団体's active officers (MunicipalOfficers), as the rest of the product
/// defines "its officers"; for a prefecture department, the prefecture's active staff.</summary>
public abstract class DelegationColleaguesTests(AppFixture fixture) : AppTest(fixture)
{
    private static readonly DateOnly Deadline = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);

    private static SurveyForm Form() => new()
    {
        Sections = [new FormSection { Key = "s1", Title = "推進体制", Questions = [new Question { Key = "staff", Type = QuestionType.Integer, Text = "職員数" }] }],
    };

    private static string Url(long id, string code) => $"/api/v1/osaka/surveys/{id}/responses/{code}/assignments";

    private static async Task<string[]> ColleagueEmailsAsync(HttpClient client, long id, string code)
    {
        var board = await client.GetFromJsonAsync<JsonElement>(Url(id, code));
        return [.. board.GetProperty("colleagues").EnumerateArray().Select(c => c.GetProperty("email").GetString()!)];
    }

    [Fact]
    public async Task Only_the_団体_s_active_officers_are_offered_not_an_expert_placed_in_it_a_deactivated_officer_or_another_団体_s()
    {
        await App.CreateUserAsync("osaka", "kikaku.colleague@osaka.example", DemoData.Password, Toyonaka, Roles.MunicipalOfficer);
        await App.CreateUserAsync("osaka", "gone.colleague@osaka.example", DemoData.Password, Toyonaka, Roles.MunicipalOfficer);
        await App.DeactivateUserAsync("osaka", "gone.colleague@osaka.example");
        await App.CreateUserAsync("osaka", "expert.placed@osaka.example", DemoData.Password, Toyonaka, Roles.Expert);
        var id = await App.AddSurveyAsync("osaka", Form(), [Toyonaka], deadline: Deadline);
        using var officer = await App.SignInAsync("osaka", "toyonaka@osaka.example");

        (await ColleagueEmailsAsync(officer, id, Toyonaka)).ShouldBe(["kikaku.colleague@osaka.example", "toyonaka@osaka.example"]);

        // Giving a section to the expert is refused: not one of the 団体's officers.
        var board = await officer.GetFromJsonAsync<JsonElement>(Url(id, Toyonaka));
        board.GetProperty("canAssign").GetBoolean().ShouldBeTrue();
        var expertId = await App.InTenantAsync("osaka", sp => sp.GetRequiredService<DxCollabDbContext>().Users
            .Where(u => u.Email == "expert.placed@osaka.example").Select(u => u.Id).SingleAsync());
        using var refused = await officer.PutAsJsonAsync(Url(id, Toyonaka), new
        {
            assignments = new[] { new { sectionKey = "s1", assigneeUserId = expertId, internalDeadline = Deadline } },
        });
        (await refused.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldError("assignments[0].assigneeUserId").ShouldContain("同じ団体の職員");
    }

    [Fact]
    public async Task A_department_s_sections_go_to_the_prefecture_s_staff_not_to_a_municipal_officer()
    {
        await App.CreateUserAsync("osaka", "jinji.staff@osaka.example", DemoData.Password, "270008", Roles.PrefectureStaff);
        var department = await App.CreateDepartmentAsync("osaka", "総務部 人事課");
        var code = $"D{department}";
        var id = await App.AddSurveyAsync("osaka", Form(), [code], deadline: Deadline);
        using var staff = await App.SignInAsync("osaka", "pref.admin@osaka.example");

        var emails = await ColleagueEmailsAsync(staff, id, code);
        emails.ShouldContain("jinji.staff@osaka.example");
        emails.ShouldContain("pref.admin@osaka.example");
        emails.ShouldNotContain("toyonaka@osaka.example");
        emails.ShouldBe([.. emails.Order(StringComparer.Ordinal)]);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_DelegationColleagues(SqliteAppFixture fixture) : DelegationColleaguesTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSql_DelegationColleagues(PostgresAppFixture fixture) : DelegationColleaguesTests(fixture);
