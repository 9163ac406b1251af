using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using DxCollab.IntegrationTests.Infrastructure;

namespace DxCollab.IntegrationTests.Api;

/// <summary>A changing API call that the sign-in cookie authenticates needs the page's anti-forgery token, as a form post
/// does; bearer calls and reads do not.</summary>
[Collection(SqliteCollection.Name)]
public sealed class CookieApiAntiforgeryTests(SqliteAppFixture fixture) : AppTest(fixture)
{
    private const string ReadAll = "/api/v1/osaka/notifications/read-all";

    private static string Token(string html) => WebUtility.HtmlDecode(
        Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value);

    /// <summary>Signs in through the login form, as a browser does: the client keeps the cookie.</summary>
    private async Task<HttpClient> CookieSessionAsync()
    {
        var client = App.CreateClient();
        var form = await client.GetStringAsync("/osaka/login");
        using var login = await client.PostAsync("/osaka/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = "pref.admin@osaka.example", ["Password"] = Platform.Hosting.DemoData.Password, ["__RequestVerificationToken"] = Token(form),
        }));
        login.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return client;
    }

    [Fact]
    public async Task A_cookie_call_without_the_pages_token_is_refused_with_a_problem_and_changes_nothing()
    {
        using var client = await CookieSessionAsync();
        (await client.GetAsync("/api/v1/osaka/me")).StatusCode.ShouldBe(HttpStatusCode.OK); // reads need no token

        using var refused = await client.PostAsync(ReadAll, null);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await refused.Content.ReadAsStringAsync()).ShouldContain("RequestVerificationToken");

        using var forged = new HttpRequestMessage(HttpMethod.Post, ReadAll);
        forged.Headers.Add("RequestVerificationToken", "not-a-token");
        (await client.SendAsync(forged)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_cookie_call_with_the_token_of_a_signed_in_page_is_served()
    {
        using var client = await CookieSessionAsync();
        var token = Token(await client.GetStringAsync("/osaka"));
        token.ShouldNotBeNullOrEmpty();
        using var request = new HttpRequestMessage(HttpMethod.Post, ReadAll);
        request.Headers.Add("RequestVerificationToken", token);
        using var response = await client.SendAsync(request);
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_bearer_call_needs_no_token()
    {
        using var client = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        client.DefaultRequestHeaders.Authorization.ShouldBeOfType<AuthenticationHeaderValue>();
        using var response = await client.PostAsync(ReadAll, null);
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync());
    }
}
