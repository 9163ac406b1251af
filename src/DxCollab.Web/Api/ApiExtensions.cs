using DxCollab.Platform.Identity;
using DxCollab.Platform.Modules;
using DxCollab.Platform.Tenancy;
using DxCollab.Platform.Validation;

namespace DxCollab.Web.Api;

public static class ApiExtensions
{
    /// <summary>All /api/v1 endpoints. Tenant endpoints live under /api/v1/{tenant}; the tenancy middleware has
    /// already refused unknown tenants (404) and users of other tenants (403) before any of these runs.</summary>
    public static IEndpointRouteBuilder MapDxCollabApi(this IEndpointRouteBuilder app, IReadOnlyList<IDxModule> modules)
    {
        // Every operation refuses control characters, bidi overrides, invisible-only text and absurd dates (InputRules).
        var v1 = app.MapGroup("/api/v1").WithTags("DxCollab").WithInputRules();
        v1.MapTenantsApi();
        v1.MapGroup("/auth").WithTags("認証").WithMetadata(new HostLevelAttribute()).MapAuthApi(host: true);
        v1.MapGroup("/me").WithTags("認証").WithMetadata(new HostLevelAttribute()).RequireAuthorization().MapMeApi();

        v1.MapGroup("/ops").WithTags("運用").WithMetadata(new HostLevelAttribute()).RequireAuthorization(Policies.SystemAdmin).MapReferenceDataApi();

        var tenant = v1.MapGroup("/{tenant}");
        tenant.MapGroup("/auth").WithTags("認証").MapAuthApi(host: false);
        tenant.MapGroup("/me").WithTags("認証").RequireAuthorization(Policies.TenantMember).MapMeApi();
        tenant.MapGroup("/organizations").WithTags("団体").RequireAuthorization(Policies.TenantMember).MapOrganizationsApi();
        tenant.MapGroup("/notifications").WithTags("お知らせ").RequireAuthorization(Policies.TenantMember).MapNotificationsApi();
        tenant.MapGroup("/audit").WithTags("監査ログ").RequireAuthorization(Policies.PrefectureAdmin).MapAuditApi();

        // Modules: their tenant endpoints on one shared /api/v1/{tenant} group that already requires a tenant member,
        // their host endpoints (national, …) on /api/v1 with their own HostLevel marker and policy.
        var moduleTenant = app.MapGroup("/api/v1/{tenant}").RequireAuthorization(Policies.TenantMember).WithInputRules();
        var moduleHost = app.MapGroup("/api/v1").WithInputRules();
        foreach (var module in modules)
        {
            module.MapTenantApi(moduleTenant);
            module.MapHostApi(moduleHost);
        }
        return app;
    }
}
