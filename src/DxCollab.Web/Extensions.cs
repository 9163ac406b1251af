using DxCollab.Hosting;
using DxCollab.Modules;
using DxCollab.Platform.Hosting;
using DxCollab.Platform.Modules;
using DxCollab.Web.Api;
using DxCollab.Web.Infrastructure;

namespace DxCollab.Web;

/// <summary>All wiring of the web host (eShop style), so Program.cs stays a few lines.</summary>
public static class Extensions
{
    /// <summary>The web host with the modules of <see cref="ModuleCatalog"/>, or <paramref name="modules"/> (test hosts).</summary>
    public static WebApplicationBuilder AddDxCollab(this WebApplicationBuilder builder, IReadOnlyList<IDxModule>? modules = null)
    {
        modules ??= ModuleCatalog.Modules;
        builder.AddObservability();
        // Modules' stylesheets are static web assets of their Razor class libraries (_content/…): served from the build
        // output in every environment (published apps carry them in wwwroot, where this finds no manifest and does nothing).
        builder.WebHost.UseStaticWebAssets();
        // Which server answers is nobody's business (no "Server: Kestrel").
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
        builder.Services.AddDxCollabCore(builder.Configuration, builder.Environment.ContentRootPath, modules);
        builder.Services.AddDxCollabAuthentication();
        builder.Services.AddSignInRateLimit(builder.Configuration);
        builder.Services.AddDxCollabProblemDetails();
        builder.Services.AddDxCollabPages(modules);
        builder.Services.AddDxCollabCompression();
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "DxCollab API";
            doc.Info.Description = "都道府県と市区町村の DX 協働基盤 DxCollab の API。テナント（都道府県）ごとに /api/v1/{tenant}/… で提供します。";
            return Task.CompletedTask;
        }));
        builder.Services.AddHealthChecks().AddDbContextCheck<Platform.Data.DxCollabDbContext>("database", tags: ["ready"]);
        return builder;
    }

    public static WebApplication UseDxCollab(this WebApplication app)
    {
        app.UseDxCollabErrorHandling();
        // HSTS only where the request arrived over HTTPS (behind a TLS proxy: with forwarded headers enabled), never in
        // development, whose localhost certificate should not be pinned in a developer's browser.
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.UseSecurityHeaders();
        app.UseResponseCompression();
        app.UseDxCollabStaticFiles();
        app.UseRouting();
        app.UseRateLimiter(); // sign-in attempts per address (SignInRateLimit)
        app.UseMultiTenantResolution();
        app.UseAuthentication();
        app.UseTenantAccessCheck();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseCookieApiAntiforgery();
        app.UseExportAudit();

        app.MapOpenApi();
        app.MapOpsDashboards();
        app.MapDxCollabHealth();
        app.MapDxCollabApi(app.Services.GetRequiredService<InstalledModules>().All);
        app.MapRazorPages();
        return app;
    }

    public static async Task InitializeDxCollabAsync(this WebApplication app)
    {
        await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(app.Lifetime.ApplicationStopping);
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var urls = string.Join(", ", app.Urls);
            app.Logger.LogInformation("DxCollab is running on {Urls}", urls);
            if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DatabaseOptions>>().Value.DemoEnabled)
                Console.WriteLine($"""

                    DxCollab デモモード: {urls}
                      ログイン: {string.Join(" / ", DemoData.Users.Select(u => u.Email))}
                      パスワード: {DemoData.Password}

                    """);
        });
    }
}
