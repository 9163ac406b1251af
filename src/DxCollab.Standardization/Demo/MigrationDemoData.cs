using System.Diagnostics;
using DxCollab.Platform.Data;
using DxCollab.Platform.Hosting;
using DxCollab.Platform.Messaging;
using DxCollab.Platform.Organizations;
using DxCollab.Platform.Tenancy;
using DxCollab.Standardization.Contracts;
using DxCollab.Standardization.Tracking;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DxCollab.Standardization.Demo;

/// <summary>Demo mode: fills osaka and kyoto with step statuses built from the published 2026-01 figures (see
/// <see cref="DemoProgressGenerator"/>), written in bulk with their tally (<see cref="NationSeeder.WriteProgressAsync"/>),
/// with one <see cref="MigrationStepsChanged"/> per 団体 so the national roll-up shows them too. Demo figures are nobody's
/// action: no audit entry per row. Does nothing once the tenant has any step.</summary>
public sealed class MigrationDemoData(TimeProvider clock, ILogger<MigrationDemoData> logger) : IDemoDataContributor
{
    /// <summary>One 特定移行支援システム per demo tenant, in a 団体 that has a demo account.</summary>
    private static readonly Dictionary<string, DemoSpecificSupport> SpecificSupport = new()
    {
        ["osaka"] = new("273830", 3, "メインフレームからの移行のため", new DateOnly(2027, 10, 1)),
        ["kyoto"] = new("263648", 3, "事業者の撤退により移行先の事業者を選び直しているため", new DateOnly(2028, 1, 4)),
    };

    public async Task SeedAsync(PrefectureTenant tenant, IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<DxCollabDbContext>();
        if (await db.Set<StepProgress>().AnyAsync(ct)) return;
        var watch = Stopwatch.StartNew();
        var organizations = await db.Organizations.AsNoTracking().Where(o => o.AbolishedOn == null)
            .Select(o => new DemoOrganization(o.Code, o.Name, o.Type)).ToListAsync(ct);
        var prefecture = organizations.FirstOrDefault(o => o.Type == OrganizationType.Prefecture);
        if (prefecture is null || PublishedFigures.For(prefecture.Name) is not { } figures)
        {
            logger.LogWarning("Demo mode: no published 標準化 figures for tenant {Tenant}", tenant.Identifier);
            return;
        }
        var officers = DemoData.Users.Where(u => u.TenantId == tenant.Identifier && u.OrganizationCode is not null)
            .DistinctBy(u => u.OrganizationCode).ToDictionary(u => u.OrganizationCode!, u => u.Email);
        var now = clock.GetUtcNow().UtcDateTime;
        var demo = DemoProgressGenerator.Generate(organizations, figures, SpecificSupport.GetValueOrDefault(tenant.Identifier), officers, now);
        var generated = watch.Elapsed;
        if (demo.Unmatched.Count > 0)
            logger.LogWarning("Demo mode: no published rates for {Municipalities} in {Tenant}", string.Join("、", demo.Unmatched), tenant.Identifier);

        // Tens of thousands of new rows: written in bulk (with their tally), then the events through the outbox, in one transaction.
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await NationSeeder.WriteProgressAsync(db, demo, ct);
            foreach (var code in demo.Steps.Select(s => s.OrganizationCode).Distinct())
                db.AddIntegrationEvent(new MigrationStepsChanged(db.CurrentTenantId!, code, [], [], null, now, DemoProgressGenerator.Source),
                    aggregateKey: $"migration:{code}");
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        // The next contributors share this scope's context.
        db.ChangeTracker.Clear();
        logger.LogInformation("Demo mode: {Steps} steps and {Changes} history rows for {Tenant} in {Seconds:0.0} s (generated in {Generated:0.0} s)",
            demo.Steps.Count, demo.Changes.Count, tenant.Identifier, watch.Elapsed.TotalSeconds, generated.TotalSeconds);
    }
}
