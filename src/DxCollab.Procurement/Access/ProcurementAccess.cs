using System.Security.Claims;
using System.Text.Json.Serialization;
using DxCollab.Platform.Identity;
using DxCollab.Procurement.Domain;

namespace DxCollab.Procurement.Access;

/// <summary>A user's place in one workspace, from which every rule of the module is read.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Seat>))]
public enum Seat
{
    None,
    /// <summary>The prefecture's staff of the workspace's tenant whose organisation takes no part: they see every
    /// workspace of the tenant and may comment (to help), never vote or edit.</summary>
    StaffReader,
    Observer,
    Member,
    Lead,
}

/// <summary>What a user may do in a workspace. <see cref="OrganizationCode"/> is the organisation the user acts for there
/// (null for a staff reader).</summary>
public sealed record WorkspaceSeat(Seat Seat, string? OrganizationCode)
{
    public static readonly WorkspaceSeat None = new(Seat.None, null);

    public bool MayRead => Seat != Seat.None;
    /// <summary>Comments on revisions, vendor Q&amp;A notes: everyone who reads.</summary>
    public bool MayComment => MayRead;
    /// <summary>Uploads revisions, answers polls and approvals (votes): the lead and members.</summary>
    public bool MayEdit => Seat is Seat.Member or Seat.Lead;
    public bool MayVote => MayEdit;
    /// <summary>Invites, removes, moves the phase, asks for approvals, records vendor Q&amp;A, decisions and cost splits.</summary>
    public bool MayManage => Seat == Seat.Lead;
    public bool IsMember => Seat is Seat.Observer or Seat.Member or Seat.Lead;
}

/// <summary>Who may do what in 共同調達, in one place. A user acts for one organisation: a municipal officer for its 団体,
/// the prefecture's staff for the prefecture (which may itself lead or join). A municipality sees only the workspaces
/// its organisation is an active member of; the prefecture's staff see all of their tenant's.</summary>
public static class ProcurementAccess
{
    /// <summary>The organisation the user acts for in a workspace: the officer's 団体, or the prefecture for its staff.</summary>
    public static string? ActingOrganizationCode(this ClaimsPrincipal user) =>
        user.OwnOrganizationCode() ?? (user.IsPrefectureStaff() && user.FindFirstValue(DxClaims.OrganizationCode) is { Length: > 0 } code ? code : null);

    /// <summary>May open a workspace (becoming its lead body): an officer for its 団体, the prefecture's staff for the
    /// prefecture or any 団体 of the tenant.</summary>
    public static bool MayCreateWorkspace(this ClaimsPrincipal user) => user.ActingOrganizationCode() is not null;

    /// <summary>The seat of <paramref name="user"/> given the workspace's member rows (only active ones give a seat).</summary>
    public static WorkspaceSeat SeatIn(this ClaimsPrincipal user, Workspace workspace, IEnumerable<WorkspaceMember> members)
    {
        if (user.ActingOrganizationCode() is { } code
            && members.FirstOrDefault(m => m.WorkspaceId == workspace.Id && m.OrganizationCode == code && m.IsActive && !m.IsRemote) is { } own)
            return new(own.Role switch { MemberRole.Lead => Seat.Lead, MemberRole.Member => Seat.Member, _ => Seat.Observer }, code);
        return user.IsPrefectureStaff() ? new(Seat.StaffReader, null) : WorkspaceSeat.None;
    }
}
