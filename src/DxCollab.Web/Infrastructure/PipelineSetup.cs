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

    /// <summary>Headers every response carries: browsers never guess a type for uploaded files served back (証跡,
    /// attachments), pages are not framed by other sites, and links do not leak tenant paths to other hosts.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
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
        app.MapHangfireDashboardWithAuthorizationPolicy(Platform.Identity.Policies.SystemAdmin, "/ops/hangfire",
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
