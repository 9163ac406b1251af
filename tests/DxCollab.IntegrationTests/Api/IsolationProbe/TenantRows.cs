using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace DxCollab.IntegrationTests.Api.IsolationProbe;

/// <summary>Every row of one tenant in every table with a TenantId column, read from the SQLite file directly (no
/// application, no tenant filter): one string per row, all columns, blobs as their hash.</summary>
public sealed class TenantRows
{
    private readonly Dictionary<string, List<string>> _tables;

    private TenantRows(Dictionary<string, List<string>> tables) => _tables = tables;

    public int Count => _tables.Values.Sum(t => t.Count);

    public static async Task<TenantRows> ReadAsync(string connectionString, string tenant)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        var rows = new Dictionary<string, List<string>>();
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\" LIMIT 0";
            await using (var probe = await command.ExecuteReaderAsync())
                if (!Enumerable.Range(0, probe.FieldCount).Any(i => probe.GetName(i) == "TenantId")) continue;
            command.CommandText = $"SELECT * FROM \"{table}\" WHERE \"TenantId\" = $tenant";
            command.Parameters.AddWithValue("$tenant", tenant);
            await using var reader = await command.ExecuteReaderAsync();
            var values = new List<string>();
            while (await reader.ReadAsync())
            {
                var row = new StringBuilder();
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var value = reader.GetValue(i);
                    row.Append(reader.GetName(i)).Append('=')
                        .Append(value is byte[] bytes ? "sha256:" + Convert.ToHexString(SHA256.HashData(bytes)) : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture))
                        .Append('\u001F');
                }
                values.Add(row.ToString());
            }
            rows[table] = values;
        }
        return new TenantRows(rows);
    }

    /// <summary>Rows of <paramref name="before"/> that are no longer there as they were (changed or deleted), except rows
    /// that mention one of <paramref name="excluded"/> (the attacker's own rows, which it may change).</summary>
    public static List<(string Table, string Row)> Lost(TenantRows before, TenantRows after, IReadOnlyList<string> excluded)
    {
        var lost = new List<(string, string)>();
        foreach (var (table, rows) in before._tables)
        {
            var now = after._tables.GetValueOrDefault(table)?.GroupBy(r => r).ToDictionary(g => g.Key, g => g.Count()) ?? [];
            foreach (var row in rows)
            {
                if (excluded.Any(e => row.Contains(e, StringComparison.Ordinal))) continue;
                if (now.TryGetValue(row, out var left) && left > 0) now[row] = left - 1;
                else lost.Add((table, row));
            }
        }
        return lost;
    }

    /// <summary>The rows of <paramref name="after"/> that were not in <paramref name="before"/>.</summary>
    public static List<(string Table, string Row)> New(TenantRows before, TenantRows after) => Lost(after, before, []);

    /// <summary>How many rows each table gained.</summary>
    public static Dictionary<string, int> Added(TenantRows before, TenantRows after) =>
        after._tables.Select(t => (t.Key, Count: t.Value.Count - before._tables.GetValueOrDefault(t.Key, []).Count))
            .Where(t => t.Count != 0).ToDictionary(t => t.Key, t => t.Count);

    /// <summary>The rows of one table (for a failure message).</summary>
    public IReadOnlyList<string> Rows(string table) => _tables.GetValueOrDefault(table, []);
}
