using System.Linq.Expressions;
using DxCollab.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Standardization.Tracking;

/// <summary>Reads a version row (<see cref="ProgressVersion"/>, <see cref="National.NationalProgressVersion"/>), making it
/// first when it is missing: two first readers at once, one insert wins and both read the row. A change stored before
/// the row existed (its bump found nothing to update) is read anyway, since the figures are computed after this.</summary>
internal static class VersionRows
{
    public static async Task<long?> ReadAsync<T>(DxCollabDbContext db, Func<T> create, Expression<Func<T, long?>> version, CancellationToken ct)
        where T : class
    {
        if (await db.Set<T>().AsNoTracking().Select(version).FirstOrDefaultAsync(ct) is { } current) return current;
        var row = create();
        db.Add(row);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { }
        finally { db.Entry(row).State = EntityState.Detached; }
        return await db.Set<T>().AsNoTracking().Select(version).FirstOrDefaultAsync(ct);
    }
}
