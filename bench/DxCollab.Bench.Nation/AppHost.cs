using DxCollab.MultiTenancy;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Tenancy;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.Bench.Nation;

/// <summary>The app's services in this process (no HTTP server; in-memory messaging needs Hosting:Role=All, so its own
/// recurring scan and digest are moved to 1 January, out of the way) on a benchmark database: one "worker" of the
/// reminder scan, and the place to add the NationalViewer the generated nation lacks.</summary>
internal sealed class AppHost : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _factory;
    private readonly string _folder = Directory.CreateTempSubdirectory("dxcollab-nation-host-").FullName;

    public AppHost(BenchDatabase db)
    {
        var root = Path.Combine(Machine.RepositoryRoot, "src", "DxCollab.Web");
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_DXCOLLAB_WEB", root);
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseContentRoot(root);
            b.UseEnvironment("Production");
            b.UseSetting("Database:Provider", db.Provider.ToString());
            b.UseSetting("Database:ConnectionString", db.AppConnection);
            b.UseSetting("Database:MigrationsConnectionString", db.OwnerConnection);
            b.UseSetting("Database:Demo", "false");
            b.UseSetting("Jobs:ReminderScanCron", "0 3 1 1 *");
            b.UseSetting("Jobs:DigestCron", "0 3 1 1 *");
            b.UseSetting("Email:PickupDirectory", Path.Combine(_folder, "mail"));
            b.UseSetting("Logging:LogLevel:Default", "Warning");
            b.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Warning");
            b.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Warning");
            // The losing worker's insert of an already-sent reminder fails on the unique key by design: not news.
            b.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Update", "Critical");
        });
        _ = _factory.Services; // builds the host (migrations already applied: a no-op)
    }

    public IServiceProvider Services => _factory.Services;

    /// <summary>A host-level NationalViewer with the documented password, unless it exists.</summary>
    public async Task EnsureNationalViewerAsync(string email, string password)
    {
        using var _ = Services.GetRequiredService<TenantScope<PrefectureTenant>>().Begin(PrefectureCatalog.Host, "bench");
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByEmailAsync(email) is not null) return;
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "国 閲覧者（ベンチマーク）" };
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRoleAsync(user, Roles.NationalViewer));
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
