using System.Security.Claims;
using DxCollab.Platform.Identity;
using DxCollab.Standardization.Files;
using DxCollab.Standardization.Tracking;

namespace DxCollab.Standardization.Tests;

/// <summary>The module's two access rules, written with the platform's vocabulary: who changes a 団体's steps and who
/// reads its 証跡 and questions. Both rest on the one definition of "own officer".</summary>
public sealed class AccessRulesTests
{
    private static ClaimsPrincipal User(string role, string? organization) =>
        new(new ClaimsIdentity(
            new[] { new Claim(DxClaims.Tenant, "osaka"), new Claim(ClaimTypes.Role, role), new Claim(ClaimTypes.Email, "someone@osaka.example") }
                .Concat(organization is null ? [] : [new Claim(DxClaims.OrganizationCode, organization)]),
            "test"));

    [Theory]
    [InlineData(Roles.PrefectureAdmin, "270008", true)]
    [InlineData(Roles.PrefectureStaff, "270008", true)]
    [InlineData(Roles.MunicipalOfficer, "272035", true)]   // 豊中市's own officer
    [InlineData(Roles.MunicipalOfficer, "272051", false)]  // 吹田市's officer
    [InlineData(Roles.Expert, "272035", false)]            // placed in 豊中市, but not its officer
    public void Toyonaka_steps_and_records_are_for_its_officers_and_the_prefecture(string role, string organization, bool allowed)
    {
        var user = User(role, organization);
        MigrationAccess.CanEdit(user, "272035").ShouldBe(allowed);
        OwnRecordsAccess.CanRead(user, "272035").ShouldBe(allowed);
    }

    [Fact]
    public void The_module_records_the_users_e_mail_as_the_actor()
    {
        var user = User(Roles.MunicipalOfficer, "272035");
        user.ActorLabel().ShouldBe("someone@osaka.example");
    }
}
