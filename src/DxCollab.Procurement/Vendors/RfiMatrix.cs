using DxCollab.MultiTenancy.EntityFrameworkCore;

namespace DxCollab.Procurement.Vendors;

/// <summary>A row of the RFI matrix: what every vendor is asked (対応OS, 料金体系, セキュリティ認証, 導入実績 …).</summary>
public sealed class RfiItem : ITenantOwned
{
    public long Id { get; private set; }
    public string TenantId { get; set; } = "";
    public long WorkspaceId { get; set; }
    public int Position { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
}

/// <summary>One vendor's answer to one item. The vendors (the matrix's columns) are the names that have answered.</summary>
public sealed class RfiAnswer : ITenantOwned
{
    public long Id { get; private set; }
    public string TenantId { get; set; } = "";
    public long WorkspaceId { get; set; }
    public long ItemId { get; set; }
    public required string VendorName { get; set; }
    public required string Answer { get; set; }
    public DateTime UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }
}
