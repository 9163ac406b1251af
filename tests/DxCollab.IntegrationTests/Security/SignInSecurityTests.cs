using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DxCollab.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.IntegrationTests.Security;

/// <summary>A clock the tests can move forward: sessions and tokens expire without waiting hours.</summary>
public sealed class ShiftableClock : TimeProvider
{
    public TimeSpan Offset { get; set; }
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}

/// <summary>A host of its own: a small per-address sign-in limit (5) and a clock that can be moved.</summary>
public sealed class SignInSecurityFixture : SqliteAppFixture
{
    public const int Limit = 5;
    public ShiftableClock Clock { get; } = new();

    protected override async Task<Dictionary<string, string?>> PrepareAsync()
    {
        var settings = await base.PrepareAsync();
        settings["Security:SignInRateLimit:PermitLimit"] = Limit.ToString();
        return settings;
    }

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}

[CollectionDefinition(Name)]
public sealed class SignInSecurityCollection : ICollectionFixture<SignInSecurityFixture>
{
    public const string Name = "sign-in-security";
}

[Collection(SignInSecurityCollection.Name)]
public sealed class SignInSecurityTests(SignInSecurityFixture fixture) : AppTest(fixture)
{
    private readonly SignInSecurityFixture _fixture = fixture;

    /// <summary>A request from a given address (the test client has no address of its own).</summary>
    private Task<HttpContext> PostFromAsync(string address, string path, string body, string contentType = "application/json") =>
        App.Factory.Server.SendAsync(c =>
        {
            c.Connection.RemoteIpAddress = IPAddress.Parse(address);
            c.Request.Method = HttpMethods.Post;
            c.Request.Path = path;
            c.Request.Host = new HostString("localhost");
            c.Request.ContentType = contentType;
            var bytes = Encoding.UTF8.GetBytes(body);
            c.Request.ContentLength = bytes.Length;
            c.Request.Body = new MemoryStream(bytes);
        });

    private static async Task<string> BodyAsync(HttpContext c) => await new StreamReader(c.Response.Body).ReadToEndAsync();

    [Fact]
    public async Task Too_many_api_sign_ins_from_one_address_get_429_with_retry_after_others_are_not_throttled()
    {
        const string wrong = """{"email":"toyonaka@osaka.example","password":"Wrong-password-1"}""";
        for (var i = 0; i < SignInSecurityFixture.Limit; i++)
        {
            // Both levels share the address's budget. (These raw requests get 400 or 401: either way they count.)
            var attempt = await PostFromAsync("203.0.113.7", i % 2 == 0 ? "/api/v1/osaka/auth/login" : "/api/v1/auth/login", wrong);
            attempt.Response.StatusCode.ShouldNotBe(StatusCodes.Status429TooManyRequests, await BodyAsync(attempt));
        }
        var refused = await PostFromAsync("203.0.113.7", "/api/v1/osaka/auth/login", wrong);
        refused.Response.StatusCode.ShouldBe(StatusCodes.Status429TooManyRequests);
        int.Parse(refused.Response.Headers.RetryAfter.ToString()).ShouldBeInRange(1, 300);
        refused.Response.ContentType!.ShouldStartWith("application/problem+json");
        var problem = JsonDocument.Parse(await BodyAsync(refused)).RootElement;
        problem.GetProperty("title").GetString().ShouldBe("ログインの試行が多すぎます。");
        problem.GetProperty("detail").GetString()!.ShouldContain("分ほど待って");

        // Another address still reaches the sign-in (and the right password works there).
        var other = await PostFromAsync("203.0.113.8", "/api/v1/osaka/auth/login", """{"email":"toyonaka@osaka.example","password":"Wrong-password-1"}""");
        other.Response.StatusCode.ShouldNotBe(StatusCodes.Status429TooManyRequests);
    }

