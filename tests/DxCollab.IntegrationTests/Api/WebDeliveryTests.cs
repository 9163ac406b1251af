using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.Web.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DxCollab.IntegrationTests.Api;

/// <summary>How answers travel (#12, #13): pages and JSON compressed as the browser asks, downloads exactly as stored,
/// static files cached for a year only under their current version, the security headers on every answer, and
/// nothing with tokens, personal data or evidence left in a cache.</summary>
[Collection(SqliteCollection.Name)]
public sealed class WebDeliveryTests(SqliteAppFixture fixture) : AppTest(fixture)
{
    private const string EvidencePath = "/api/v1/osaka/migration/272035/住民基本台帳/steps/④-1/evidence";

    internal static HttpRequestMessage Get(string url, string? acceptEncoding)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (acceptEncoding is not null) request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        return request;
    }

    internal static async Task<string> DecodedAsync(HttpResponseMessage response)
    {
        await using var raw = await response.Content.ReadAsStreamAsync();
        await using Stream decoded = response.Content.Headers.ContentEncoding.SingleOrDefault() switch
        {
            "br" => new BrotliStream(raw, CompressionMode.Decompress),
            "gzip" => new GZipStream(raw, CompressionMode.Decompress),
            null => raw,
            var other => throw new InvalidOperationException($"unexpected encoding {other}"),
        };
        using var reader = new StreamReader(decoded, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task A_page_a_json_answer_and_a_problem_are_compressed_as_the_client_asks(string encoding)
    {
        using var anonymous = App.CreateClient();
        using var page = await anonymous.SendAsync(Get("/login", encoding));
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Content.Headers.ContentEncoding.ShouldBe([encoding]);
        page.Headers.Vary.ShouldContain("Accept-Encoding");
        (await DecodedAsync(page)).ShouldContain("<html lang=\"ja\">");

        using var client = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        using var json = await client.SendAsync(Get("/api/v1/osaka/organizations", $"{encoding}, identity"));
        json.StatusCode.ShouldBe(HttpStatusCode.OK);
        json.Content.Headers.ContentEncoding.ShouldBe([encoding]);
        JsonDocument.Parse(await DecodedAsync(json)).RootElement.GetArrayLength().ShouldBeGreaterThan(40);

        using var problem = await anonymous.SendAsync(Get("http://atlantis.dxcollab.example/api/v1/tenants", encoding));
        problem.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        problem.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        problem.Content.Headers.ContentEncoding.ShouldBe([encoding]);
        (await DecodedAsync(problem)).ShouldContain("「atlantis」");
    }

    [Fact]
    public async Task Over_https_pages_are_compressed_except_the_one_showing_the_authenticator_key()
    {
        using var client = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        using var home = await client.SendAsync(Get("https://localhost/osaka", "br"));
        home.StatusCode.ShouldBe(HttpStatusCode.OK);
        home.Content.Headers.ContentEncoding.ShouldBe(["br"]);
        using var security = await client.SendAsync(Get("https://localhost/osaka/account/security", "br"));
        security.StatusCode.ShouldBe(HttpStatusCode.OK);
        security.Content.Headers.ContentEncoding.ShouldBeEmpty();
        (await security.Content.ReadAsStringAsync()).ShouldContain("id=\"shared-key\"");
    }

    [Fact]
    public async Task A_client_that_asks_for_no_compression_gets_plain_text()
    {
        using var client = App.CreateClient();
        using var page = await client.SendAsync(Get("/login", null));
        page.Content.Headers.ContentEncoding.ShouldBeEmpty();
        (await page.Content.ReadAsStringAsync()).ShouldContain("<html lang=\"ja\">");
    }

    [Fact]
    public async Task An_evidence_download_goes_out_as_stored_and_is_never_cached()
    {
        using var toyonaka = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        var text = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("住民記録システム移行の議事録。", 400)));
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(text);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", "議事録.txt");
        using var created = await toyonaka.PostAsync(EvidencePath, form);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        using var download = await toyonaka.SendAsync(Get($"/api/v1/osaka/migration/evidence/{id}", "br, gzip"));
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        download.Content.Headers.ContentEncoding.ShouldBeEmpty();
        download.Content.Headers.ContentLength.ShouldBe(text.Length);
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(text);
        download.Headers.CacheControl!.NoStore.ShouldBeTrue();
    }

    [Fact]
    public void A_download_is_not_compressed_even_when_its_type_looks_like_a_page()
    {
        var provider = App.Factory.Services.GetRequiredService<IResponseCompressionProvider>();
        var http = new DefaultHttpContext();
        http.Response.ContentType = "text/html; charset=utf-8";
        provider.ShouldCompressResponse(http).ShouldBeTrue();
        http.Response.Headers.ContentDisposition = "attachment; filename=report.html";
        provider.ShouldCompressResponse(http).ShouldBeFalse();
    }

    [Fact]
    public async Task The_token_answer_signed_in_pages_and_the_password_form_are_no_store()
    {
        using var client = App.CreateClient();
        using var login = await client.PostAsJsonAsync(AppFixture.LoginPath("osaka"), new { email = "pref.admin@osaka.example", password = Platform.Hosting.DemoData.Password });
        login.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await login.Content.ReadAsStringAsync()).ShouldContain("refreshToken");
        login.Headers.CacheControl!.NoStore.ShouldBeTrue();

        using var signedIn = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        using var home = await signedIn.GetAsync("/osaka");
        home.StatusCode.ShouldBe(HttpStatusCode.OK);
        home.Headers.CacheControl!.NoStore.ShouldBeTrue();
        using var me = await signedIn.GetAsync("/api/v1/osaka/me");
        me.Headers.CacheControl!.NoStore.ShouldBeTrue();

        using var passwordPage = await client.GetAsync("/osaka/login"); // carries an anti-forgery token
        passwordPage.StatusCode.ShouldBe(HttpStatusCode.OK);
        passwordPage.Headers.CacheControl!.NoStore.ShouldBeTrue();
    }

    [Fact]
    public async Task Every_answer_carries_the_security_headers_and_names_no_server()
    {
        using var client = App.CreateClient();
        foreach (var path in new[] { "/login", "/api/v1/tenants", "/css/site.css", "/no-such-page" })
        {
            using var response = await client.GetAsync(path);
            response.Headers.GetValues("Content-Security-Policy").Single().ShouldBe(PipelineSetup.ContentSecurityPolicy, path);
            response.Headers.GetValues("Content-Security-Policy").Single().ShouldNotContain("unsafe-inline");
            response.Headers.GetValues("Permissions-Policy").Single().ShouldContain("camera=(), microphone=(), geolocation=()");
            response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
            response.Headers.Contains("Server").ShouldBeFalse(path);
        }
        // The test server never names itself: the setting is what keeps Kestrel quiet in production.
        App.Factory.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.AddServerHeader.ShouldBeFalse();
    }

    [Fact]
    public async Task Only_the_job_dashboard_may_run_inline_script()
    {
        using var ops = await App.SignInAsync(null, "ops@dxcollab.example");
        using var dashboard = await ops.GetAsync("/ops/hangfire");
        dashboard.StatusCode.ShouldBe(HttpStatusCode.OK);
        dashboard.Headers.GetValues("Content-Security-Policy").Single().ShouldBe(PipelineSetup.JobDashboardContentSecurityPolicy);
        using var home = await ops.GetAsync("/ops");
        home.Headers.GetValues("Content-Security-Policy").Single().ShouldBe(PipelineSetup.ContentSecurityPolicy);
    }

    [Fact]
    public async Task Hsts_is_sent_over_https_only()
    {
        using var client = App.CreateClient();
        using var secure = await client.GetAsync("https://osaka.dxcollab.example/health/live");
        secure.Headers.GetValues("Strict-Transport-Security").Single().ShouldStartWith("max-age=");
        using var plain = await client.GetAsync("http://osaka.dxcollab.example/health/live");
        plain.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
    }

    [Fact]
    public async Task Every_stylesheet_and_script_is_linked_with_its_version_and_cached_a_year_under_it()
    {
        using var client = App.CreateClient();
        var login = await client.GetStringAsync("/login");
        var links = Regex.Matches(login, "(?:href|src)=\"(/[^\"]+\\.(?:css|js|svg)[^\"]*)\"").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        links.ShouldContain(l => l.StartsWith("/css/site.css?v="));
        links.ShouldContain(l => l.StartsWith("/_content/DxCollab.Standardization/css/standardization.css?v="));
        links.ShouldAllBe(l => l.Contains("?v="));
        foreach (var link in links)
        {
            using var asset = await client.GetAsync(link);
            asset.StatusCode.ShouldBe(HttpStatusCode.OK, link);
            asset.Headers.CacheControl!.ToString().ShouldBe(WebDelivery.VersionedCacheControl, link);
        }

        // Without a version, or with one that is not the file's current hash: minutes, never immutable.
        foreach (var path in new[] { "/css/site.css", "/css/site.css?v=made-up", "/_content/DxCollab.Surveys/js/answering.js" })
        {
            using var asset = await client.GetAsync(path);
            asset.StatusCode.ShouldBe(HttpStatusCode.OK, path);
            asset.Headers.CacheControl!.ToString().ShouldBe(WebDelivery.UnversionedCacheControl, path);
        }
    }
}

