using DxCollab.MultiTenancy;
using DxCollab.Platform.Modules;
using DxCollab.Platform.Tenancy;
using Hangfire;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace DxCollab.Web.Infrastructure;

public static class PipelineSetup
{
    public static IApplicationBuilder UseMultiTenantResolution(this IApplicationBuilder app) => app.UseMultiTenant<PrefectureTenant>();
    public static IApplicationBuilder UseTenantAccessCheck(this IApplicationBuilder app) =>
        app.UseTenantClaimCheck<PrefectureTenant>().UseMiddleware<BearerTokenRevocation>();

    /// <summary>No script, style or plug-in from elsewhere or inline (every page script is a static file, every style a
    /// class), nothing framed, forms posted only here.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The Hangfire dashboard's markup carries inline script and style we do not control: allowed there only.</summary>
    public const string JobDashboardContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public const string JobDashboardPath = "/ops/hangfire";

    /// <summary>No page of ours uses a device or sensor: nobody may ask for them, embedded content included.</summary>
    public const string PermissionsPolicy =
        "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), hid=(), midi=(), magnetometer=(), gyroscope=(), accelerometer=(), display-capture=()";

    /// <summary>Headers every response carries: browsers never guess a type for uploaded files served back (証跡,
    /// attachments), pages are not framed by other sites, links do not leak tenant paths to other hosts, and the page
    /// runs only our own scripts. Set when the response starts, so error pages written after a cleared response and
    /// the status-code re-execution carry them too.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        // Decided on the way in: the dashboard (and a re-executed error page) changes the request's path while answering.
        var policy = context.Request.Path.StartsWithSegments(JobDashboardPath) ? JobDashboardContentSecurityPolicy : ContentSecurityPolicy;
        var api = ErrorHandling.IsApi(context);
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers.ContentSecurityPolicy = policy;
            headers["Permissions-Policy"] = PermissionsPolicy;
            // Tokens, personal data and evidence must not stay in a browser's or proxy's cache: every API answer and
            // every page shown to a signed-in user, unless the endpoint chose its own caching (static files do).
            if (headers.CacheControl.Count == 0 && (api || context.User.Identity?.IsAuthenticated == true))
                headers.CacheControl = "no-store";
            return Task.CompletedTask;
        });
        return next(context);
    });

    public static IServiceCollection AddDxCollabPages(this IServiceCollection services, IReadOnlyList<IDxModule> modules)
    {
        var mvc = services.AddRazorPages(o =>
        {
            // Everything under /Pages/Tenant lives at /{tenant}/… and needs a member of that tenant.
            o.Conventions.AddFolderRouteModelConvention("/Tenant", model =>
            {
                foreach (var selector in model.Selectors)
                {
                    var template = selector.AttributeRouteModel!.Template ?? "";
                    if (template.StartsWith("Tenant", StringComparison.OrdinalIgnoreCase))
                        selector.AttributeRouteModel.Template = "{tenant}" + template["Tenant".Length..];
                }
            });
            // Host-level pages run under the reserved host tenant: only host users pass the tenant check.
            o.Conventions.AddFolderApplicationModelConvention("/Ops", model => model.EndpointMetadata.Add(new HostLevelAttribute()));
            o.Conventions.AuthorizeFolder("/Tenant", Platform.Identity.Policies.TenantMember);
            o.Conventions.AllowAnonymousToPage("/Tenant/Login");
            o.Conventions.AllowAnonymousToPage("/Tenant/LoginTwoFactor");
            o.Conventions.AllowAnonymousToPage("/Tenant/Invitation");
            o.Conventions.AuthorizeFolder("/Tenant/Admin", Platform.Identity.Policies.PrefectureAdmin);
            o.Conventions.AuthorizeFolder("/Ops", Platform.Identity.Policies.NationalViewer);
            o.Conventions.AllowAnonymousToPage("/Ops/Login");
            o.Conventions.AllowAnonymousToPage("/Ops/LoginTwoFactor");
            // Modules' page folders: each module says who may open them (a folder without a rule fails the guard test).
            foreach (var rule in modules.SelectMany(m => m.PageFolders))
            {
                o.Conventions.AuthorizeFolder(rule.Folder, rule.Policy);
                if (rule.HostLevel) o.Conventions.AddFolderApplicationModelConvention(rule.Folder, model => model.EndpointMetadata.Add(new HostLevelAttribute()));
            }
        });
        // A module's pages are compiled into its assembly; modules outside the host's references (test modules) too.
        foreach (var assembly in modules.Select(m => m.GetType().Assembly).Distinct())
            if (!mvc.PartManager.ApplicationParts.OfType<Microsoft.AspNetCore.Mvc.ApplicationParts.AssemblyPart>().Any(p => p.Assembly == assembly))
                mvc.AddApplicationPart(assembly);
        services.Configure<RouteOptions>(o => o.LowercaseUrls = true);
        // Japanese text as text, not as &#x…; entities (smaller pages, readable source).
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddAntiforgery(o => o.Cookie.Name = "DxCollab.Antiforgery");
        return services;
    }

    /// <summary>The Hangfire dashboard shows every tenant's jobs and arguments, so it is for SystemAdmin only
    /// (host level: a prefecture user is refused by the tenant check before authorization even runs).</summary>
    public static IEndpointRouteBuilder MapOpsDashboards(this IEndpointRouteBuilder app)
    {
        app.MapHangfireDashboardWithAuthorizationPolicy(Platform.Identity.Policies.SystemAdmin, JobDashboardPath,
                new Hangfire.DashboardOptions { DashboardTitle = "DxCollab ジョブ", DisplayStorageConnectionString = false })
            .WithMetadata(new HostLevelAttribute());
        return app;
    }

    public static IEndpointRouteBuilder MapDxCollabHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).ExcludeFromDescription();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).ExcludeFromDescription();
        return app;
    }
}
