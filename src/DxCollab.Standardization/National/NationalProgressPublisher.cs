using DxCollab.Platform.Data;
using DxCollab.Standardization.Contracts;
using DxCollab.Standardization.Tracking;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Standardization.National;

/// <summary>Tenant side of the national roll-up: runs under the tenant of a <see cref="MigrationStepsChanged"/>,
/// recomputes the affected 団体 × 業務 rows from the tenant's own tables and publishes them as a host-level
/// <see cref="NationalProgressChanged"/> (no tenant header). It changes nothing, so a redelivery only publishes the
/// same (current) snapshot again. An event with no 業務 recomputes every 業務 the 団体 reports (e.g. after a 業務
/// was switched off).</summary>
public sealed class NationalProgressPublisher(DxCollabDbContext db, TimeProvider clock) : IConsumer<MigrationStepsChanged>
{
    public async Task Consume(ConsumeContext<MigrationStepsChanged> context)
    {
        var message = context.Message;
        var ct = context.CancellationToken;
        var snapshot = await ComputeAsync(db, message.TenantId, message.OrganizationCode, message.BusinessNumbers, clock.GetUtcNow().UtcDateTime, ct);
        if (snapshot is not null) await context.Publish(snapshot, ct);
    }

    /// <summary>The current counts of the given 業務 rows of one 団体 of the current tenant, or null when the tenant has
    /// no such 団体.</summary>
    public static async Task<NationalProgressChanged?> ComputeAsync(DxCollabDbContext db, string prefectureId, string organizationCode,
        IReadOnlyCollection<int> businesses, DateTime now, CancellationToken ct)
    {
        var org = await db.Organizations.AsNoTracking().Where(o => o.Code == organizationCode)
            .Select(o => new { o.Type, o.AbolishedOn }).FirstOrDefaultAsync(ct);
        if (org is null) return null;
        var reported = MigrationCatalog.BusinessesOf(org.Type);
        var affected = (businesses.Count == 0 ? reported : businesses.Where(reported.Contains)).Distinct().Order().ToList();
        var disabled = await db.Set<BusinessSystem>().AsNoTracking()
            .Where(s => s.OrganizationCode == organizationCode && !s.IsEnabled && affected.Contains(s.BusinessNumber))
            .Select(s => s.BusinessNumber).ToListAsync(ct);
        var counts = (await db.Set<StepProgress>().AsNoTracking()
                .Where(p => p.OrganizationCode == organizationCode && affected.Contains(p.BusinessNumber))
                .GroupBy(p => new { p.BusinessNumber, p.Status })
                .Select(g => new { g.Key.BusinessNumber, g.Key.Status, Count = g.Count() })
                .ToListAsync(ct))
            .ToLookup(c => c.BusinessNumber);
        var rows = affected.Select(business =>
        {
            var of = counts[business].ToDictionary(c => c.Status, c => c.Count);
            int completed = of.GetValueOrDefault(StepStatus.Completed), inProgress = of.GetValueOrDefault(StepStatus.InProgress),
                notApplicable = of.GetValueOrDefault(StepStatus.NotApplicable);
            var enabled = org.AbolishedOn is null && !disabled.Contains(business);
            return new NationalRowCounts(business, enabled, completed, inProgress,
                MigrationCatalog.StepCount - completed - inProgress - notApplicable, notApplicable);
        }).ToArray();
        return new NationalProgressChanged(prefectureId, organizationCode, org.Type, rows, now);
    }
}
