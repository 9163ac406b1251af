using DxCollab.MultiTenancy.EntityFrameworkCore;
using DxCollab.Procurement.Domain;

namespace DxCollab.Procurement.CrossTenant;

/// <summary>The invited tenant's own record of another prefecture's workspace one of its organisations is invited to or
/// takes part in: what the invitation said and where the membership stands on this side. It holds no documents; those
/// are asked of the lead tenant at each read, so a removal there stops access at once.</summary>
public sealed class SharedWorkspace : ITenantOwned
{
    public long Id { get; private set; }
    public string TenantId { get; set; } = "";
    /// <summary>The lead's tenant (e.g. tottori) and its workspace and member row ids there.</summary>
    public required string SourceTenant { get; set; }
    public long SourceWorkspaceId { get; set; }
    public long SourceMemberId { get; set; }
    /// <summary>The invited organisation of this tenant.</summary>
    public required string OrganizationCode { get; set; }
    public required string OrganizationName { get; set; }
    public required string Title { get; set; }
    public required string Subject { get; set; }
    public required string LeadName { get; set; }
    public ProcurementPhase Phase { get; set; }
    public MemberRole Role { get; set; }
    public MemberState State { get; set; }
    public DateTime InvitedAt { get; set; }
    public required string InvitedBy { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>Who on this side accepted, declined or left (or the lead side's actor for a removal).</summary>
    public string? AnsweredBy { get; set; }

    /// <summary>Only an active membership reads the workspace; every other state is refused on this side already.</summary>
    public bool IsActive => State == MemberState.Active;
}
