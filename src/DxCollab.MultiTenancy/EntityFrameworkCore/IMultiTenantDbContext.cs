namespace DxCollab.MultiTenancy.EntityFrameworkCore;

/// <summary>A DbContext bound to one tenant when it is constructed (Finbuckle): a context made before
/// a tenant switch stays on its tenant. <see cref="CurrentTenantId"/> is what the query filter reads.</summary>
public interface IMultiTenantDbContext
{
    ITenantInfo? TenantInfo { get; }
    string? CurrentTenantId { get; }
    TenantMismatchMode TenantMismatchMode { get; }
    TenantNotSetMode TenantNotSetMode { get; }
}

/// <summary>Entities that carry their tenant as a CLR property (others get a shadow TenantId).</summary>
public interface ITenantOwned
{
    string TenantId { get; set; }
}
