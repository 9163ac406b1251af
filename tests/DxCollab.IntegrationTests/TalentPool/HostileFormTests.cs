using System.Net;
using System.Text.RegularExpressions;
using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.Platform.Data;
using DxCollab.Platform.Validation;
using DxCollab.TalentPool.Domain;
using DxCollab.TalentPool.Pool;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DxCollab.IntegrationTests.TalentPool.PoolTestData;

namespace DxCollab.IntegrationTests.TalentPool;

/// <summary>Issue #13 on the 人材プール pages: the expert form and the request intake refuse what the API refuses (a name
/// of zero-width characters, a NUL in a note, a date of 9999-12-31), say why beside the form, and store nothing.</summary>
public abstract partial class HostileFormTests(AppFixture fixture) : AppTest(fixture)
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, string target, Dictionary<string, string> fields)
    {
        using var shown = await client.GetAsync(page);
        var html = await shown.Content.ReadAsStringAsync();
        shown.StatusCode.ShouldBe(HttpStatusCode.OK, html.Length > 500 ? html[..500] : html);
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(TokenPattern().Match(html).Groups[1].Value);
        return await client.PostAsync(target, new FormUrlEncodedContent(fields));
    }

    private static async Task ShouldBeRefusedWithAsync(HttpResponseMessage response, string message)
    {
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, html.Length > 500 ? html[..500] : html);
        WebUtility.HtmlDecode(html).ShouldContain(message);
    }

    private Task<(int Experts, int Requests)> CountsAsync() => App.InTenantAsync("osaka", async services =>
    {
        var db = services.GetRequiredService<DxCollabDbContext>();
        return (await db.Set<Expert>().CountAsync(), await db.Set<SupportRequest>().CountAsync());
    });

    public static TheoryData<string, string, string> ExpertFields => new()
    {
        { "Form.Name", "\u200B\u180E", "氏名を入力してください。" },
        { "Form.Note", "連絡は\u0001メールで", InputRules.ControlCharacterMessage },
        { "Form.Affiliation", "\u202E所属", InputRules.BidiMessage },
        { "Form.Availability[0].From", "9999-12-31", InputRules.DateRangeMessage },
        { "Form.Availability[0].Note", "\u200B", InputRules.InvisibleOnlyMessage },
    };

    [Theory]
    [MemberData(nameof(ExpertFields))]
    public async Task The_expert_form_refuses_hostile_text_and_dates_and_registers_no_one(string field, string value, string message)
    {
        using var admin = await App.SignInAsync("osaka", Admin);
        var before = await CountsAsync();
        var fields = new Dictionary<string, string>
        {
            ["Form.Name"] = "山田 太郎", ["Form.EngagementForm"] = "SideJob", ["Form.MonthlyCapacityHours"] = "20", ["Form.FundingTag"] = "OwnFunds",
            ["Form.Availability[0].From"] = "2027-04-01", ["Form.Availability[0].To"] = "2027-09-30",
        };
        fields[field] = value;
        using var refused = await PostFormAsync(admin, "/osaka/talent/experts/new", "/osaka/talent/experts/new", fields);
        await ShouldBeRefusedWithAsync(refused, message);
        (await CountsAsync()).ShouldBe(before);
    }

    public static TheoryData<string, string, string> RequestFields => new()
    {
        { "Form.Title", "\u200B\u180E", "相談の件名を入力してください。" },
        { "Form.Description", "内容\u0007です", InputRules.ControlCharacterMessage },
        { "Form.Description", "内容\u2066です", InputRules.BidiMessage },
        { "Form.PreferredFrom", "9999-12-31", InputRules.DateRangeMessage },
    };

    [Theory]
    [MemberData(nameof(RequestFields))]
    public async Task The_request_intake_refuses_hostile_text_and_dates_and_stores_no_request(string field, string value, string message)
    {
        using var officer = await App.SignInAsync("osaka", Toyonaka);
        var before = await CountsAsync();
        var fields = new Dictionary<string, string>
        {
            ["Form.Theme"] = "consult", ["Form.Title"] = "窓口のDXを相談したい", ["Form.Description"] = "何から始めればよいか分かりません。",
        };
        fields[field] = value;
        using var refused = await PostFormAsync(officer, "/osaka/talent/requests/new?theme=consult", "/osaka/talent/requests/new?handler=Submit", fields);
        await ShouldBeRefusedWithAsync(refused, message);
        (await CountsAsync()).ShouldBe(before);
    }

    /// <summary>A NUL cannot come through a urlencoded page form (the framework refuses it first), so the service the
    /// page calls is asked directly: the same refusal as every other control character.</summary>
    [Fact]
    public async Task The_expert_service_refuses_a_nul_in_a_note_and_registers_no_one()
    {
        var before = await CountsAsync();
        var outcome = await App.InTenantAsync("osaka", services => services.GetRequiredService<ExpertService>().CreateAsync(
            new ExpertInput("山田 太郎", EngagementForm.SideJob, null, null, 20, null, null, FundingTag.OwnFunds, [], [], "連絡は\0メールで"),
            AssignmentEndingTests.StaffUser()));
        (outcome.Field, outcome.Message).ShouldBe(("note", InputRules.ControlCharacterMessage));
        (await CountsAsync()).ShouldBe(before);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_TalentHostileForms(SqliteAppFixture fixture) : HostileFormTests(fixture);
