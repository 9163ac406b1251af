using DxCollab.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace DxCollab.Standardization.Tracking;

/// <summary>Keeps <see cref="BusinessTally"/> and <see cref="StepTally"/> current in the same transaction as every save
/// that adds, changes or deletes a <see cref="StepProgress"/> (or adds history): the step tracker, the workbook import,
/// demo seeding and anything written later, with no call to forget. Existing tally rows are changed by relative
/// UPDATEs (count = count + delta), so two saves at once for the same 団体 both count; missing rows are inserted.
/// When the save has no transaction of its own, one is opened here and committed after the save (rolled back if it
/// fails), so the UPDATEs and the rows commit together. Switching a 業務 off or changing the 団体 list changes no
/// count: readers leave those rows out.</summary>
public sealed class ProgressTallyInterceptor : SaveChangesInterceptor
{
    private IDbContextTransaction? _owned;

    private sealed class Delta : IStatusCounts
    {
        public int Completed { get; set; }
        public int InProgress { get; set; }
        public int NotStarted { get; set; }
        public int NotApplicable { get; set; }
        public DateTime? At;
        public bool Counts => Completed != 0 || InProgress != 0 || NotStarted != 0 || NotApplicable != 0;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        BeforeSaveAsync(eventData.Context, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        await BeforeSaveAsync(eventData.Context, cancellationToken);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Forget(eventData.Context);
        Finish(commit: true, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        await Finish(commit: true, cancellationToken);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Abandon(eventData.Context).GetAwaiter().GetResult();

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) =>
        Abandon(eventData.Context);

    public override void SaveChangesCanceled(DbContextEventData eventData) => Abandon(eventData.Context).GetAwaiter().GetResult();

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default) =>
        Abandon(eventData.Context);

    /// <summary>The save did not happen: its tally rows are not kept for the next one, and an own transaction rolls back.</summary>
    private Task Abandon(DbContext? context)
    {
        Forget(context);
        return Finish(commit: false, CancellationToken.None);
    }

    /// <summary>Saved tally rows are changed by relative UPDATEs from now on: a tracked copy would only go stale.</summary>
    private static void Forget(DbContext? context)
    {
        if (context is null) return;
        foreach (var entry in context.ChangeTracker.Entries().Where(e => e.Entity is BusinessTally or StepTally).ToList())
            entry.State = EntityState.Detached;
    }

    private async Task Finish(bool commit, CancellationToken ct)
    {
        if (_owned is not { } transaction) return;
        _owned = null;
        try
        {
            if (commit) await transaction.CommitAsync(ct);
            else await transaction.RollbackAsync(CancellationToken.None);
        }
        finally { await transaction.DisposeAsync(); }
    }

