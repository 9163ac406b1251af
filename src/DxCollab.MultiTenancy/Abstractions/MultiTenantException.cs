namespace DxCollab.MultiTenancy;

/// <summary>Thrown when tenant rules are broken: saving without a tenant, or touching another tenant's rows.</summary>
public sealed class MultiTenantException(string message) : Exception(message);

/// <summary>What SaveChanges does with an entity whose TenantId is not the current tenant's.</summary>
public enum TenantMismatchMode { Throw, Ignore, Overwrite }

/// <summary>What SaveChanges does with a modified or deleted entity whose TenantId is missing.</summary>
public enum TenantNotSetMode { Throw, Overwrite }

/// <summary>Marks an entity type as tenant-owned (Finbuckle's [MultiTenant]).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class MultiTenantAttribute : Attribute;

public static class Constants
{
    /// <summary>Route, claim and query-filter name (Finbuckle's TenantToken is "__tenant__"; our routes say {tenant}).</summary>
    public const string TenantToken = "tenant";
    public const string TenantIdProperty = "TenantId";
    public const string TenantQueryFilter = "Tenant";
}
