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
    public static readonly Type[] TenantOwned =
    [
        typeof(Organization), typeof(OrganizationChange), typeof(AuditEntry), typeof(AppUser),
        typeof(IdentityUserRole<string>), typeof(IdentityUserClaim<string>), typeof(IdentityUserLogin<string>), typeof(IdentityUserToken<string>),
        typeof(DxCollab.Platform.Notifications.Notification), typeof(DxCollab.Platform.Notifications.NotificationPreference), typeof(DxCollab.Platform.Notifications.PendingEmail), typeof(DxCollab.Platform.Reminders.SentReminder),
        typeof(DxCollab.Standardization.Tracking.BusinessSystem), typeof(DxCollab.Standardization.Tracking.StepProgress),
        typeof(DxCollab.Standardization.Tracking.StepProgressChange), typeof(DxCollab.Standardization.Tracking.MigrationSettings),
        typeof(DxCollab.Platform.Files.StoredFile), typeof(DxCollab.Platform.Files.StoredFileContent),
        typeof(DxCollab.Standardization.Evidence.StepEvidence), typeof(DxCollab.Standardization.Inquiries.Inquiry),
        typeof(DxCollab.Standardization.Inquiries.InquiryMessage), typeof(DxCollab.Standardization.Inquiries.InquiryAttachment),
        typeof(DxCollab.Standardization.Imports.ImportRun), typeof(DxCollab.Standardization.Imports.ImportRunFile),
        typeof(DxCollab.Standardization.Snapshots.MigrationSnapshot), typeof(DxCollab.Standardization.Snapshots.MigrationSnapshotRow),
    ];

    public static void TenantOwnedTypesAreIsolated(IModel model)
    {
        var owned = model.GetEntityTypes().Where(e => e.IsMultiTenant()).Select(e => e.ClrType).ToList();
        owned.ShouldBe(TenantOwned, ignoreOrder: true);
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
                i => i.IsUnique.ShouldBeTrue(), i => i.Properties.Select(p => p.Name).ShouldBe(["NormalizedEmail", "TenantId"]));
        model.FindEntityType(typeof(AppUser))!.GetIndexes()
            .Single(i => i.GetDatabaseName() == "UserNameIndex").Properties.Select(p => p.Name).ShouldBe(["NormalizedUserName", "TenantId"]);
        model.FindEntityType(typeof(Organization))!.GetIndexes().Single(i => i.IsUnique).Properties.Select(p => p.Name).ShouldBe(["Code", "TenantId"]);
    }
}
