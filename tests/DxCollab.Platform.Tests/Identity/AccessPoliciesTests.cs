using System.Security.Claims;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using static DxCollab.Platform.Tests.Identity.CurrentUserTests;

namespace DxCollab.Platform.Tests.Identity;

/// <summary>The named policies come with the platform, so the worker and every test host get the same ones as the
/// web host, and each name means what the vocabulary says.</summary>
public sealed class AccessPoliciesTests
{
    private static IAuthorizationService Authorization(Action<IServiceCollection> register)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        register(services);
        return services.BuildServiceProvider().GetRequiredService<IAuthorizationService>();
    }

    private static readonly IAuthorizationService Named = Authorization(s => s.AddDxCollabPolicies());

    [Fact]
    public async Task The_platform_registers_every_named_policy()
    {
        var authorization = Authorization(s => s.AddDxCollabPlatform(new ConfigurationBuilder().Build(), (_, _, _) => { }, "Data Source=:memory:"));
        var admin = Signed("osaka", Roles.PrefectureAdmin, "270008");
        foreach (var name in new[] { Policies.TenantMember, Policies.PrefectureStaff, Policies.PrefectureAdmin })
            (await authorization.AuthorizeAsync(admin, name)).Succeeded.ShouldBeTrue(name);
        var operations = Signed(PrefectureCatalog.HostTenantId, Roles.SystemAdmin);
        foreach (var name in new[] { Policies.NationalViewer, Policies.SystemAdmin })
            (await authorization.AuthorizeAsync(operations, name)).Succeeded.ShouldBeTrue(name);
    }

    [Theory]
    [InlineData("osaka", Roles.PrefectureAdmin, true, true, true, false, false)]
    [InlineData("osaka", Roles.PrefectureStaff, true, true, false, false, false)]
    [InlineData("osaka", Roles.MunicipalOfficer, true, false, false, false, false)]
    [InlineData("osaka", Roles.Expert, true, false, false, false, false)]
    [InlineData(PrefectureCatalog.HostTenantId, Roles.NationalViewer, false, false, false, true, false)]
    [InlineData(PrefectureCatalog.HostTenantId, Roles.SystemAdmin, false, false, false, true, true)]
    public async Task Each_policy_admits_exactly_its_roles(string tenant, string role, bool member, bool staff, bool admin, bool national, bool system)
    {
        var user = Signed(tenant, role);
        (await Named.AuthorizeAsync(user, Policies.TenantMember)).Succeeded.ShouldBe(member);
        (await Named.AuthorizeAsync(user, Policies.PrefectureStaff)).Succeeded.ShouldBe(staff);
        (await Named.AuthorizeAsync(user, Policies.PrefectureAdmin)).Succeeded.ShouldBe(admin);
        (await Named.AuthorizeAsync(user, Policies.NationalViewer)).Succeeded.ShouldBe(national);
        (await Named.AuthorizeAsync(user, Policies.SystemAdmin)).Succeeded.ShouldBe(system);
    }

    [Fact]
    public async Task An_anonymous_visitor_is_no_tenant_member()
    {
        var anonymous = new ClaimsPrincipal(new ClaimsIdentity([new Claim(DxClaims.Tenant, "osaka")]));
        (await Named.AuthorizeAsync(anonymous, Policies.TenantMember)).Succeeded.ShouldBeFalse();
    }
}
