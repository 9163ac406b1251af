using System.Security.Claims;
using DxCollab.Platform.Identity;

namespace DxCollab.Standardization.Tracking;

/// <summary>Only the 団体's own officers and the prefecture's staff change its statuses; every member of the
/// tenant may read them.</summary>
public static class MigrationAccess
{
    public static bool CanEdit(ClaimsPrincipal user, string organizationCode) =>
        user.IsPrefectureStaff() || user.IsOfficerOf(organizationCode);
}
