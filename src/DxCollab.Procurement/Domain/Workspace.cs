using DxCollab.MultiTenancy.EntityFrameworkCore;

namespace DxCollab.Procurement.Domain;

/// <summary>One joint procurement (共同調達): a subject, a lead body (代表団体) and its member organisations, in the lead's
/// tenant. Members of another prefecture are carried by messages (CrossTenant), never by that tenant reading this row.</summary>
public sealed class Workspace : ITenantOwned
{
    public long Id { get; private set; }
    public string TenantId { get; set; } = "";
    /// <summary>What is procured (e.g. ビジネスチャット, 標準準拠システム 住民記録).</summary>
    public required string Subject { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    /// <summary>団体コード of the lead body (代表団体): a municipality or the prefecture itself.</summary>
    public required string LeadOrganizationCode { get; set; }
    public ProcurementPhase Phase { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>Set when the procurement is finished (a case summary may then be published).</summary>
    public DateTime? FinishedAt { get; set; }
}

/// <summary>An organisation's place in a workspace. A member of another prefecture has <see cref="OrganizationTenant"/>
/// set (its own tenant); its users act through their tenant and messages.</summary>
public sealed class WorkspaceMember : ITenantOwned
{
    public long Id { get; private set; }
    public string TenantId { get; set; } = "";
    public long WorkspaceId { get; set; }
    public required string OrganizationCode { get; set; }
    /// <summary>Display name kept with the row (another tenant's 団体 is not in this tenant's directory).</summary>
    public required string OrganizationName { get; set; }
    /// <summary>The member's tenant when it is another prefecture's organisation; null for this tenant's own.</summary>
    public string? OrganizationTenant { get; set; }
    public MemberRole Role { get; set; }
    public MemberState State { get; set; }
    public DateTime InvitedAt { get; set; }
    public required string InvitedBy { get; set; }
    public DateTime? JoinedAt { get; set; }
    /// <summary>When it declined, left or was removed.</summary>
    public DateTime? EndedAt { get; set; }
    public string? EndedBy { get; set; }
    public string? EndedReason { get; set; }
    /// <summary>The conditions a 団体 joined on (条件付き参加 in the 意向調査), shown on the member list.</summary>
    public string? Conditions { get; set; }

    public bool IsActive => State == MemberState.Active;
    public bool IsRemote => OrganizationTenant is not null;
}
