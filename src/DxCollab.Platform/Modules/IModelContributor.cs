using Microsoft.EntityFrameworkCore;

namespace DxCollab.Platform.Modules;

/// <summary>A module adds its entities to the one DbContext through this (declared in its IDxModule.ModelContributors;
/// the hosts register it, the design-time factories read DxCollab.Modules.ModuleCatalog.ModelContributors).
/// Mark tenant-owned entities with ITenantOwned or [MultiTenant]; tenancy is applied after all contributors.
/// Name tables with the module's prefix (e.g. "Migration_Steps") so ownership is visible in the database.</summary>
public interface IModelContributor
{
    void Configure(ModelBuilder modelBuilder);
}
