using System.Data.Common;
using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.MultiTenancy;
using DxCollab.Platform.Data;
using DxCollab.Platform.Tenancy;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.IntegrationTests.ModuleKit;

/// <summary>For every tenant-owned entity type of a running host's model (SQLite): puts one osaka row in its table with
/// raw SQL (every column filled by its type mapping, foreign keys off, so no entity needs a hand-written factory), then
/// proves through the app's own DbContext that osaka sees it, kyoto does not, and kyoto can neither change nor delete
/// it even after a query that ignores the tenant filter.</summary>
public static class GenericIsolation
{
    public static async Task<IReadOnlyList<string>> CheckEveryTenantOwnedTypeAsync(IServiceProvider services, string sqliteConnectionString)
    {
        var model = TenantModel.Of(services);
        var types = TenantModel.TenantOwnedTypes(model).Where(e => !e.IsOwned() && e.GetTableName() is not null && !e.HasSharedClrType).ToList();
        types.ShouldNotBeEmpty();
        var store = services.GetRequiredService<IMultiTenantStore<PrefectureTenant>>();
        var osaka = (await store.GetAsync("osaka"))!;
        var kyoto = (await store.GetAsync("kyoto"))!;
        var checkedTypes = new List<string>();
        foreach (var type in types)
        {
            // One row per tenant (keyed by the tenant alone, ProgressVersion): the probe's row takes the place of osaka's.
            if (type.FindPrimaryKey()?.Properties is [{ Name: Constants.TenantIdProperty }])
                await DeleteTenantRowAsync(sqliteConnectionString, type, "osaka");
            var rowId = await InsertRowAsync(sqliteConnectionString, type, "osaka");
            try
            {
                var check = typeof(GenericIsolation).GetMethod(nameof(CheckAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                    .MakeGenericMethod(type.ClrType);
                await (Task)check.Invoke(null, [services, osaka, kyoto, type.DisplayName()])!;
            }
            // Some tables (団体) are kept between test classes: leave nothing behind.
            finally { await DeleteRowAsync(sqliteConnectionString, type, rowId); }
            checkedTypes.Add(type.DisplayName());
        }
        return checkedTypes;
    }

    private static async Task CheckAsync<T>(IServiceProvider services, PrefectureTenant osaka, PrefectureTenant kyoto, string name) where T : class
    {
        (await InTenantAsync(services, osaka, db => db.Set<T>().CountAsync(OwnedBy<T>(osaka.Id)))).ShouldBeGreaterThanOrEqualTo(1, $"{name}: osaka cannot see its own row");
        (await InTenantAsync(services, kyoto, db => db.Set<T>().CountAsync(NotOwnedBy<T>(kyoto.Id)))).ShouldBe(0, $"{name}: kyoto sees another tenant's rows");
        await InTenantAsync(services, kyoto, async db =>
        {
            var row = await db.Set<T>().IgnoreQueryFilters([Constants.TenantQueryFilter]).FirstAsync(OwnedBy<T>(osaka.Id));
            db.Entry(row).State = EntityState.Modified;
            Refused(await Record.ExceptionAsync(() => db.SaveChangesAsync()), $"{name}: kyoto changed osaka's row");
            return 0;
        });
        await InTenantAsync(services, kyoto, async db =>
        {
            db.Remove(await db.Set<T>().IgnoreQueryFilters([Constants.TenantQueryFilter]).FirstAsync(OwnedBy<T>(osaka.Id)));
            Refused(await Record.ExceptionAsync(() => db.SaveChangesAsync()), $"{name}: kyoto deleted osaka's row");
            return 0;
        });
        (await InTenantAsync(services, osaka, db => db.Set<T>().CountAsync(OwnedBy<T>(osaka.Id)))).ShouldBeGreaterThanOrEqualTo(1, $"{name}: osaka's row is gone");
    }

    /// <summary>Refused by the tenant check, or earlier by an append-only rule (the audit log refuses every change).</summary>
    private static void Refused(Exception? error, string what)
    {
        error.ShouldNotBeNull(what);
        (error is MultiTenantException || error.Message.Contains("監査ログは追記のみ", StringComparison.Ordinal)).ShouldBeTrue($"{what}: {error}");
    }

    private static System.Linq.Expressions.Expression<Func<T, bool>> OwnedBy<T>(string tenant) =>
        e => EF.Property<string>(e!, Constants.TenantIdProperty) == tenant;

    private static System.Linq.Expressions.Expression<Func<T, bool>> NotOwnedBy<T>(string tenant) =>
        e => EF.Property<string>(e!, Constants.TenantIdProperty) != tenant;

    private static async Task<TResult> InTenantAsync<TResult>(IServiceProvider services, PrefectureTenant tenant, Func<DxCollabDbContext, Task<TResult>> work)
    {
        using var _ = services.GetRequiredService<TenantScope<PrefectureTenant>>().Begin(tenant, "test");
        await using var scope = services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<DxCollabDbContext>());
    }

    private static async Task DeleteRowAsync(string connectionString, IEntityType type, long rowId)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var delete = connection.CreateCommand();
        delete.CommandText = $"DELETE FROM \"{type.GetTableName()}\" WHERE rowid = @id";
        delete.Parameters.AddWithValue("@id", rowId);
        (await delete.ExecuteNonQueryAsync()).ShouldBe(1);
    }

