using System.Collections.Concurrent;
using System.Data.Common;

namespace DxCollab.Platform.Data;

/// <summary>The Npgsql pool's upper bound when a PostgreSQL connection string does not set one. Npgsql's own default
/// (100 per connection string) equals PostgreSQL's default <c>max_connections</c>: under load one process could take
/// every slot the server has (its other databases, the worker, psql included) and requests failed with 53300.</summary>
public static class PostgresPoolSize
{
    public const int Default = 50;

    private static readonly ConcurrentDictionary<(string, int), string> Applied = new();

    /// <summary><paramref name="connectionString"/> with <c>Maximum Pool Size=<paramref name="maxPoolSize"/></c> added,
    /// unless it already names a pool size (the operator's explicit choice wins).</summary>
    public static string Apply(string connectionString, int maxPoolSize) =>
        Applied.GetOrAdd((connectionString, maxPoolSize), static key =>
        {
            var builder = new DbConnectionStringBuilder { ConnectionString = key.Item1 };
            if (builder.Keys.Cast<string>().Any(IsMaxPoolSize)) return key.Item1;
            builder["Maximum Pool Size"] = key.Item2;
            return builder.ConnectionString;
        });

    private static bool IsMaxPoolSize(string keyword) =>
        keyword.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant() is "MAXIMUMPOOLSIZE" or "MAXPOOLSIZE";
}
