using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.Platform.Calendar;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Text;
using DxCollab.TalentPool.Domain;
using DxCollab.TalentPool.Matching;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.IntegrationTests.TalentPool;

/// <summary>Arranges an assignment through the product's own API (expert account and profile, a request by 豊中市, the
/// prefecture's assignment) for the activity and report tests.</summary>
internal static class ActivityTestData
{
    public const string Toyonaka = "272035";
    public const string StaffEmail = "pref.admin@osaka.example";
    public const string ExpertPassword = "Expert-Activity-2026!";

    /// <summary>An assignment of three past months and this one, so visits can be logged in the past and today.</summary>
    public sealed record Arranged(long AssignmentId, long RequestId, long ExpertId, string ExpertEmail, DateOnly StartMonth, DateOnly Today);

    /// <summary>Test classes share their users until the next class starts: each test makes its own expert.</summary>
    public static string UniqueExpertEmail() => $"expert.{Guid.NewGuid().ToString("N")[..10]}@osaka.example";

    public static DateOnly TodayInTokyo => JapaneseCalendar.TodayInTokyo(DateTimeOffset.UtcNow);

    public static BusinessCalendar Calendar(this AppFixture app) => app.Factory.Services.GetRequiredService<BusinessCalendar>();

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>An Expert account with the e-mail, and the prefecture's profile for it (which links the two).</summary>
    public static async Task<long> ExpertAsync(this AppFixture app, HttpClient staff, string email, string name, int? onSiteDaysCap = 2,
        int? onlineHoursCap = 5, bool withAccount = true)
    {
        if (withAccount) await app.CreateUserAsync("osaka", email, ExpertPassword, null, Roles.Expert);
        var expert = await JsonAsync(await staff.PostAsJsonAsync("/api/v1/osaka/talent/experts", new
        {
            name, engagementForm = "Contractor", email, monthlyCapacityHours = 40, onSiteDaysCap, onlineHoursCap, fundingTag = "OwnFunds",
        }), HttpStatusCode.Created);
        return expert.GetProperty("id").GetInt64();
    }

    public static async Task<Arranged> AssignmentAsync(this AppFixture app, string? expertEmail = null, int hoursPerMonth = 6, bool withAccount = true)
    {
        expertEmail ??= UniqueExpertEmail();
        using var staff = await app.SignInAsync("osaka", StaffEmail);
        var expertId = await app.ExpertAsync(staff, expertEmail, "活動 太郎", withAccount: withAccount);
        using var toyonaka = await app.SignInAsync("osaka", "toyonaka@osaka.example");
        var request = await JsonAsync(await toyonaka.PostAsJsonAsync("/api/v1/osaka/talent/requests",
            new { title = "仕様書の書き方を見てほしい", description = "仕様書の書き方を相談したい", mode = "Either" }), HttpStatusCode.Created);
        var requestId = request.GetProperty("id").GetInt64();
        var today = TodayInTokyo;
        var start = new DateOnly(today.Year, today.Month, 1).AddMonths(-2);
        // A start month must not be past when assigning: the assignment is made by the service as of two months ago.
        var then = new FixedClock(FixedClock.Tokyo(start.Year, start.Month, 1));
        var assigned = await app.InTenantAsync("osaka", sp => sp.With<AssignmentService>(then).AssignAsync(
            new AssignmentInput(requestId, expertId, start.ToString("yyyy-MM"), start.AddMonths(2).ToString("yyyy-MM"), hoursPerMonth, SupportMode.Either),
            AssignmentEndingTests.StaffUser()));
        assigned.Succeeded.ShouldBeTrue(assigned.Message);
        return new Arranged(assigned.Value!.Id, requestId, expertId, expertEmail, start, today);
    }

    public static Task<HttpClient> ExpertClientAsync(this AppFixture app, Arranged arranged) =>
        app.SignInAsync("osaka", arranged.ExpertEmail, ExpertPassword);

    public static Task<HttpResponseMessage> LogAsync(HttpClient client, long assignmentId, DateOnly date, decimal hours, string mode,
        string summary = "現行業務の聞き取り", string tenant = "osaka") =>
        client.PostAsJsonAsync($"/api/v1/{tenant}/talent/assignments/{assignmentId}/activities",
            new { date = date.ToString("yyyy-MM-dd"), hours, mode, summary });
}
