using Npgsql;

namespace DxCollab.IntegrationTests.PostgreSql;

/// <summary>Which tables have a TenantId column, and whether each has row-level security enabled, forced and a policy.</summary>
public static class RowLevelSecurity
{
    public static async Task<IReadOnlyList<(string Name, bool Rls, bool Force, bool Policy)>> TablesWithTenantColumnAsync(NpgsqlConnection admin)
    {
        await using var command = new NpgsqlCommand("""
            SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity,
                   EXISTS (SELECT 1 FROM pg_policies p WHERE p.schemaname = 'public' AND p.tablename = c.relname) AS has_policy
            FROM information_schema.columns col
            JOIN pg_class c ON c.relname = col.table_name
            JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = col.table_schema
            WHERE col.table_schema = 'public' AND col.column_name = 'TenantId' AND c.relkind = 'r'
            ORDER BY c.relname
            """, admin);
        var tables = new List<(string Name, bool Rls, bool Force, bool Policy)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) tables.Add((reader.GetString(0), reader.GetBoolean(1), reader.GetBoolean(2), reader.GetBoolean(3)));
        return tables;
    }
}
