using DxCollab.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Standardization.Tracking;

/// <summary>One step row's status before and after a write (null: no row), and when it was written. A move without a
/// step only says when the 団体 × 業務 last changed (new history).</summary>
public sealed record StatusMove(string OrganizationCode, int BusinessNumber, int? StepNumber, StepStatus? From, StepStatus? To, DateTime? At);

/// <summary>Applies status moves to <see cref="BusinessTally"/> and <see cref="StepTally"/> of the current tenant: relative
/// UPDATEs of existing rows (count = count + delta, so two writers for the same 団体 both count), tracked new rows for the
/// missing ones (stored by the caller's save). One path for the save interceptor and for writes that bypass the change
/// tracker (the workbook import).</summary>
public static class ProgressTallyWriter
{
    private sealed class Delta : IStatusCounts
    {
        public int Completed { get; set; }
        public int InProgress { get; set; }
        public int NotStarted { get; set; }
        public int NotApplicable { get; set; }
        public DateTime? At;
        public bool Counts => Completed != 0 || InProgress != 0 || NotStarted != 0 || NotApplicable != 0;
    }

    /// <param name="beforeWrites">Runs after the reads and before the first write (the interceptor opens its transaction there).</param>
    public static async Task ApplyAsync(DxCollabDbContext db, IReadOnlyCollection<StatusMove> moves, Func<Task>? beforeWrites, CancellationToken ct)
    {
        var (businesses, steps) = Deltas(moves);
        if (businesses.Count == 0 && steps.Count == 0) return;

        // A tenant whose tally was never filled: count the rows already there (these moves are not in the database yet).
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

        if (beforeWrites is not null) await beforeWrites();
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

    /// <summary>Per 団体 × 業務 and per 団体 × step: −1 for a row's old status, +1 for its new one; the latest time per 団体 × 業務.</summary>
    private static (Dictionary<(string Code, int Business), Delta> Businesses, Dictionary<(string Code, int Step), Delta> Steps) Deltas(
        IEnumerable<StatusMove> moves)
    {
        var businesses = new Dictionary<(string, int), Delta>();
        var steps = new Dictionary<(string, int), Delta>();
        Delta Of<TKey>(Dictionary<TKey, Delta> map, TKey key) where TKey : notnull =>
            map.TryGetValue(key, out var d) ? d : map[key] = new Delta();

        foreach (var move in moves)
        {
            if (move.From is null && move.To is null && move.At is null) continue;
            var business = Of(businesses, (move.OrganizationCode, move.BusinessNumber));
            business.At = ProgressTallies.Later(business.At, move.At);
            if (move.StepNumber is not { } stepNumber || move.From == move.To) continue;
            var step = Of(steps, (move.OrganizationCode, stepNumber));
            if (move.From is { } f) { business.Add(f, -1); step.Add(f, -1); }
            if (move.To is { } t) { business.Add(t, +1); step.Add(t, +1); }
        }
        foreach (var key in steps.Where(s => !s.Value.Counts).Select(s => s.Key).ToList()) steps.Remove(key);
        return (businesses, steps);
    }
}
