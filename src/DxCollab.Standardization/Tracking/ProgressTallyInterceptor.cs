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
        ProgressTallies.Forget(eventData.Context);
        Finish(commit: true, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ProgressTallies.Forget(eventData.Context);
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
        ProgressTallies.Forget(context);
        return Finish(commit: false, CancellationToken.None);
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
        var moves = Moves(db);
        if (moves.Count == 0) return;
        try
        {
            // Reads first, then the transaction: its first statement writes, so SQLite takes the write lock at once (a read
            // before it could not be upgraded once another writer committed) and other providers hold locks no longer.
            await ProgressTallyWriter.ApplyAsync(db, moves, async () =>
            {
                if (db.Database.CurrentTransaction is null) _owned = await db.Database.BeginTransactionAsync(ct);
            }, ct);
        }
        catch
        {
            await Abandon(db);
            throw;
        }
    }

    /// <summary>What this save changes: a row's old and new status, and when (UpdatedAt of a new or touched row, ChangedAt
    /// of new history).</summary>
    private static List<StatusMove> Moves(DbContext db)
    {
        var moves = new List<StatusMove>();
        foreach (var entry in db.ChangeTracker.Entries<StepProgress>())
        {
            var row = entry.Entity;
            switch (entry.State)
            {
                case EntityState.Added:
                    moves.Add(new(row.OrganizationCode, row.BusinessNumber, row.StepNumber, null, row.Status, row.UpdatedAt));
                    break;
                case EntityState.Deleted:
                    moves.Add(new(row.OrganizationCode, row.BusinessNumber, row.StepNumber, entry.Property(p => p.Status).OriginalValue, null, null));
                    break;
                case EntityState.Modified:
                    var status = entry.Property(p => p.Status);
                    var (from, to) = status.OriginalValue != status.CurrentValue
                        ? ((StepStatus?)status.OriginalValue, (StepStatus?)status.CurrentValue) : (null, null);
                    DateTime? at = entry.Property(p => p.UpdatedAt).IsModified ? row.UpdatedAt : null;
                    if (from is not null || at is not null) moves.Add(new(row.OrganizationCode, row.BusinessNumber, row.StepNumber, from, to, at));
                    break;
            }
        }
        foreach (var entry in db.ChangeTracker.Entries<StepProgressChange>().Where(e => e.State == EntityState.Added))
            moves.Add(new(entry.Entity.OrganizationCode, entry.Entity.BusinessNumber, null, null, null, entry.Entity.ChangedAt));
        return moves;
    }
}
