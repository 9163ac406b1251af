using DxCollab.MultiTenancy;
using DxCollab.Platform.Tenancy;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace DxCollab.Web.Infrastructure;

public static class PipelineSetup
{
    public static IApplicationBuilder UseMultiTenantResolution(this IApplicationBuilder app) => app.UseMultiTenant<PrefectureTenant>();
    public static IApplicationBuilder UseTenantAccessCheck(this IApplicationBuilder app) => app.UseTenantClaimCheck<PrefectureTenant>();

    public static IServiceCollection AddDxCollabPages(this IServiceCollection services)
    {
        services.AddRazorPages(o =>
        {
            // Everything under /Pages/Tenant lives at /{tenant}/… and needs a member of that tenant.
            o.Conventions.AddFolderRouteModelConvention("/Tenant", model =>
            {
                foreach (var selector in model.Selectors)
                    selector.AttributeRouteModel!.Template = AttributeRouteModel.CombineTemplates("{tenant:regex(^[a-z_]+$)}", selector.AttributeRouteModel.Template);
            });
            o.Conventions.AuthorizeFolder("/Tenant", Platform.Identity.Policies.TenantMember);
            o.Conventions.AllowAnonymousToPage("/Tenant/Login");
            o.Conventions.AllowAnonymousToPage("/Tenant/LoginTwoFactor");
            o.Conventions.AllowAnonymousToPage("/Tenant/Invitation");
            o.Conventions.AuthorizeFolder("/Tenant/Admin", Platform.Identity.Policies.PrefectureAdmin);
            o.Conventions.AuthorizeFolder("/Ops", Platform.Identity.Policies.NationalViewer);
            o.Conventions.AllowAnonymousToPage("/Ops/Login");
            o.Conventions.AllowAnonymousToPage("/Ops/LoginTwoFactor");
        });
        services.AddAntiforgery(o => o.Cookie.Name = "DxCollab.Antiforgery");
        return services;
    }

    public static IEndpointRouteBuilder MapDxCollabHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).ExcludeFromDescription();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).ExcludeFromDescription();
        return app;
    }
}
