using DxCollab.Platform.Data;
using DxCollab.TalentPool.Domain;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.TalentPool.Matching;

/// <summary>A month the expert cannot take the hours asked: how many are left.</summary>
public sealed record CapacityShortfall(DateOnly Month, int CapacityHours, int BookedHours, int Asked)
{
    public int Remaining => Math.Max(0, CapacityHours - BookedHours);
}

/// <summary>Books assignment hours against an expert's monthly capacity (<see cref="ExpertMonthLoad"/>). Each month is one
/// conditional update ("add h where booked + h ≤ capacity") inside the caller's transaction, and a check constraint
/// refuses any row over capacity: the limit holds in the database, also when two staff book the same expert at once
/// (the second waits for the first's row lock and then finds the month full).</summary>
public sealed class CapacityLedger(DxCollabDbContext db)
{
    /// <summary>The first month of each month in [start, end] (both first days of months).</summary>
    public static IEnumerable<DateOnly> Months(DateOnly start, DateOnly end)
    {
        for (var m = new DateOnly(start.Year, start.Month, 1); m <= end; m = m.AddMonths(1)) yield return m;
    }

    /// <summary>Makes sure a ledger row exists for each month (outside any transaction: a row another request inserted at
    /// the same moment is simply used).</summary>
    public async Task EnsureMonthsAsync(Expert expert, IEnumerable<DateOnly> months, CancellationToken ct)
    {
        var keys = months.Select(ExpertMonthLoad.MonthKey).ToList();
        var existing = await db.Set<ExpertMonthLoad>().Where(l => l.ExpertId == expert.Id && keys.Contains(l.Month)).Select(l => l.Month).ToListAsync(ct);
        foreach (var key in keys.Except(existing))
        {
            var row = new ExpertMonthLoad { ExpertId = expert.Id, Month = key, CapacityHours = expert.MonthlyCapacityHours };
            db.Add(row);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                db.Entry(row).State = EntityState.Detached; // inserted by a concurrent booking: theirs is the row
            }
        }
    }

    /// <summary>Books <paramref name="hours"/> in every month, or nothing: returns the first month that cannot take them.
    /// Call inside a transaction (a refusal must roll back the months already booked).</summary>
    public async Task<CapacityShortfall?> TryBookAsync(long expertId, IReadOnlyList<DateOnly> months, int hours, CancellationToken ct)
    {
        foreach (var month in months)
        {
            var key = ExpertMonthLoad.MonthKey(month);
            var booked = await db.Set<ExpertMonthLoad>()
                .Where(l => l.ExpertId == expertId && l.Month == key && l.BookedHours + hours <= l.CapacityHours)
                .ExecuteUpdateAsync(set => set.SetProperty(l => l.BookedHours, l => l.BookedHours + hours), ct);
            if (booked == 1) continue;
            var load = await db.Set<ExpertMonthLoad>().AsNoTracking().FirstOrDefaultAsync(l => l.ExpertId == expertId && l.Month == key, ct);
            return new CapacityShortfall(month, load?.CapacityHours ?? 0, load?.BookedHours ?? 0, hours);
        }
        return null;
    }

    /// <summary>Gives back the hours of an assignment (cancelled, or ended early from <paramref name="months"/> on). Call
    /// only after claiming the assignment's state change with a conditional update: hours given back twice would break
    /// the check constraint (booked ≥ 0) and fail loudly rather than leave the ledger under-counting.</summary>
    public async Task ReleaseAsync(long expertId, IReadOnlyList<DateOnly> months, int hours, CancellationToken ct)
    {
        var keys = months.Select(ExpertMonthLoad.MonthKey).ToList();
        await db.Set<ExpertMonthLoad>().Where(l => l.ExpertId == expertId && keys.Contains(l.Month))
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.BookedHours, l => l.BookedHours - hours), ct);
    }
}
