namespace DxCollab.Platform.Hosting;

public enum DatabaseProvider { Sqlite, PostgreSql, SqlServer }

/// <summary>Configuration section "Database". With no connection string DxCollab runs embedded: SQLite in
/// App_Data and demo data (demo mode), so <c>dotnet run</c> needs no server.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    /// <summary>The application's connection (on PostgreSQL: a role that owns nothing, subject to row-level security).</summary>
    public string? ConnectionString { get; set; }
    /// <summary>The connection that applies migrations (the schema owner). Defaults to <see cref="ConnectionString"/>.</summary>
    public string? MigrationsConnectionString { get; set; }
    public bool ApplyMigrationsOnStart { get; set; } = true;
    /// <summary>Seed demo users. Defaults to on exactly when no connection string is configured.</summary>
    public bool? Demo { get; set; }
    /// <summary>In demo mode, also the modules' demo figures (<see cref="IDemoDataContributor"/>). On by default; test hosts
    /// turn it off so their tenants start empty.</summary>
    public bool DemoFigures { get; set; } = true;

    /// <summary>PostgreSQL: the most connections each process opens per connection string (Npgsql's Maximum Pool Size),
    /// used when the connection string does not set one. Keep web pods × this (+ workers) below the server's
    /// max_connections; a request that waits longer than the connection Timeout for a free one is answered 503.</summary>
    public int MaxPoolSize { get; set; } = Data.PostgresPoolSize.Default;

    public bool IsEmbedded => string.IsNullOrWhiteSpace(ConnectionString);
    public bool DemoEnabled => Demo ?? IsEmbedded;
}
