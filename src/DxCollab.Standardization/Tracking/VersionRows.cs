using System.Data.Common;
using System.Linq.Expressions;
using DxCollab.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace DxCollab.Standardization.Tracking;

/// <summary>Reads and bumps a version row (<see cref="ProgressVersion"/>, <see cref="National.NationalProgressVersion"/>).
/// Neither side may lose a change: a bump that finds no row makes it (in the writer's own transaction, so a reader
/// making it at the same moment waits for the writer and then reads its row), and a reader that finds no row makes it
/// before computing. A new row starts at the current UTC ticks, not 0: a row deleted and made again (a reset or
/// restored database) must never come back to a version whose figures an instance still keeps (the integration
/// fixtures' reset between test classes did exactly that).</summary>
internal static class VersionRows
{
    private const string Savepoint = "dxcollab_version_row";

    public static async Task<long?> ReadAsync<T>(DxCollabDbContext db, IReadOnlyDictionary<string, object> key, Expression<Func<T, long?>> version,
        CancellationToken ct) where T : class
    {
        if (await db.Set<T>().AsNoTracking().Select(version).FirstOrDefaultAsync(ct) is { } current) return current;
        try { await InsertAsync<T>(db, key, ct); }
        catch (DbException) { } // made meanwhile
        return await db.Set<T>().AsNoTracking().Select(version).FirstOrDefaultAsync(ct);
    }

    public static async Task BumpAsync<T>(DxCollabDbContext db, IReadOnlyDictionary<string, object> key,
        Func<IQueryable<T>, CancellationToken, Task<int>> increment, CancellationToken ct) where T : class
    {
        if (await increment(db.Set<T>(), ct) > 0) return;
        var transaction = db.Database.CurrentTransaction;
        if (transaction is not null) await transaction.CreateSavepointAsync(Savepoint, ct);
        try { await InsertAsync<T>(db, key, ct); }
        catch (DbException)
        {
            // A reader made it meanwhile: add one to theirs.
            if (transaction is not null) await transaction.RollbackToSavepointAsync(Savepoint, ct);
            await increment(db.Set<T>(), ct);
        }
    }

    /// <summary>INSERT of the row with its key and a fresh version (raw SQL: a save here would run every save interceptor
    /// again from inside one).</summary>
    private static Task InsertAsync<T>(DxCollabDbContext db, IReadOnlyDictionary<string, object> key, CancellationToken ct)
    {
        var entity = db.Model.FindEntityType(typeof(T))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var names = key.Keys.Append("Version").ToList();
        object[] values = [.. key.Values, DateTime.UtcNow.Ticks];
        var text = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} " +
                   $"({string.Join(", ", names.Select(n => sql.DelimitIdentifier(entity.FindProperty(n)!.GetColumnName(table)!)))}) " +
                   $"VALUES ({string.Join(", ", names.Select((_, i) => "{" + i + "}"))})";
        return db.Database.ExecuteSqlRawAsync(text, values, ct);
    }
}
