using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.Platform.Calendar;
using DxCollab.Platform.Text;
using Microsoft.Extensions.DependencyInjection;
using static DxCollab.IntegrationTests.Surveys.RelayTestData;

namespace DxCollab.IntegrationTests.Surveys;

/// <summary>Closing does not happen by accident while a 団体 still has time: a granted extension still running or an
/// extension request not yet decided makes close answer 409 listing them, until the caller confirms (API
/// <c>?confirm=true</c>, the page's checkbox).</summary>
public abstract class CloseWarningTests(AppFixture fixture) : AppTest(fixture)
{
    private const string Api = "/api/v1/osaka/surveys";
    private const string Toyonaka = "272035", Chihaya = "273830";

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            response.StatusCode.ShouldBe(expected, body);
            return JsonDocument.Parse(body).RootElement.Clone();
        }
    }

    /// <summary>Published to 豊中市 and 千早赤阪村; 豊中市 asks for a later deadline, and 千早赤阪村's request is granted
    /// when <paramref name="grantChihaya"/>. Returns the survey id and its deadline.</summary>
    private async Task<(long Id, DateOnly Deadline)> WithExtensionsAsync(HttpClient admin, bool grantChihaya)
    {
        var deadline = App.Factory.Services.GetRequiredService<BusinessCalendar>()
            .MoveDeadline(JapaneseCalendar.TodayInTokyo(DateTimeOffset.UtcNow).AddDays(21), DeadlineShift.Later);
        var id = (await JsonAsync(await admin.PostAsJsonAsync(Api, new
        {
            title = "テレワークの実施状況", legalBasis = "地方自治法第245条の4", contact = "DX推進課", deadline = deadline.ToString("yyyy-MM-dd"),
        }), HttpStatusCode.Created)).GetProperty("id").GetInt64();
        await JsonAsync(await admin.PutAsJsonAsync($"{Api}/{id}/form", new
        {
            sections = new[] { new { key = "", title = "実施", questions = new object[] { new { key = "", type = "YesNo", text = "テレワークを実施していますか" } } } },
        }));
        await JsonAsync(await admin.PutAsJsonAsync($"{Api}/{id}/roster", new { mode = "Picked", codes = new[] { Toyonaka, Chihaya } }));
        await JsonAsync(await admin.PostAsync($"{Api}/{id}/publish", null));

        using var toyonaka = await OfficerAsync(App, "osaka", Toyonaka);
        await JsonAsync(await toyonaka.PostAsJsonAsync($"{ResponsePath("osaka", id, Toyonaka)}/extension",
            new { requestedDeadline = deadline.AddDays(10).ToString("yyyy-MM-dd"), reason = "決裁に時間がかかるため" }), HttpStatusCode.Created);
        if (grantChihaya)
        {
            using var chihaya = await OfficerAsync(App, "osaka", Chihaya);
            var request = await JsonAsync(await chihaya.PostAsJsonAsync($"{ResponsePath("osaka", id, Chihaya)}/extension",
                new { requestedDeadline = deadline.AddDays(20).ToString("yyyy-MM-dd"), reason = "担当者不在のため" }), HttpStatusCode.Created);
            await JsonAsync(await admin.PostAsJsonAsync($"{ResponsePath("osaka", id, Chihaya)}/extension/{request.GetProperty("id").GetInt64()}/decision",
                new { decision = "grant" }));
        }
        return (id, deadline);
    }

    [Fact]
    public async Task Close_is_refused_listing_a_pending_request_and_a_running_extension_until_confirmed()
    {
        using var admin = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        var (id, deadline) = await WithExtensionsAsync(admin, grantChihaya: true);

        using (var refused = await admin.PostAsync($"{Api}/{id}/close", null))
        {
            var problem = await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict);
            problem.Detail()!.ShouldContain("2");
            var open = problem.GetProperty("openExtensions").EnumerateArray()
                .Select(o => (o.GetProperty("respondentCode").GetString(), o.GetProperty("pending").GetBoolean(), o.GetProperty("deadline").GetString()))
                .ToList();
            open.ShouldBe([(Toyonaka, true, deadline.AddDays(10).ToString("yyyy-MM-dd")), (Chihaya, false, deadline.AddDays(20).ToString("yyyy-MM-dd"))]);
        }
        (await JsonAsync(await admin.GetAsync($"{Api}/{id}"))).GetProperty("state").GetString().ShouldBe("Published");
        using (var officer = await OfficerAsync(App, "osaka", Toyonaka))
        using (var r = await officer.PostAsync($"{Api}/{id}/close?confirm=true", null))
            await r.ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        (await JsonAsync(await admin.PostAsync($"{Api}/{id}/close?confirm=true", null))).GetProperty("state").GetString().ShouldBe("Closed");
    }

    [Fact]
    public async Task A_survey_whose_only_extension_request_was_refused_closes_without_confirmation()
    {
        using var admin = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        var (id, _) = await WithExtensionsAsync(admin, grantChihaya: false);
        var request = (await JsonAsync(await admin.GetAsync(ResponsePath("osaka", id, Toyonaka)))).GetProperty("extensions")[0].GetProperty("id").GetInt64();
        await JsonAsync(await admin.PostAsJsonAsync($"{ResponsePath("osaka", id, Toyonaka)}/extension/{request}/decision", new { decision = "refuse" }));

        (await JsonAsync(await admin.PostAsync($"{Api}/{id}/close", null))).GetProperty("state").GetString().ShouldBe("Closed");
    }

    [Fact]
    public async Task An_undecided_request_of_a_団体_that_has_since_submitted_does_not_hold_the_close_back()
    {
        using var admin = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        var (id, _) = await WithExtensionsAsync(admin, grantChihaya: false);
        var key = (await JsonAsync(await admin.GetAsync($"{Api}/{id}"))).GetProperty("form").GetProperty("sections")[0]
            .GetProperty("questions")[0].GetProperty("key").GetString()!;
        await SubmitAsync(App, "osaka", id, Toyonaka, new() { [key] = Value("yes") });

        (await JsonAsync(await admin.PostAsync($"{Api}/{id}/close", null))).GetProperty("state").GetString().ShouldBe("Closed");
    }

    /// <summary>An answer returned (差戻し) and not yet resubmitted would be left without an answer by closing (and a relayed
    /// survey's 確報 without its figure): the close is refused listing it, with the 差戻し comment, until confirmed.</summary>
    [Fact]
    public async Task Close_is_refused_listing_an_answer_returned_and_not_yet_resubmitted_until_confirmed()
    {
        using var admin = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        var (id, deadline) = await WithExtensionsAsync(admin, grantChihaya: false);
        var key = (await JsonAsync(await admin.GetAsync($"{Api}/{id}"))).GetProperty("form").GetProperty("sections")[0]
            .GetProperty("questions")[0].GetProperty("key").GetString()!;
        await SubmitAsync(App, "osaka", id, Toyonaka, new() { [key] = Value("yes") });
        await JsonAsync(await admin.PostAsJsonAsync($"{ResponsePath("osaka", id, Toyonaka)}/return", new { comment = "実施日数を確認してください" }));

        using (var refused = await admin.PostAsync($"{Api}/{id}/close", null))
        {
            var problem = await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict);
            problem.Detail()!.ShouldContain("豊中市");
            // 豊中市's extension request is still undecided too (listed apart); the 差戻し is its own entry.
            var open = problem.GetProperty("openExtensions").EnumerateArray().Single(o => o.GetProperty("returned").GetBoolean());
            open.GetProperty("respondentCode").GetString().ShouldBe(Toyonaka);
            open.GetProperty("reason").GetString().ShouldBe("実施日数を確認してください");
            open.GetProperty("deadline").GetString().ShouldBe(deadline.ToString("yyyy-MM-dd"));
        }
        (await JsonAsync(await admin.PostAsync($"{Api}/{id}/close?confirm=true", null))).GetProperty("state").GetString().ShouldBe("Closed");
    }

    [Fact]
    public async Task Two_staff_closing_then_reopening_at_the_same_moment_do_it_once_and_the_second_is_told()
    {
        using var admin = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        using var staff = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        var (id, _) = await WithExtensionsAsync(admin, grantChihaya: false);

        var closes = await Task.WhenAll(admin.PostAsync($"{Api}/{id}/close?confirm=true", null), staff.PostAsync($"{Api}/{id}/close?confirm=true", null));
        closes.Select(r => r.StatusCode).Order().ShouldBe([HttpStatusCode.OK, HttpStatusCode.Conflict]);
        // Told either way: before its own check ("only an open survey") or at the move ("another staff member closed it").
        (await closes.Single(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBeProblemAsync(HttpStatusCode.Conflict)).Detail()!.ShouldContain("締め切");

        var reason = new { reason = "豊中市の回答を直すため" };
        var reopens = await Task.WhenAll(admin.PostAsJsonAsync($"{Api}/{id}/reopen", reason), staff.PostAsJsonAsync($"{Api}/{id}/reopen", reason));
        reopens.Select(r => r.StatusCode).Order().ShouldBe([HttpStatusCode.OK, HttpStatusCode.Conflict]);
        foreach (var r in closes.Concat(reopens)) r.Dispose();
        // 豊中市 (its deadline not passed) is told of the reopening once, not once per click.
        using var toyonaka = await OfficerAsync(App, "osaka", Toyonaka);
        var notices = await JsonAsync(await toyonaka.GetAsync("/api/v1/osaka/notifications?pageSize=100"));
        notices.ToString().Split("修正のため再開").Length.ShouldBe(2, notices.ToString());
    }

    [Fact]
    public async Task The_detail_page_lists_them_beside_the_close_button_and_closes_only_with_the_box_ticked()
    {
        using var admin = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        var (id, _) = await WithExtensionsAsync(admin, grantChihaya: true);
        var path = $"/osaka/surveys/{id}";

        async Task<(HttpResponseMessage Response, string Html)> PostCloseAsync(bool confirm)
        {
            var page = await admin.GetStringAsync(path);
            var token = Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
            var fields = new Dictionary<string, string> { ["__RequestVerificationToken"] = token };
            if (confirm) fields["ConfirmClose"] = "true";
            var response = await admin.PostAsync($"{path}?handler=Close", new FormUrlEncodedContent(fields));
            return (response, await response.Content.ReadAsStringAsync());
        }

        var detail = await admin.GetStringAsync(path);
        detail.ShouldContain("id=\"close-warning\"");
        detail.ShouldContain("豊中市（272035）: 延長の申出（未回答）");
        detail.ShouldContain("千早赤阪村（273830）: 延長を承認済み");
        detail.ShouldContain("<label for=\"confirm-close\">");

        var (refused, html) = await PostCloseAsync(confirm: false);
        using (refused)
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
            html.ShouldContain("id=\"form-error\"");
            html.ShouldContain("期限延長中、延長の申出に未回答、または差し戻して再提出を待っている団体が 2 あります");
        }
        var (closed, _) = await PostCloseAsync(confirm: true);
        using (closed) closed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await JsonAsync(await admin.GetAsync($"{Api}/{id}"))).GetProperty("state").GetString().ShouldBe("Closed");
        (await admin.GetStringAsync(path)).ShouldContain("id=\"reopen-form\"");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_CloseWarning(SqliteAppFixture fixture) : CloseWarningTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSql_CloseWarning(PostgresAppFixture fixture) : CloseWarningTests(fixture);
