using DxCollab.MultiTenancy.Strategies;

namespace DxCollab.Platform.Tenancy;

/// <summary>Marks a page or API as host level (国・運用): it runs under the reserved host tenant, so only host
/// users (whose tenant claim is the host) pass the tenancy check, and prefecture users get 403.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class HostLevelAttribute : Attribute, IFixedTenantMetadata
{
    public string TenantIdentifier => PrefectureCatalog.HostTenantId;
}
