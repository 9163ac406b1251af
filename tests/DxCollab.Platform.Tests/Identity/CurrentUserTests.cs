using System.Security.Claims;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Tenancy;

namespace DxCollab.Platform.Tests.Identity;

/// <summary>The access vocabulary, on principals shaped like the ones sign-in issues (DxClaimsPrincipalFactory).</summary>
public sealed class CurrentUserTests
{
    internal static ClaimsPrincipal Signed(string tenant, string? role, string? organization = null, string? email = "user@osaka.example",
        string? displayName = "豊中 太郎", string? id = "user-1")
    {
        var claims = new List<Claim> { new(DxClaims.Tenant, tenant) };
        if (role is not null) claims.Add(new Claim(ClaimTypes.Role, role));
        if (organization is not null) claims.Add(new Claim(DxClaims.OrganizationCode, organization));
        if (email is not null) claims.Add(new Claim(ClaimTypes.Email, email));
        if (displayName is not null) claims.Add(new Claim(DxClaims.DisplayName, displayName));
        if (id is not null) claims.Add(new Claim(ClaimTypes.NameIdentifier, id));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test", ClaimTypes.Name, ClaimTypes.Role));
    }

    private static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity());

    [Theory]
    [InlineData(Roles.PrefectureAdmin, true, true)]
    [InlineData(Roles.PrefectureStaff, true, false)]
    [InlineData(Roles.MunicipalOfficer, false, false)]
    [InlineData(Roles.Expert, false, false)]
    public void Prefecture_staff_are_its_admins_and_staff_and_only_admins_are_admins(string role, bool staff, bool admin)
    {
        var user = Signed("osaka", role, "270008");
        user.IsPrefectureStaff().ShouldBe(staff);
        user.IsPrefectureAdmin().ShouldBe(admin);
        user.IsMunicipalOfficer().ShouldBe(role == Roles.MunicipalOfficer);
    }

    [Theory]
    [InlineData(Roles.SystemAdmin, true)]
    [InlineData(Roles.NationalViewer, false)]
    public void Only_operators_are_system_admins(string role, bool expected)
    {
        var user = Signed(PrefectureCatalog.HostTenantId, role);
        user.IsSystemAdmin().ShouldBe(expected);
        user.IsHostUser().ShouldBeTrue();
    }

    [Fact]
    public void A_municipal_officer_acts_for_the_own_body_and_no_other()
    {
        var officer = Signed("osaka", Roles.MunicipalOfficer, "272035");
        officer.OwnOrganizationCode().ShouldBe("272035");
        officer.IsOfficerOf("272035").ShouldBeTrue();
        officer.IsOfficerOf("272051").ShouldBeFalse();
    }

    [Theory]
    [InlineData(Roles.Expert, "272035")]          // placed in 豊中市, but not its officer
    [InlineData(Roles.PrefectureStaff, "270008")] // the prefecture's staff see all 団体 as staff, not as officers
    [InlineData(Roles.MunicipalOfficer, "")]      // an officer without a 団体 acts for none
    public void Belonging_to_an_organisation_is_not_being_its_officer(string role, string organization)
    {
        var user = Signed("osaka", role, organization);
        user.OwnOrganizationCode().ShouldBeNull();
        user.IsOfficerOf(organization).ShouldBeFalse();
    }

    [Fact]
    public void Actor_label_is_the_email_then_the_name_then_empty()
    {
        Signed("osaka", Roles.MunicipalOfficer, email: "toyonaka@osaka.example").ActorLabel().ShouldBe("toyonaka@osaka.example");
        var named = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "run-by-job")], "test"));
        named.ActorLabel().ShouldBe("run-by-job");
        Anonymous.ActorLabel().ShouldBe("");
    }

    [Fact]
    public void Display_name_falls_back_to_the_actor_label()
    {
        Signed("osaka", Roles.MunicipalOfficer, displayName: "豊中 太郎").DisplayName().ShouldBe("豊中 太郎");
        Signed("osaka", Roles.MunicipalOfficer, email: "toyonaka@osaka.example", displayName: null).DisplayName().ShouldBe("toyonaka@osaka.example");
    }

    [Fact]
    public void User_id_and_tenant_come_from_the_sign_in_claims()
    {
        var user = Signed("kyoto", Roles.MunicipalOfficer, "263648", id: "abc");
        user.UserId().ShouldBe("abc");
        user.TenantId().ShouldBe("kyoto");
        Anonymous.UserId().ShouldBeNull();
        Anonymous.TenantId().ShouldBeNull();
    }

    [Fact]
    public void Host_users_are_no_tenant_members_and_prefecture_users_are()
    {
        var national = Signed(PrefectureCatalog.HostTenantId, Roles.NationalViewer);
        national.IsHostUser().ShouldBeTrue();
        national.IsTenantMember().ShouldBeFalse();

        var officer = Signed("osaka", Roles.MunicipalOfficer, "272035");
        officer.IsHostUser().ShouldBeFalse();
        officer.IsTenantMember().ShouldBeTrue();

        Anonymous.IsHostUser().ShouldBeFalse();
        Anonymous.IsTenantMember().ShouldBeFalse();
    }
}
