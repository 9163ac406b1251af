using DxCollab.MultiTenancy;
using DxCollab.MultiTenancy.EntityFrameworkCore;
using DxCollab.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.IntegrationTests.Infrastructure;

/// <summary>The tenant-owned part of a running host's model, so tests derive their lists instead of keeping them.</summary>
public static class TenantModel
{
    public static IModel Of(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<DxCollabDbContext>().Model;
    }

    /// <summary>Entity types that carry a TenantId (ITenantOwned, or a shadow TenantId such as Identity's join rows).</summary>
    public static IReadOnlyList<IEntityType> TenantOwnedTypes(IModel model) =>
        [.. model.GetEntityTypes().Where(e => e.FindProperty(Constants.TenantIdProperty) is not null || typeof(ITenantOwned).IsAssignableFrom(e.ClrType))];

    public static IReadOnlyList<string> TenantTables(IServiceProvider services) =>
        [.. TenantOwnedTypes(Of(services)).Select(e => e.GetTableName()).OfType<string>().Distinct()];
}
