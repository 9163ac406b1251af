using DxCollab.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Standardization.Tracking;

/// <summary>Many step statuses written at once by one actor at one time (the workbook import of a whole prefecture:
/// thousands of changed steps), set-wise instead of a statement per row: the changed rows by one UPDATE per new
/// status, new rows and their history in bulk, the tally by the same <see cref="ProgressTallyWriter"/> the save
/// interceptor uses, all in one transaction; the tenant's figures are marked stale after it commits. What the caller
/// has added to the context (events, the audit entry) is saved in the same transaction.</summary>
internal sealed class StatusWrite(DateTime now, string actor)
{
    /// <summary>Ids per UPDATE: each is a parameter, and SQL Server allows 2,100 per command.</summary>
    private const int IdsPerStatement = 1000;

    private readonly Dictionary<StepStatus, List<long>> _changed = [];
    private readonly List<StepProgress> _added = [];
    private readonly List<StatusMove> _moves = [];

    public List<StepProgressChange> History { get; } = [];

    /// <summary>Step <paramref name="step"/> moves to <paramref name="to"/>; <paramref name="row"/> is its row as read (null: none yet, 未着手).</summary>
    public void Add(string organizationCode, int business, int step, StepProgress? row, StepStatus to)
    {
        var from = row?.Status ?? StepStatus.NotStarted;
        if (row is null)
            _added.Add(new StepProgress
            {
                OrganizationCode = organizationCode, BusinessNumber = business, StepNumber = step, Status = to, UpdatedAt = now, UpdatedBy = actor,
            });
        else
        {
            if (!_changed.TryGetValue(to, out var ids)) _changed[to] = ids = [];
            ids.Add(row.Id);
        }
        _moves.Add(new(organizationCode, business, step, row?.Status, to, now));
        History.Add(new StepProgressChange
        {
            OrganizationCode = organizationCode, BusinessNumber = business, StepNumber = step, FromStatus = from, ToStatus = to,
            PlannedDate = row?.PlannedDate, ActualDate = row?.ActualDate, Note = row?.Note, ChangedAt = now, ChangedBy = actor, Source = "import",
        });
    }

    public async Task SaveAsync(DxCollabDbContext db, CancellationToken ct)
    {
        if (History.Count == 0)
        {
            await db.SaveChangesAsync(ct);
            return;
        }
        var owned = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            await BulkInsert.WriteAsync(db, History, ct);
            await BulkInsert.WriteAsync(db, _added, ct);
            foreach (var (status, ids) in _changed)
                foreach (var chunk in ids.Chunk(IdsPerStatement))
                    await db.Set<StepProgress>().Where(p => chunk.Contains(p.Id)).ExecuteUpdateAsync(set => set
                        .SetProperty(p => p.Status, status).SetProperty(p => p.UpdatedAt, now).SetProperty(p => p.UpdatedBy, actor), ct);
            await ProgressTallyWriter.ApplyAsync(db, _moves, beforeWrites: null, ct);
            await db.SaveChangesAsync(ct);
            if (owned is not null) await owned.CommitAsync(ct);
        }
        catch
        {
            // Tally rows added for this write were not stored: they must not be saved by a later save.
            foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity is BusinessTally or StepTally).ToList())
                entry.State = EntityState.Detached;
            throw;
        }
        finally
        {
            if (owned is not null) await owned.DisposeAsync();
        }
        // After the commit, as the version interceptor does for saves: readers from now on compute afresh.
        await ProgressVersion.BumpAsync(db, CancellationToken.None);
    }
}