    private static async Task DeleteTenantRowAsync(string connectionString, IEntityType type, string tenant)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var delete = connection.CreateCommand();
        delete.CommandText = $"DELETE FROM \"{type.GetTableName()}\" WHERE \"{Constants.TenantIdProperty}\" = @tenant";
        delete.Parameters.AddWithValue("@tenant", tenant);
        await delete.ExecuteNonQueryAsync();
    }

    /// <summary>Returns the SQLite rowid of the new row.</summary>
    private static async Task<long> InsertRowAsync(string connectionString, IEntityType type, string tenant)
    {
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using (var off = connection.CreateCommand())
        {
            // Sample values are of the right type, not of the right range: a module's CHECK constraints (capacity, caps)
            // are its own tests' business, not this isolation probe's.
            off.CommandText = "PRAGMA foreign_keys = OFF; PRAGMA ignore_check_constraints = ON;";
            await off.ExecuteNonQueryAsync();
        }
        await using var insert = connection.CreateCommand();
        var columns = new List<string>();
        var number = Random.Shared.Next(1_000_000, 2_000_000);
        foreach (var property in type.GetProperties())
        {
            if (property.GetColumnName(table) is not { } column) continue;
            var value = property.Name == Constants.TenantIdProperty ? tenant : SampleValue(property, number);
            if (value is null) continue;
            var mapping = (RelationalTypeMapping)property.GetTypeMapping();
            insert.Parameters.Add(mapping.CreateParameter(insert, $"@p{columns.Count}", value, property.IsNullable));
            columns.Add($"\"{column}\"");
        }
        insert.CommandText = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))}) RETURNING rowid";
        return (long)(await insert.ExecuteScalarAsync())!;
    }

    /// <summary>A valid value of the property's CLR type; null leaves a nullable column empty.</summary>
    private static object? SampleValue(IProperty property, int number)
    {
        if (property.IsNullable && !property.IsKey() && !property.IsForeignKey()) return null;
        var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
        if (type.IsEnum) return Enum.GetValues(type).GetValue(0);
        return type switch
        {
            _ when type == typeof(string) => $"x{number}"[..Math.Min(property.GetMaxLength() ?? 64, $"x{number}".Length)],
            _ when type == typeof(int) => number,
            _ when type == typeof(long) => (long)number,
            _ when type == typeof(short) => (short)(number % short.MaxValue),
            _ when type == typeof(byte) => (byte)1,
            _ when type == typeof(bool) => false,
            _ when type == typeof(decimal) => 0m,
            _ when type == typeof(double) => 0d,
            _ when type == typeof(Guid) => Guid.NewGuid(),
            _ when type == typeof(DateTime) => new DateTime(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc),
            _ when type == typeof(DateTimeOffset) => new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero),
            _ when type == typeof(DateOnly) => new DateOnly(2026, 1, 5),
            _ when type == typeof(TimeSpan) => TimeSpan.Zero,
            _ when type == typeof(byte[]) => new byte[] { 1 },
            _ => throw new NotSupportedException($"{property.DeclaringType.DisplayName()}.{property.Name}: no sample value for {type.Name}"),
        };
    }
}