    [Fact]
    public async Task Too_many_login_page_posts_from_one_address_get_a_japanese_page_the_form_stays_visible()
    {
        for (var i = 0; i < SignInSecurityFixture.Limit; i++)
            (await PostFromAsync("198.51.100.4", "/osaka/login", "Email=a%40b.example&Password=x", "application/x-www-form-urlencoded"))
                .Response.StatusCode.ShouldNotBe(StatusCodes.Status429TooManyRequests);
        var refused = await PostFromAsync("198.51.100.4", "/osaka/login", "Email=a%40b.example&Password=x", "application/x-www-form-urlencoded");
        refused.Response.StatusCode.ShouldBe(StatusCodes.Status429TooManyRequests);
        refused.Response.Headers.RetryAfter.ToString().ShouldNotBeEmpty();
        (await BodyAsync(refused)).ShouldContain("ログインの試行が多すぎます。");
        var twoFactor = await PostFromAsync("198.51.100.4", "/osaka/login/two-factor", "Code=123456", "application/x-www-form-urlencoded");
        twoFactor.Response.StatusCode.ShouldBe(StatusCodes.Status429TooManyRequests);

        var page = await App.Factory.Server.SendAsync(c =>
        {
            c.Connection.RemoteIpAddress = IPAddress.Parse("198.51.100.4");
            c.Request.Method = HttpMethods.Get;
            c.Request.Path = "/osaka/login";
        });
        page.Response.StatusCode.ShouldBe(StatusCodes.Status200OK);
    }

    [Fact]
    public async Task An_access_token_expires_after_an_hour()
    {
        using var client = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        (await client.GetAsync("/api/v1/osaka/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        try
        {
            _fixture.Clock.Offset = TimeSpan.FromMinutes(59);
            (await client.GetAsync("/api/v1/osaka/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
            _fixture.Clock.Offset = TimeSpan.FromMinutes(61);
            (await client.GetAsync("/api/v1/osaka/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }
        finally { _fixture.Clock.Offset = TimeSpan.Zero; }
    }

    [Theory]
    [InlineData(false, 9, 7)]     // a session: 8 hours without a request
    [InlineData(true, 24 * 15, 24 * 13)] // "remember me": 14 days
    public async Task A_browser_session_ends_after_its_lifetime_and_the_login_page_is_shown(bool rememberMe, int expiredAfterHours, int aliveAfterHours)
    {
        var cookies = new CookieContainer();
        using var client = App.Factory.CreateDefaultClient(new Uri("http://localhost"), new CookieHandler(cookies));
        var form = await client.GetStringAsync("/osaka/login");
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        token.ShouldNotBeEmpty();
        using var signIn = await client.PostAsync("/osaka/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = "toyonaka@osaka.example", ["Password"] = Platform.Hosting.DemoData.Password,
            ["RememberMe"] = rememberMe ? "true" : "false", ["__RequestVerificationToken"] = token,
        }));
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var saved = cookies.GetAllCookies().ToList();
        try
        {
            _fixture.Clock.Offset = TimeSpan.FromHours(aliveAfterHours);
            using (var alive = await client.GetAsync("/osaka/notifications")) alive.StatusCode.ShouldBe(HttpStatusCode.OK);
            // Start again from the cookie as first issued, so the slide above does not count.
            var fresh = new CookieContainer();
            foreach (var c in saved) fresh.Add(c);
            using var later = App.Factory.CreateDefaultClient(new Uri("http://localhost"), new CookieHandler(fresh));
            _fixture.Clock.Offset = TimeSpan.FromHours(expiredAfterHours);
            using var expired = await later.GetAsync("/osaka/notifications");
            expired.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            expired.Headers.Location!.OriginalString.ShouldStartWith("/osaka/login");
        }
        finally { _fixture.Clock.Offset = TimeSpan.Zero; }
    }

    /// <summary>Keeps cookies without following redirects (the test looks at the redirect).</summary>
    private sealed class CookieHandler(CookieContainer cookies) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var uri = request.RequestUri!;
            var header = cookies.GetCookieHeader(uri);
            if (header.Length > 0) request.Headers.Add("Cookie", header);
            var response = await base.SendAsync(request, ct);
            if (response.Headers.TryGetValues("Set-Cookie", out var set))
                foreach (var c in set) cookies.SetCookies(uri, c);
            return response;
        }
    }
}
