using DxCollab.MultiTenancy;
using DxCollab.MultiTenancy.EntityFrameworkCore;
using DxCollab.Platform.Audit;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Organizations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace DxCollab.Platform.Tests.Infrastructure;

internal static class ModelAssertions
{
    /// <summary>What the model says is tenant-owned: an ITenantOwned entity or one with a TenantId column (Identity's
    /// join rows carry it as a shadow property). Derived, so a module's new entity is checked without editing a list.</summary>
    public static IReadOnlyList<IEntityType> TenantOwnedTypes(IModel model) =>
        [.. model.GetEntityTypes().Where(e => typeof(ITenantOwned).IsAssignableFrom(e.ClrType) || e.FindProperty(Constants.TenantIdProperty) is not null)];

    public static void TenantOwnedTypesAreIsolated(IModel model)
    {
        var expected = TenantOwnedTypes(model).Select(e => e.ClrType).ToList();
        // The platform's own and the modules' entities are among them; shared reference data is not.
        expected.ShouldContain(typeof(Organization));
        expected.ShouldContain(typeof(AppUser));
        expected.ShouldContain(typeof(IdentityUserRole<string>));
        expected.ShouldContain(typeof(AuditEntry));
        expected.ShouldContain(typeof(DxCollab.Standardization.Tracking.StepProgress));
        expected.ShouldNotContain(typeof(DxCollab.Platform.ReferenceData.StandardBusiness));
        var owned = model.GetEntityTypes().Where(e => e.IsMultiTenant()).Select(e => e.ClrType).ToList();
        owned.ShouldBe(expected, ignoreOrder: true);
        foreach (var entityType in model.GetEntityTypes().Where(e => e.IsMultiTenant()))
        {
            var tenantId = entityType.FindProperty(Constants.TenantIdProperty);
            tenantId.ShouldNotBeNull($"{entityType.DisplayName()} has no TenantId");
            tenantId.IsNullable.ShouldBeFalse($"{entityType.DisplayName()}.TenantId is nullable");
            entityType.FindDeclaredQueryFilter(Constants.TenantQueryFilter).ShouldNotBeNull($"{entityType.DisplayName()} has no Tenant filter");
            foreach (var index in entityType.GetIndexes().Where(i => i.IsUnique))
                index.Properties.ShouldContain(tenantId, $"{entityType.DisplayName()} unique index {index.GetDatabaseName()} lacks TenantId");
        }
        model.FindEntityType(typeof(AppUser))!.GetIndexes()
            .Single(i => i.GetDatabaseName() == "EmailIndex").ShouldSatisfyAllConditions(
                i => i.IsUnique.ShouldBeTrue(), i => i.Properties.Select(p => p.Name).ShouldBe(["TenantId", "NormalizedEmail"]));
        model.FindEntityType(typeof(AppUser))!.GetIndexes()
            .Single(i => i.GetDatabaseName() == "UserNameIndex").Properties.Select(p => p.Name).ShouldBe(["TenantId", "NormalizedUserName"]);
        model.FindEntityType(typeof(Organization))!.GetIndexes().Single(i => i.IsUnique).Properties.Select(p => p.Name).ShouldBe(["TenantId", "Code"]);
    }
}
