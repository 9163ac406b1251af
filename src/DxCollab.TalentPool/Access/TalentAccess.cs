using System.Security.Claims;
using DxCollab.Platform.Identity;
using DxCollab.TalentPool.Domain;

namespace DxCollab.TalentPool.Access;

/// <summary>Who may do what in the 人材プール, in one place. The prefecture's staff keep the pool, see every request and
/// assign; a municipality's officers make and follow their own 団体's requests; an expert (role Expert, linked by
/// <see cref="Expert.UserId"/>) sees only their own assignments, the requests those assignments share, and logs and
/// reports on them — never surveys, other experts' assignments or other 団体' requests.</summary>
public static class TalentAccess
{
    /// <summary>Keeps the pool (experts, skill taxonomy), sees every request, ranks and assigns.</summary>
    public static bool MayManagePool(this ClaimsPrincipal user) => user.IsPrefectureStaff();

    public static bool IsExpert(this ClaimsPrincipal user) => user.IsInRole(Roles.Expert);

    /// <summary>May make a request for <paramref name="organizationCode"/> (its own officer).</summary>
    public static bool MayRequestFor(this ClaimsPrincipal user, string organizationCode) => user.IsOfficerOf(organizationCode);

    /// <summary>May read a request: the staff, the 団体's own officers, or an expert assigned to it
    /// (<paramref name="assignedToUser"/>).</summary>
    public static bool MayRead(this ClaimsPrincipal user, SupportRequest request, bool assignedToUser) =>
        user.MayManagePool() || user.IsOfficerOf(request.OrganizationCode) || (user.IsExpert() && assignedToUser);

    /// <summary>Is the expert <paramref name="expert"/> (the signed-in Expert account linked to the profile).</summary>
    public static bool Is(this ClaimsPrincipal user, Expert expert) =>
        user.IsExpert() && expert.UserId is { Length: > 0 } id && id == user.UserId();

    /// <summary>May read an assignment (and its activity log and reports): the staff, the supported 団体's officers, or
    /// the assigned expert.</summary>
    public static bool MayRead(this ClaimsPrincipal user, Assignment assignment, Expert expert) =>
        user.MayManagePool() || user.IsOfficerOf(assignment.OrganizationCode) || user.Is(expert);

    /// <summary>May log activity and write reports on an assignment: the assigned expert, or the staff on their behalf.</summary>
    public static bool MayLog(this ClaimsPrincipal user, Assignment assignment, Expert expert) => user.MayManagePool() || user.Is(expert);
}
