using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.Platform.Identity;

/// <summary>The named policies (<see cref="Policies"/>), registered with the platform so every host (web, worker,
/// test hosts) and every module's pages and endpoints share one meaning of each name.</summary>
public static class AccessPolicies
{
    public static IServiceCollection AddDxCollabPolicies(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.TenantMember, p => p.RequireAuthenticatedUser().RequireAssertion(c => c.User.IsTenantMember()))
            .AddPolicy(Policies.PrefectureStaff, p => p.RequireRole(Roles.PrefectureAdmin, Roles.PrefectureStaff))
            .AddPolicy(Policies.PrefectureAdmin, p => p.RequireRole(Roles.PrefectureAdmin))
            .AddPolicy(Policies.OrganizationStaff, p => p.RequireAuthenticatedUser()
                .RequireAssertion(c => c.User.IsTenantMember() && (c.User.IsPrefectureStaff() || c.User.IsMunicipalOfficer())))
            .AddPolicy(Policies.NationalViewer, p => p.RequireRole(Roles.NationalViewer, Roles.SystemAdmin))
            .AddPolicy(Policies.SystemAdmin, p => p.RequireRole(Roles.SystemAdmin));
        return services;
    }
}
