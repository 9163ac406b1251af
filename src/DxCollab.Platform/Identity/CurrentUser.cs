using System.Security.Claims;
using DxCollab.Platform.Tenancy;

namespace DxCollab.Platform.Identity;

/// <summary>The access vocabulary of every page, endpoint and module rule: who the signed-in user is, in the words
/// of the domain, so no page repeats role checks and "own organisation" has one meaning everywhere.</summary>
public static class CurrentUser
{
    /// <summary>The prefecture's DX staff (PrefectureAdmin or PrefectureStaff): they see all of the tenant's 団体.</summary>
    public static bool IsPrefectureStaff(this ClaimsPrincipal user) =>
        user.IsInRole(Roles.PrefectureAdmin) || user.IsInRole(Roles.PrefectureStaff);

    public static bool IsPrefectureAdmin(this ClaimsPrincipal user) => user.IsInRole(Roles.PrefectureAdmin);

    public static bool IsMunicipalOfficer(this ClaimsPrincipal user) => user.IsInRole(Roles.MunicipalOfficer);

    /// <summary>The operators (host level): 団体 list import, failed messages, jobs.</summary>
    public static bool IsSystemAdmin(this ClaimsPrincipal user) => user.IsInRole(Roles.SystemAdmin);

    /// <summary>The 団体 a municipal officer acts for; null for everyone else. An Expert or a prefecture's staff
    /// member also belongs to an organisation, but does not act for it.</summary>
    public static string? OwnOrganizationCode(this ClaimsPrincipal user) =>
        user.IsMunicipalOfficer() && user.FindFirstValue(DxClaims.OrganizationCode) is { Length: > 0 } code ? code : null;

    /// <summary>The one definition of "this 団体's own officer".</summary>
    public static bool IsOfficerOf(this ClaimsPrincipal user, string organizationCode) =>
        user.OwnOrganizationCode() is { } own && own == organizationCode;

    /// <summary>Who did it, as modules record it (UpdatedBy, ChangedBy, RequestedBy …): the user's e-mail.</summary>
    public static string ActorLabel(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? "";

    /// <summary>The name shown to other people (氏名・所属), or the actor label when the user has none.</summary>
    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(DxClaims.DisplayName) is { Length: > 0 } name ? name : user.ActorLabel();

    public static string? UserId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>The tenant the user belongs to (a prefecture's romaji id, or the host id for host users).</summary>
    public static string? TenantId(this ClaimsPrincipal user) => user.FindFirstValue(DxClaims.Tenant);

    /// <summary>A national viewer or operator: signed in at host level, member of no prefecture.</summary>
    public static bool IsHostUser(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && user.TenantId() == PrefectureCatalog.HostTenantId;

    /// <summary>Signed in as a member of a prefecture (any tenant role). Which prefecture is checked against the URL
    /// by the tenancy middleware.</summary>
    public static bool IsTenantMember(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && user.TenantId() is { Length: > 0 } tenant && tenant != PrefectureCatalog.HostTenantId;
}