/// <summary>The byte budget of #12 on the demo as `dotnet run` opens it: the largest page, the municipality grid of
/// 千早赤阪村 in osaka, travels in at most 150 KB whichever encoding the browser picks.</summary>
[Collection(DemoSqliteCollection.Name)]
public sealed class DemoPageSizeTests(DemoSqliteAppFixture fixture, Xunit.Abstractions.ITestOutputHelper output) : AppTest(fixture)
{
    [Theory]
    [InlineData("/osaka/migration/273830", "br")]
    [InlineData("/osaka/migration/273830", "gzip")]
    [InlineData("/osaka/migration", "br")]
    [InlineData("/osaka/migration", "gzip")]
    public async Task A_main_page_travels_in_at_most_150_KB(string path, string encoding)
    {
        using var client = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        using var response = await client.SendAsync(WebDeliveryTests.Get(path, encoding));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentEncoding.ShouldBe([encoding]);
        var transferred = (await response.Content.ReadAsByteArrayAsync()).Length;
        transferred.ShouldBeLessThanOrEqualTo(150 * 1024);
        using var again = await client.SendAsync(WebDeliveryTests.Get(path, encoding));
        var html = await WebDeliveryTests.DecodedAsync(again);
        html.ShouldContain("</html>");
        var size = Encoding.UTF8.GetByteCount(html);
        output.WriteLine($"{path} {encoding}: {transferred / 1024.0:0.0} KB transferred, {size / 1024.0:0.0} KB of HTML");
        size.ShouldBeGreaterThan(transferred * 3); // really compressed, not merely labelled
    }
}
