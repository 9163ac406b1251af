using DxCollab.Platform.Data;
using DxCollab.Platform.Organizations;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Standardization.Tracking;

/// <summary>An active 団体 with the 業務 that count: those it reports, less those switched off.</summary>
public sealed record CountedOrganization(string Code, string Name, OrganizationType Type, IReadOnlyList<int> Businesses);

/// <summary>What every 標準化 figure of a request starts from, read once per request (scoped) instead of once per figure:
/// the tenant's counted 団体 and its 団体 × 業務 and 団体 × step tallies. The dashboard shows seven figures from them
/// (bench, 北海道 on PostgreSQL: it read the 団体 list and switched-off 業務 seven times and the tally six times per page).
/// Forgotten after every SaveChanges of the request's context and when the context's tenant changes (a job walking
/// tenants in one scope), so a figure never shows data older than the request's own writes or another tenant's.</summary>
public sealed class ProgressReads
{
    private readonly DxCollabDbContext db;
    private string? tenant;
    private List<CountedOrganization>? counted;
    private Dictionary<(string Code, int Business), BusinessTally>? businesses;
    private Dictionary<(string Code, int Step), StepTally>? steps;

    public ProgressReads(DxCollabDbContext db)
    {
        this.db = db;
        db.SavedChanges += (_, _) => Forget();
    }

    public async Task<IReadOnlyList<CountedOrganization>> CountedAsync(CancellationToken ct)
    {
        Check();
        if (counted is not null) return counted;
        var organizations = await db.Organizations.AsNoTracking().Where(o => o.AbolishedOn == null)
            .Select(o => new { o.Code, o.Name, o.Type }).ToListAsync(ct);
        var disabled = await SwitchedOffBusinesses.LoadAsync(db, ct);
        return counted = organizations.Select(o => new CountedOrganization(o.Code, o.Name, o.Type,
            [.. MigrationCatalog.BusinessesOf(o.Type).Where(b => !disabled.Contains((o.Code, b)))])).ToList();
    }

    /// <summary>The tenant's 団体 × 業務 tallies, or one 団体's (read on its own unless the tenant's are already here).</summary>
    public async Task<IReadOnlyDictionary<(string Code, int Business), BusinessTally>> BusinessesAsync(string? organizationCode, CancellationToken ct)
    {
        Check();
        if (organizationCode is null) return businesses ??= await ProgressTallies.BusinessesAsync(db, null, ct);
        if (businesses is not null) return businesses.Where(t => t.Key.Code == organizationCode).ToDictionary();
        return await ProgressTallies.BusinessesAsync(db, organizationCode, ct);
    }

    public async Task<IReadOnlyDictionary<(string Code, int Step), StepTally>> StepsAsync(CancellationToken ct)
    {
        Check();
        return steps ??= await ProgressTallies.StepsAsync(db, ct);
    }

    /// <summary>Keeps the context's connection open for the rest of the request (a page of many figures): on PostgreSQL
    /// every open costs a reset and the tenant's setting, two round trips before each query otherwise. Only for a
    /// request's single tenant: the tenant setting is made when the connection opens.</summary>
    public Task HoldConnectionAsync(CancellationToken ct) => db.Database.OpenConnectionAsync(ct);

    private void Check()
    {
        if (tenant == db.CurrentTenantId) return;
        Forget();
        tenant = db.CurrentTenantId;
    }

    private void Forget() => (counted, businesses, steps) = (null, null, null);
}
