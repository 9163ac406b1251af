using DxCollab.Platform.Data;
using DxCollab.Platform.Messaging;
using DxCollab.Platform.ReferenceData;
using DxCollab.Platform.Validation;
using DxCollab.Standardization.Contracts;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Standardization.Tracking;

/// <summary>The facts of one 業務 system as entered (null text = blank).</summary>
public sealed record SystemFactsInput(bool SpecificMigrationSupport, string? SpecificSupportReason, DateOnly? SpecificSupportPlannedCompletion,
    string? TransitionalMeasures, string? VendorName, DateOnly? TargetGoLive);

/// <summary>One 業務 of a 団体 with its facts; a 業務 with no row yet is enabled with blank facts.</summary>
public sealed record SystemView(StandardBusiness Business, bool Enabled, bool SpecificMigrationSupport, string? SpecificSupportReason,
    DateOnly? SpecificSupportPlannedCompletion, string? TransitionalMeasures, string? VendorName, DateOnly? TargetGoLive, DateTime? UpdatedAt,
    string? UpdatedBy);

/// <summary>Per-system facts of a 団体 (特定移行支援システム, 経過措置, vendor, target go-live) and switching a 業務 the
/// 団体 does not run off and on. Switching keeps the step rows (switching back on restores them) and publishes
/// <see cref="MigrationStepsChanged"/> with no status ("recompute") in the same transaction, so the national
/// roll-up follows.</summary>
public sealed class SystemFacts(DxCollabDbContext db, TimeProvider clock)
{
    public const int ReasonMaxLength = 500;
    public const int TransitionalMaxLength = 1000;
    public const int VendorMaxLength = 200;

    /// <summary>Every 業務 the 団体 reports, or null when the tenant has no such (active) 団体.</summary>
    public async Task<IReadOnlyList<SystemView>?> ListAsync(string organizationCode, CancellationToken ct = default)
    {
        var org = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == organizationCode && o.AbolishedOn == null, ct);
        if (org is null) return null;
        var rows = await db.Set<BusinessSystem>().AsNoTracking().Where(s => s.OrganizationCode == organizationCode)
            .ToDictionaryAsync(s => s.BusinessNumber, ct);
        return MigrationCatalog.BusinessesOf(org.Type).Select(n => ToView(StandardBusiness.All.First(b => b.Number == n), rows.GetValueOrDefault(n)))
            .ToList();
    }

    public async Task<SystemView?> FindAsync(string organizationCode, int business, CancellationToken ct = default) =>
        (await ListAsync(organizationCode, ct))?.FirstOrDefault(s => s.Business.Number == business);

    /// <summary>Japanese messages keyed by the API's field names; empty when the input is acceptable.</summary>
    public static Dictionary<string, string[]> Validate(SystemFactsInput input)
    {
        var errors = new Dictionary<string, string[]>();
        if (input.SpecificMigrationSupport && string.IsNullOrWhiteSpace(input.SpecificSupportReason))
            errors["specificSupportReason"] = ["特定移行支援システムにするときは、その理由（メインフレーム、ベンダー撤退など）を入力してください。"];
        else if (input.SpecificSupportReason?.Trim().Length > ReasonMaxLength)
            errors["specificSupportReason"] = [$"特定移行支援システムの理由は{ReasonMaxLength}文字以内にしてください。"];
        if (input.TransitionalMeasures?.Trim().Length > TransitionalMaxLength)
            errors["transitionalMeasures"] = [$"経過措置の機能は{TransitionalMaxLength}文字以内にしてください。"];
        if (input.VendorName?.Trim().Length > VendorMaxLength)
            errors["vendorName"] = [$"ベンダー名は{VendorMaxLength}文字以内にしてください。"];
        return errors.CheckText("specificSupportReason", input.SpecificSupportReason).CheckText("transitionalMeasures", input.TransitionalMeasures)
            .CheckText("vendorName", input.VendorName)
            .CheckDate("specificSupportPlannedCompletion", input.SpecificSupportPlannedCompletion).CheckDate("targetGoLive", input.TargetGoLive);
    }

    /// <summary>Saves the facts (the reason and planned completion only kept while 特定移行支援 is on); the caller has checked permission and <see cref="Validate"/>. Null when there is no
    /// such 団体 or the 団体 does not report the 業務.</summary>
    public async Task<SystemView?> SaveFactsAsync(string organizationCode, int business, SystemFactsInput input, string actor, CancellationToken ct = default)
    {
        var row = await RowAsync(organizationCode, business, ct);
        if (row is null) return null;
        row.IsSpecificMigrationSupport = input.SpecificMigrationSupport;
        row.SpecificSupportReason = input.SpecificMigrationSupport ? Blank(input.SpecificSupportReason) : null;
        row.SpecificSupportPlannedCompletion = input.SpecificMigrationSupport ? input.SpecificSupportPlannedCompletion : null;
        row.TransitionalMeasures = Blank(input.TransitionalMeasures);
        row.VendorName = Blank(input.VendorName);
        row.TargetGoLive = input.TargetGoLive;
        Touch(row, actor);
        await db.SaveChangesAsync(ct);
        return ToView(StandardBusiness.All.First(b => b.Number == business), row);
    }

    /// <summary>Switches the 業務 off (the 団体 does not run it) or back on. Returns null when there is no such 団体 or
    /// 業務, else whether anything changed.</summary>
    public async Task<bool?> SetEnabledAsync(string organizationCode, int business, bool enabled, string actor, CancellationToken ct = default)
    {
        var row = await RowAsync(organizationCode, business, ct);
        if (row is null) return null;
        if (row.IsEnabled == enabled) return false;
        row.IsEnabled = enabled;
        Touch(row, actor);
        db.AddIntegrationEvent(new MigrationStepsChanged(db.CurrentTenantId!, organizationCode, [business], [], null, row.UpdatedAt,
            enabled ? "enabled" : "disabled"), aggregateKey: $"migration:{organizationCode}");
        await db.SaveChangesAsync(ct);
        return true;
    }

    private async Task<BusinessSystem?> RowAsync(string organizationCode, int business, CancellationToken ct)
    {
        var org = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == organizationCode && o.AbolishedOn == null, ct);
        if (org is null || !MigrationCatalog.BusinessesOf(org.Type).Contains(business)) return null;
        var row = await db.Set<BusinessSystem>().FirstOrDefaultAsync(s => s.OrganizationCode == organizationCode && s.BusinessNumber == business, ct);
        if (row is null)
        {
            row = new BusinessSystem { OrganizationCode = organizationCode, BusinessNumber = business };
            db.Add(row);
        }
        return row;
    }

    private void Touch(BusinessSystem row, string actor)
    {
        row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        row.UpdatedBy = actor;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static SystemView ToView(StandardBusiness business, BusinessSystem? row) => row is null
        ? new(business, true, false, null, null, null, null, null, null, null)
        : new(business, row.IsEnabled, row.IsSpecificMigrationSupport, row.SpecificSupportReason, row.SpecificSupportPlannedCompletion,
            row.TransitionalMeasures, row.VendorName, row.TargetGoLive, DateTime.SpecifyKind(row.UpdatedAt, DateTimeKind.Utc), row.UpdatedBy);
}
