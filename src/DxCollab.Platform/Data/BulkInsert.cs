using System.Data;
using System.Data.Common;
using System.Text;
using System.Text.RegularExpressions;
using DxCollab.MultiTenancy;
using DxCollab.MultiTenancy.EntityFrameworkCore;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace DxCollab.Platform.Data;

/// <summary>One column a bulk write fills: its name and store type in the table, and the row's value as the provider
/// stores it (the model's value converter applied; the tenant for a shadow TenantId).</summary>
public sealed record BulkColumn(string Name, string StoreType, Type ProviderType, RelationalTypeMapping Mapping, Func<object, object?> Read);

/// <summary>The table of an entity type and the columns a bulk write fills, read from the EF model of the context (so
/// names, converters and the tenant follow the model, as SaveChanges would write them). Database-generated keys are
/// left to the database.</summary>
public sealed partial class BulkTable
{
    public required string Name { get; init; }
    public string? Schema { get; init; }
    public required IReadOnlyList<BulkColumn> Columns { get; init; }
    /// <summary>Tenant-owned rows: the current tenant is written (or checked) and PostgreSQL row-level security applies.</summary>
    public bool IsMultiTenant { get; init; }

    public static BulkTable For<T>(DxCollabDbContext db) where T : class => For(db, typeof(T));

    public static BulkTable For(DxCollabDbContext db, Type clrType)
    {
        var entityType = db.Model.FindEntityType(clrType) ?? throw new InvalidOperationException($"{clrType.Name} is not in the model.");
        var table = entityType.GetTableName() ?? throw new InvalidOperationException($"{clrType.Name} is not mapped to a table.");
        var store = StoreObjectIdentifier.Table(table, entityType.GetSchema());
        var multiTenant = entityType.IsMultiTenant();
        var columns = new List<BulkColumn>();
        foreach (var property in entityType.GetProperties())
        {
            if (property.IsPrimaryKey() && property.ValueGenerated != ValueGenerated.Never) continue; // identity: the database numbers it
            var name = property.GetColumnName(store) ?? throw new InvalidOperationException($"{clrType.Name}.{property.Name} has no column.");
            var mapping = property.GetRelationalTypeMapping();
            var converter = mapping.Converter;
            Func<object, object?> read;
            if (multiTenant && property.Name == Constants.TenantIdProperty)
                read = property.IsShadowProperty() ? _ => Tenant(db) : row => CheckTenant(db, property.GetGetter().GetClrValueUsingContainingEntity(row), clrType);
            else if (property.IsShadowProperty())
                throw new NotSupportedException($"{clrType.Name}.{property.Name} is a shadow property: a bulk write cannot read it.");
            else
            {
                var getter = property.GetGetter();
                read = converter is null ? getter.GetClrValueUsingContainingEntity
                    : row => getter.GetClrValueUsingContainingEntity(row) is { } value ? converter.ConvertToProvider(value) : null;
            }
            var providerType = Nullable.GetUnderlyingType(converter?.ProviderClrType ?? mapping.ClrType) ?? converter?.ProviderClrType ?? mapping.ClrType;
            columns.Add(new BulkColumn(name, mapping.StoreType, providerType, mapping, read));
        }
        return new BulkTable { Name = table, Schema = entityType.GetSchema(), Columns = columns, IsMultiTenant = multiTenant };
    }

    private static string Tenant(DxCollabDbContext db) =>
        db.CurrentTenantId ?? throw new MultiTenantException("テナントが設定されていないため、テナントの行を一括登録できません。");

    /// <summary>As SaveChanges does: an empty TenantId becomes the current tenant, another tenant's is refused.</summary>
    private static string CheckTenant(DxCollabDbContext db, object? value, Type clrType)
    {
        var current = Tenant(db);
        var row = value as string;
        if (string.IsNullOrEmpty(row) || row == current) return current;
        throw new MultiTenantException($"{clrType.Name} のテナント ({row}) が現在のテナント ({current}) と一致しないため保存できません。");
    }

