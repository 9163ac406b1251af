using DxCollab.Platform.Data;
using DxCollab.Platform.ReferenceData;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Standardization.Tracking;

/// <summary>A step as stored, as much as deciding a change needs: the row and its status. The default (no row) is 未着手.</summary>
internal readonly record struct StoredStep(long? Id, StepStatus Status);

/// <summary>Many step statuses written at once by one actor at one time (the workbook import of a whole prefecture:
/// thousands of changed steps), set-wise instead of a statement per row: the changed rows by one UPDATE per new
/// status, new rows and the history in bulk, the tally by the same <see cref="ProgressTallyWriter"/> the save
/// interceptor uses, all in one transaction; the tenant's figures are marked stale after it commits. What the caller
/// has added to the context (events, the audit entry) is saved in the same transaction.</summary>
internal sealed class StatusWrite(DateTime now, string actor, string source)
{
    /// <summary>Ids per statement: each is a parameter, and SQL Server allows 2,100 per command.</summary>
    private const int IdsPerStatement = 1000;

    private sealed record Change(string OrganizationCode, int Business, int Step, long? Id, StepStatus From, StepStatus To);

    private readonly List<Change> _changes = [];

    public int Count => _changes.Count;

    public int Organizations => _changes.Select(c => c.OrganizationCode).Distinct().Count();

    /// <summary>The statuses stored for <paramref name="organizationCodes"/>, by 団体 and then <see cref="Index"/> (a projection,
    /// not entities: a whole prefecture is ≈ 140,000 rows, and reading them as entities was most of an import's time).</summary>
    public static async Task<Dictionary<string, StoredStep[]>> ReadAsync(DxCollabDbContext db, IReadOnlyCollection<string> organizationCodes,
        CancellationToken ct)
    {
        var grids = organizationCodes.ToDictionary(c => c, _ => new StoredStep[Index(StandardBusiness.All.Count, MigrationCatalog.StepCount) + 1]);
        await foreach (var row in db.Set<StepProgress>().AsNoTracking().Where(p => organizationCodes.Contains(p.OrganizationCode))
                           .Select(p => new { p.Id, p.OrganizationCode, p.BusinessNumber, p.StepNumber, p.Status }).AsAsyncEnumerable().WithCancellation(ct))
            grids[row.OrganizationCode][Index(row.BusinessNumber, row.StepNumber)] = new(row.Id, row.Status);
        return grids;
    }

    public static int Index(int business, int step) => business * (MigrationCatalog.StepCount + 1) + step;

    /// <summary>Step <paramref name="step"/> moves from what is <paramref name="stored"/> to <paramref name="to"/>.</summary>
    public void Add(string organizationCode, int business, int step, StoredStep stored, StepStatus to) =>
        _changes.Add(new(organizationCode, business, step, stored.Id, stored.Status, to));

    public async Task SaveAsync(DxCollabDbContext db, CancellationToken ct)
    {
        if (_changes.Count == 0)
        {
            await db.SaveChangesAsync(ct);
            return;
        }
        // Reads first (SQLite takes its write lock at the first write), then one transaction for everything.
        var history = await HistoryAsync(db, ct);
        var added = _changes.Where(c => c.Id is null).Select(c => new StepProgress
        {
            OrganizationCode = c.OrganizationCode, BusinessNumber = c.Business, StepNumber = c.Step, Status = c.To, UpdatedAt = now, UpdatedBy = actor,
        }).ToList();
        var moves = _changes.Select(c => new StatusMove(c.OrganizationCode, c.Business, c.Step, c.Id is null ? null : c.From, c.To, now)).ToList();
        var owned = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            await BulkInsert.WriteAsync(db, history, ct);
            await BulkInsert.WriteAsync(db, added, ct);
            foreach (var byStatus in _changes.Where(c => c.Id is not null).GroupBy(c => c.To))
                foreach (var chunk in byStatus.Select(c => c.Id!.Value).Chunk(IdsPerStatement))
                    await db.Set<StepProgress>().Where(p => chunk.Contains(p.Id)).ExecuteUpdateAsync(set => set
                        .SetProperty(p => p.Status, byStatus.Key).SetProperty(p => p.UpdatedAt, now).SetProperty(p => p.UpdatedBy, actor), ct);
            await ProgressTallyWriter.ApplyAsync(db, moves, beforeWrites: null, ct);
            await db.SaveChangesAsync(ct);
            if (owned is not null) await owned.CommitAsync(ct);
        }
        catch
        {
            ProgressTallies.Forget(db); // tally rows added for this write were not stored: a later save must not store them
            throw;
        }
        finally
        {
            if (owned is not null) await owned.DisposeAsync();
        }
        // After the commit, as the version interceptor does after a save: readers from now on compute afresh.
        await ProgressVersion.BumpAsync(db, CancellationToken.None);
    }

    /// <summary>A history row per change, with the step's dates and note as they stand (read only for the rows that have any).</summary>
    private async Task<List<StepProgressChange>> HistoryAsync(DxCollabDbContext db, CancellationToken ct)
    {
        var details = new Dictionary<long, (DateOnly? Planned, DateOnly? Actual, string? Note)>();
        foreach (var chunk in _changes.Where(c => c.Id is not null).Select(c => c.Id!.Value).Chunk(IdsPerStatement))
            foreach (var d in await db.Set<StepProgress>().AsNoTracking()
                         .Where(p => chunk.Contains(p.Id) && (p.PlannedDate != null || p.ActualDate != null || p.Note != null))
                         .Select(p => new { p.Id, p.PlannedDate, p.ActualDate, p.Note }).ToListAsync(ct))
                details[d.Id] = (d.PlannedDate, d.ActualDate, d.Note);
        return [.. _changes.Select(c =>
        {
            var (planned, actual, note) = c.Id is { } id ? details.GetValueOrDefault(id) : default;
            return new StepProgressChange
            {
                OrganizationCode = c.OrganizationCode, BusinessNumber = c.Business, StepNumber = c.Step, FromStatus = c.From, ToStatus = c.To,
                PlannedDate = planned, ActualDate = actual, Note = note, ChangedAt = now, ChangedBy = actor, Source = source,
            };
        })];
    }
}
