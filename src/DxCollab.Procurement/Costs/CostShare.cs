using DxCollab.MultiTenancy.EntityFrameworkCore;

namespace DxCollab.Procurement.Costs;

/// <summary>A saved cost split: the totals, the 均等割:人口割 ratio, who takes the remainder, and (optionally) the decision of
/// the register it belongs to. The lines hold each member's population and share as computed when saved.</summary>
public sealed class CostShare : ITenantOwned
{
    public long Id { get; private set; }
    public string TenantId { get; set; } = "";
    public long WorkspaceId { get; set; }
    public required string Title { get; set; }
    public long InitialCost { get; set; }
    public long AnnualCost { get; set; }
    public int EqualPercent { get; set; }
    public int PopulationPercent { get; set; }
    public required string RemainderOrganizationCode { get; set; }
    /// <summary>A decision of the workspace's register (Documents slice), by id.</summary>
    public long? DecisionId { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
}

public sealed class CostShareLine : ITenantOwned
{
    public long Id { get; private set; }
    public string TenantId { get; set; } = "";
    public long CostShareId { get; set; }
    public required string OrganizationCode { get; set; }
    public required string OrganizationName { get; set; }
    public long Population { get; set; }
    public long InitialShare { get; set; }
    public long AnnualShare { get; set; }
    public bool TakesRemainder { get; set; }
}