    /// <summary>The PostgreSQL type name Npgsql writes a column as: the store type without its facets (character varying(6) → character varying).</summary>
    internal static string PostgresTypeName(string storeType) => Facets().Replace(storeType, "").Trim();

    [GeneratedRegex(@"\([^)]*\)")]
    private static partial Regex Facets();
}

/// <summary>Writes many new rows at once, without the change tracker and without SaveChanges (so no audit entries and no
/// save interceptors: the caller writes whatever they would have derived, e.g. tallies). PostgreSQL: binary COPY (into a
/// temporary table first for tenant-owned tables, because COPY FROM refuses tables with row-level security; an INSERT …
/// SELECT then moves the rows under the tenant's policy). SQLite: prepared multi-row INSERTs. SQL Server: SqlBulkCopy.
/// Runs in the context's current transaction when there is one, otherwise in a transaction of its own.</summary>
public static class BulkInsert
{
    /// <summary>Rows per SQLite INSERT. Small on purpose: Microsoft.Data.Sqlite binds each parameter by name, which SQLite looks
    /// up linearly, so the binding cost per row grows with the parameters of the statement.</summary>
    private const int SqliteRowsPerStatement = 32;

    public static async Task<int> WriteAsync<T>(DxCollabDbContext db, IReadOnlyCollection<T> rows, CancellationToken ct = default) where T : class
    {
        if (rows.Count == 0) return 0;
        var table = BulkTable.For<T>(db);
        await db.Database.OpenConnectionAsync(ct); // through EF, so the tenant session interceptor runs on a new connection
        try
        {
            var owned = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
            try
            {
                var connection = db.Database.GetDbConnection();
                var transaction = db.Database.CurrentTransaction!.GetDbTransaction();
                switch (connection)
                {
                    case NpgsqlConnection npgsql: await PostgresAsync(npgsql, table, rows, ct); break;
                    case SqliteConnection sqlite: await SqliteAsync(sqlite, transaction, table, rows, ct); break;
                    case SqlConnection sql: await SqlServerAsync(sql, (SqlTransaction)transaction, table, rows, ct); break;
                    default: throw new NotSupportedException($"No bulk write for {connection.GetType().Name}.");
                }
                if (owned is not null) await owned.CommitAsync(ct);
            }
            finally
            {
                if (owned is not null) await owned.DisposeAsync();
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return rows.Count;
    }

    private static string Quote(string name, char open = '"', char close = '"') => $"{open}{name}{close}";

    private static async Task PostgresAsync<T>(NpgsqlConnection connection, BulkTable table, IReadOnlyCollection<T> rows, CancellationToken ct) where T : class
    {
        var target = table.Schema is null ? Quote(table.Name) : $"{Quote(table.Schema)}.{Quote(table.Name)}";
        var columns = string.Join(", ", table.Columns.Select(c => Quote(c.Name)));
        var into = target;
        if (table.IsMultiTenant)
        {
            into = Quote("bulk_" + table.Name);
            await ExecuteAsync(connection, $"CREATE TEMPORARY TABLE {into} AS SELECT {columns} FROM {target} WITH NO DATA", ct);
        }
        var types = table.Columns.Select(c => BulkTable.PostgresTypeName(c.StoreType)).ToArray();
        await using (var importer = await connection.BeginBinaryImportAsync($"COPY {into} ({columns}) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var row in rows)
            {
                await importer.StartRowAsync(ct);
                for (var i = 0; i < table.Columns.Count; i++)
                {
                    if (table.Columns[i].Read(row) is { } value) await importer.WriteAsync(value, types[i], ct);
                    else await importer.WriteNullAsync(ct);
                }
            }
            await importer.CompleteAsync(ct);
        }
        if (table.IsMultiTenant)
        {
            await ExecuteAsync(connection, $"INSERT INTO {target} ({columns}) SELECT {columns} FROM {into}", ct);
            await ExecuteAsync(connection, $"DROP TABLE {into}", ct);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task SqliteAsync<T>(SqliteConnection connection, DbTransaction transaction, BulkTable table, IReadOnlyCollection<T> rows,
        CancellationToken ct) where T : class
    {
        DbCommand? full = null;
        try
        {
            var batch = new List<T>(SqliteRowsPerStatement);
            foreach (var row in rows)
            {
                batch.Add(row);
                if (batch.Count < SqliteRowsPerStatement) continue;
                full ??= SqliteInsert(connection, transaction, table, batch.Count);
                await SqliteExecuteAsync(full, table, batch, ct);
                batch.Clear();
            }
            if (batch.Count > 0)
            {
                await using var rest = SqliteInsert(connection, transaction, table, batch.Count);
                await SqliteExecuteAsync(rest, table, batch, ct);
            }
        }
        finally
        {
            if (full is not null) await full.DisposeAsync();
        }
    }

    /// <summary>INSERT INTO "T" (…) VALUES (@p0_0, …), (@p1_0, …) … for <paramref name="count"/> rows, prepared once and reused.</summary>
    private static DbCommand SqliteInsert(SqliteConnection connection, DbTransaction transaction, BulkTable table, int count)
    {
        var command = connection.CreateCommand();
        command.Transaction = (SqliteTransaction)transaction;
        var sql = new StringBuilder($"INSERT INTO {Quote(table.Name)} ({string.Join(", ", table.Columns.Select(c => Quote(c.Name)))}) VALUES ");
        for (var r = 0; r < count; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < table.Columns.Count; c++)
            {
                var name = $"@p{r}_{c}";
                sql.Append(c == 0 ? name : ", " + name);
                // The provider's own parameter set-up (e.g. how a Guid or DateOnly is stored), as SaveChanges would make it.
                command.Parameters.Add(table.Columns[c].Mapping.CreateParameter(command, name, null, nullable: true));
            }
            sql.Append(')');
        }
        command.CommandText = sql.ToString();
        command.Prepare();
        return command;
    }

    private static async Task SqliteExecuteAsync<T>(DbCommand command, BulkTable table, List<T> batch, CancellationToken ct) where T : class
    {
        var columns = table.Columns.Count;
        for (var r = 0; r < batch.Count; r++)
            for (var c = 0; c < columns; c++)
                command.Parameters[r * columns + c].Value = table.Columns[c].Read(batch[r]) ?? DBNull.Value;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task SqlServerAsync<T>(SqlConnection connection, SqlTransaction transaction, BulkTable table, IReadOnlyCollection<T> rows,
        CancellationToken ct) where T : class
    {
        using var data = ToDataTable(table, rows);
        using var copy = new SqlBulkCopy(connection, SqlBulkCopyOptions.CheckConstraints, transaction)
        {
            DestinationTableName = table.Schema is null ? Quote(table.Name, '[', ']') : $"{Quote(table.Schema, '[', ']')}.{Quote(table.Name, '[', ']')}",
            BatchSize = 10_000,
            BulkCopyTimeout = 0,
        };
        foreach (var column in SqlServerMappings(table)) copy.ColumnMappings.Add(column);
        await copy.WriteToServerAsync(data, ct);
    }

    /// <summary>Source column (of <see cref="ToDataTable"/>) → destination column, by name: SqlBulkCopy otherwise maps by position,
    /// and the identity column is not in the source.</summary>
    internal static IEnumerable<SqlBulkCopyColumnMapping> SqlServerMappings(BulkTable table) =>
        table.Columns.Select(c => new SqlBulkCopyColumnMapping(c.Name, c.Name));

    /// <summary>The rows as SqlBulkCopy reads them: one column per <see cref="BulkTable.Columns"/>, values as the provider stores them.</summary>
    internal static DataTable ToDataTable<T>(BulkTable table, IEnumerable<T> rows) where T : class
    {
        var data = new DataTable(table.Name);
        foreach (var column in table.Columns) data.Columns.Add(column.Name, column.ProviderType).AllowDBNull = true;
        foreach (var row in rows)
            data.Rows.Add([.. table.Columns.Select(c => c.Read(row) ?? DBNull.Value)]);
        return data;
    }
}