    private async Task BeforeSaveAsync(DbContext? context, CancellationToken ct)
    {
        if (context is not DxCollabDbContext db) return;
        // DxCollabDbContext detected changes once for the whole save; a bulk load that turned detection off only adds rows.
        if (db.ChangeTracker.AutoDetectChangesEnabled) db.ChangeTracker.DetectChanges();
        var (businesses, steps) = Deltas(db);
        if (businesses.Count == 0 && steps.Count == 0) return;

        // A tenant whose tally was never filled: count the rows already there (this save's are not in the database yet).
        var filledBusinesses = new Dictionary<(string, int), BusinessTally>();
        var filledSteps = new Dictionary<(string, int), StepTally>();
        if (!await db.Set<BusinessTally>().AnyAsync(ct) && await db.Set<StepProgress>().AnyAsync(ct))
        {
            var (recountedBusinesses, recountedSteps) = await ProgressTallies.RecountAsync(db, ct);
            filledBusinesses = recountedBusinesses.ToDictionary(t => (t.OrganizationCode, t.BusinessNumber));
            filledSteps = recountedSteps.ToDictionary(t => (t.OrganizationCode, t.StepNumber));
            db.AddRange(recountedBusinesses);
            db.AddRange(recountedSteps);
        }
        var codes = businesses.Keys.Select(k => k.Code).Concat(steps.Keys.Select(k => k.Code)).Distinct().ToList();
        var tenantId = db.CurrentTenantId!;
        var haveBusiness = (await db.Set<BusinessTally>().AsNoTracking().Where(t => codes.Contains(t.OrganizationCode))
            .Select(t => new { t.OrganizationCode, t.BusinessNumber }).ToListAsync(ct)).Select(t => (t.OrganizationCode, t.BusinessNumber)).ToHashSet();
        var haveStep = (await db.Set<StepTally>().AsNoTracking().Where(t => codes.Contains(t.OrganizationCode))
            .Select(t => new { t.OrganizationCode, t.StepNumber }).ToListAsync(ct)).Select(t => (t.OrganizationCode, t.StepNumber)).ToHashSet();

        // Reads first, then the transaction: its first statement writes, so SQLite takes the write lock at once (a read
        // before it could not be upgraded once another writer committed) and other providers hold locks no longer.
        if (db.Database.CurrentTransaction is null) _owned = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var changedBusinesses = new List<TallyChange>();
            foreach (var ((code, business), d) in businesses)
            {
                if (haveBusiness.Contains((code, business)))
                {
                    changedBusinesses.Add(new(code, business, d, d.At));
                    continue;
                }
                if (!filledBusinesses.TryGetValue((code, business), out var added))
                    db.Add(added = new BusinessTally { TenantId = tenantId, OrganizationCode = code, BusinessNumber = business });
                added.Add(d);
                added.LastChangedAt = ProgressTallies.Later(added.LastChangedAt, d.At);
            }
            var changedSteps = new List<TallyChange>();
            foreach (var ((code, step), d) in steps)
            {
                if (haveStep.Contains((code, step)))
                {
                    changedSteps.Add(new(code, step, d, null));
                    continue;
                }
                if (!filledSteps.TryGetValue((code, step), out var added))
                    db.Add(added = new StepTally { TenantId = tenantId, OrganizationCode = code, StepNumber = step });
                added.Add(d);
            }
            await RelativeTallyUpdates.BusinessesAsync(db, changedBusinesses, ct);
            await RelativeTallyUpdates.StepsAsync(db, changedSteps, ct);
        }
        catch
        {
            await Abandon(db);
            throw;
        }
    }

    /// <summary>What this save changes, per 団体 × 業務 and per 団体 × step: −1 for a row's old status, +1 for its new
    /// one; the latest UpdatedAt / ChangedAt per 団体 × 業務.</summary>
    private static (Dictionary<(string Code, int Business), Delta> Businesses, Dictionary<(string Code, int Step), Delta> Steps) Deltas(DbContext db)
    {
        var businesses = new Dictionary<(string, int), Delta>();
        var steps = new Dictionary<(string, int), Delta>();
        Delta Of<TKey>(Dictionary<TKey, Delta> map, TKey key) where TKey : notnull =>
            map.TryGetValue(key, out var d) ? d : map[key] = new Delta();

        foreach (var entry in db.ChangeTracker.Entries<StepProgress>())
        {
            var row = entry.Entity;
            StepStatus? from = null, to = null;
            DateTime? at = null;
            switch (entry.State)
            {
                case EntityState.Added:
                    to = row.Status;
                    at = row.UpdatedAt;
                    break;
                case EntityState.Deleted:
                    from = entry.Property(p => p.Status).OriginalValue;
                    break;
                case EntityState.Modified:
                    var status = entry.Property(p => p.Status);
                    if (status.OriginalValue != status.CurrentValue) (from, to) = (status.OriginalValue, status.CurrentValue);
                    if (entry.Property(p => p.UpdatedAt).IsModified) at = row.UpdatedAt;
                    break;
                default:
                    continue;
            }
            if (from is null && to is null && at is null) continue;
            var business = Of(businesses, (row.OrganizationCode, row.BusinessNumber));
            business.At = ProgressTallies.Later(business.At, at);
            if (from == to) continue;
            var step = Of(steps, (row.OrganizationCode, row.StepNumber));
            if (from is { } f) { business.Add(f, -1); step.Add(f, -1); }
            if (to is { } t) { business.Add(t, +1); step.Add(t, +1); }
        }
        foreach (var entry in db.ChangeTracker.Entries<StepProgressChange>().Where(e => e.State == EntityState.Added))
        {
            var business = Of(businesses, (entry.Entity.OrganizationCode, entry.Entity.BusinessNumber));
            business.At = ProgressTallies.Later(business.At, entry.Entity.ChangedAt);
        }
        foreach (var key in steps.Where(s => !s.Value.Counts).Select(s => s.Key).ToList()) steps.Remove(key);
        return (businesses, steps);
    }
}
