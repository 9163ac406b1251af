using Microsoft.Playwright;

namespace DxCollab.BrowserTests;

/// <summary>What Chromium receives from the real server (Kestrel): a compressed page under our Content-Security-Policy,
/// no server name, stylesheets cached for a year under their version, and a page that works with all of it.</summary>
public sealed class WebDeliveryTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [JourneyFact]
    public async Task The_sign_in_page_arrives_compressed_under_the_policy_and_signing_in_works()
    {
        var page = await app.NewPageAsync();
        var stylesheets = new List<IResponse>();
        page.Response += (_, response) => { if (response.Url.Contains(".css")) lock (stylesheets) stylesheets.Add(response); };
        var response = (await page.GotoAsync("/login"))!;
        var headers = await response.AllHeadersAsync();
        headers.ShouldNotContainKey("server");
        headers["content-security-policy"].ShouldContain("script-src 'self';");
        headers["permissions-policy"].ShouldContain("camera=()");
        headers["content-encoding"].ShouldBeOneOf("br", "gzip");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        lock (stylesheets)
        {
            stylesheets.ShouldNotBeEmpty();
            foreach (var css in stylesheets)
            {
                css.Url.ShouldContain("?v=");
                css.Headers["cache-control"].ShouldBe("public, max-age=31536000, immutable");
            }
        }
        await Journeys.ShouldBeAccessibleAsync(page);

        await Journeys.SignInAsync(page, "大阪府", "pref.admin@osaka.example");
        await page.WaitForURLAsync(Journeys.Path("/osaka"));
        await page.GotoAsync("/osaka/migration");
        await Journeys.ShouldBeAccessibleAsync(page);
    }
}
