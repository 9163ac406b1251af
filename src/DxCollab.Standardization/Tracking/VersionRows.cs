using System.Linq.Expressions;
using DxCollab.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Standardization.Tracking;

/// <summary>Reads a version row (<see cref="ProgressVersion"/>, <see cref="National.NationalProgressVersion"/>), making it
/// first when it is missing: two first readers at once, one insert wins and both read the row. A change stored before
/// the row existed (its bump found nothing to update) is read anyway, since the figures are computed after this. A new
/// row starts at the current UTC ticks, not 0: a row deleted and made again (a reset or restored database) must never
/// come back to a version whose figures an instance still keeps (the integration fixtures' reset between test classes
/// did exactly that: the national figures stayed those of before the reset).</summary>
internal static class VersionRows
{
    public static async Task<long?> ReadAsync<T>(DxCollabDbContext db, Func<long, T> create, Expression<Func<T, long?>> version, CancellationToken ct)
        where T : class
    {
        if (await db.Set<T>().AsNoTracking().Select(version).FirstOrDefaultAsync(ct) is { } current) return current;
        var row = create(DateTime.UtcNow.Ticks);
        db.Add(row);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { }
        finally { db.Entry(row).State = EntityState.Detached; }
        return await db.Set<T>().AsNoTracking().Select(version).FirstOrDefaultAsync(ct);
    }
}
