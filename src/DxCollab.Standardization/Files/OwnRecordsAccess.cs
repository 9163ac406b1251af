using System.Security.Claims;
using DxCollab.Platform.Identity;

namespace DxCollab.Standardization.Files;

/// <summary>Who may see a 団体's 証跡 and inquiries: unlike step statuses (every member of the tenant reads those),
/// contracts and questions stay between the 団体 and its prefecture. The prefecture's staff see every 団体's; a
/// municipality's officers only their own.</summary>
public static class OwnRecordsAccess
{
    public static bool IsPrefectureStaff(ClaimsPrincipal user) =>
        user.IsInRole(Roles.PrefectureAdmin) || user.IsInRole(Roles.PrefectureStaff);

    public static string? OwnOrganization(ClaimsPrincipal user) =>
        user.IsInRole(Roles.MunicipalOfficer) ? user.FindFirstValue(DxClaims.OrganizationCode) : null;

    public static bool CanRead(ClaimsPrincipal user, string organizationCode) =>
        IsPrefectureStaff(user) || OwnOrganization(user) == organizationCode;

    public static string Actor(ClaimsPrincipal user) => Tracking.MigrationAccess.Actor(user);

    public static string? UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    public static string DisplayName(ClaimsPrincipal user) => user.FindFirstValue(DxClaims.DisplayName) ?? Actor(user);
}
