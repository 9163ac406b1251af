using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DxCollab.BrowserTests;

/// <summary>The real app on Kestrel (a loopback port, SQLite in a temp folder, demo accounts) and Debian's
/// Chromium driven by Playwright. One per test class.</summary>
public class BrowserFixture : IAsyncLifetime
{
    /// <summary>Demo accounts only by default: the journeys start from empty grids.</summary>
    protected virtual bool DemoFigures => false;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dxcollab-browser-" + Guid.NewGuid().ToString("N"));
    private WebApplicationFactory<Program> _factory = null!;
    private IPlaywright _playwright = null!;

    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    public string MailFolder => Path.Combine(_folder, "mail");
    /// <summary>The app's services, for journeys that need rows no page creates yet.</summary>
    public IServiceProvider Services => _factory.Services;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Testing");
            b.UseSetting("Database:Provider", "Sqlite");
            b.UseSetting("Database:ConnectionString", $"Data Source={Path.Combine(_folder, "app.db")}");
            b.UseSetting("Database:Demo", "true");
            // Every journey signs in from this one address: lift the per-address sign-in limit (20 per 5 minutes).
            b.UseSetting("Security:SignInRateLimit:PermitLimit", "1000000");
            b.UseSetting("Database:DemoFigures", DemoFigures ? "true" : "false");
            b.UseSetting("Email:PickupDirectory", MailFolder);
        });
        _factory.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        _factory.StartServer();
        BaseUrl = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');

        // Web-first assertions wait as long as actions do (Playwright's own default is 5 s, too short on two shared cores).
        Assertions.SetDefaultExpectTimeout(45_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = "ja-JP", TimezoneId = "Asia/Tokyo" });
        // Generous: CI shares two cores between the app, Chromium and the test runner.
        context.SetDefaultTimeout(45_000);
        context.SetDefaultNavigationTimeout(45_000);
        return Journeys.WatchContentSecurityPolicy(await context.NewPageAsync());
    }

    /// <summary>Notifies a user the way a module does: inside the tenant's scope, saved with its own DbContext.</summary>
    public async Task NotifyAsync(string tenantId, string email, Platform.Notifications.NotificationMessage message)
    {
        var services = _factory.Services;
        var tenant = await services.GetRequiredService<MultiTenancy.IMultiTenantStore<Platform.Tenancy.PrefectureTenant>>().GetAsync(tenantId);
        using var _ = services.GetRequiredService<MultiTenancy.TenantScope<Platform.Tenancy.PrefectureTenant>>().Begin(tenant, "test");
        await using var scope = services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Platform.Identity.AppUser>>().FindByEmailAsync(email);
        await scope.ServiceProvider.GetRequiredService<Platform.Notifications.NotificationService>().NotifyAsync([user!.Id], message);
        await scope.ServiceProvider.GetRequiredService<Platform.Data.DxCollabDbContext>().SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await _factory.DisposeAsync();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}

/// <summary>The app as `dotnet run` opens it: osaka and kyoto with the 2026-01 figures, demo inquiries and snapshots.</summary>
public sealed class DemoBrowserFixture : BrowserFixture
{
    protected override bool DemoFigures => true;
}
