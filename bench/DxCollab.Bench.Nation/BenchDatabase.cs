using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace DxCollab.Bench.Nation;

/// <summary>Who and what is measured in a database: the 北海道 nation (generated) or the demo's osaka.</summary>
internal sealed record Target(string Tenant, string TenantName, string Admin, string GridOrganization, string GridName, string NationalViewer, string Password)
{
    public const string DemoPassword = "Demo-2026!";

    public static Target Nation { get; } = new("hokkaido", "北海道", "pref.admin@hokkaido.nation.example", "011002", "札幌市",
        "national.bench@dxcollab.example", DemoPassword);

    public static Target Demo { get; } = new("osaka", "大阪府", "pref.admin@osaka.example", "273830", "千早赤阪村", "national@dxcollab.example", DemoPassword);
}

/// <summary>A benchmark database kept between runs outside git (bench/.work/): the nation is generated once by
/// tools/DxCollab.Seed (all 47 prefectures on PostgreSQL, 北海道 alone on SQLite) and reused while its marker file says it
/// was completed. PostgreSQL: owned by dxcollab_owner, used as dxcollab_app (row-level security on), as deployed.</summary>
internal sealed class BenchDatabase
{
    private BenchDatabase(Provider provider, bool demo, string app, string owner, string? admin)
        => (Provider, Demo, AppConnection, OwnerConnection, AdminConnection) = (provider, demo, app, owner, admin);

    public Provider Provider { get; }
    public bool Demo { get; }
    public string AppConnection { get; }
    public string OwnerConnection { get; }
    /// <summary>PostgreSQL superuser (bypasses row-level security): counting across tenants, resetting reminders.</summary>
    public string? AdminConnection { get; }
    public Target Target => Demo ? Target.Demo : Target.Nation;
    /// <summary>How the data came to be, for the report.</summary>
    public string Origin { get; private set; } = "";

    public string Name => Provider == Provider.PostgreSql ? "PostgreSQL" : "SQLite";

    public static string WorkFolder => Path.Combine(Machine.RepositoryRoot, "bench", ".work");

    private static string Marker(string name) => Path.Combine(WorkFolder, name + ".seeded");

    public static async Task<BenchDatabase> PrepareAsync(Provider provider, BenchOptions options)
    {
        Directory.CreateDirectory(WorkFolder);
        var name = options.DemoData ? "dxcollab_bench_demo" : "dxcollab_bench_nation";
        BenchDatabase db;
        if (provider == Provider.PostgreSql)
        {
            static string Env(string n) => Environment.GetEnvironmentVariable($"DXCOLLAB_TEST_PG_{n}")
                ?? throw new InvalidOperationException($"DXCOLLAB_TEST_PG_{n} がありません（source infra/test-env.sh の後に実行してください）。");
            // No Maximum Pool Size: the app's default (Database:MaxPoolSize) is part of what is measured.
            string For(string c) => new NpgsqlConnectionStringBuilder(c) { Database = name }.ConnectionString;
            db = new(provider, options.DemoData, For(Env("APP")), For(Env("OWNER")), For(Env("ADMIN")));
            await using var admin = new NpgsqlConnection(Env("ADMIN"));
            await admin.OpenAsync();
            await using (var exists = new NpgsqlCommand("SELECT COUNT(*) FROM pg_database WHERE datname = @n", admin))
            {
                exists.Parameters.AddWithValue("n", name);
                if ((long)(await exists.ExecuteScalarAsync())! == 0) File.Delete(Marker(name)); // the server's data was reset
            }
            if (!File.Exists(Marker(name)))
            {
                await Exec(admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
                await Exec(admin, $"CREATE DATABASE \"{name}\" OWNER dxcollab_owner ENCODING 'UTF8' TEMPLATE template0");
            }
        }
        else
        {
            var file = Path.Combine(WorkFolder, name + ".sqlite.db");
            if (!File.Exists(file)) File.Delete(Marker(name + "-sqlite"));
            if (!File.Exists(Marker(name + "-sqlite")))
                foreach (var f in new[] { file, file + "-wal", file + "-shm" }) File.Delete(f);
            var connection = $"Data Source={file}";
            db = new(provider, options.DemoData, connection, connection, null);
        }
        var marker = Marker(provider == Provider.PostgreSql ? name : name + "-sqlite");
        if (File.Exists(marker))
        {
            db.Origin = $"reused ({File.ReadAllText(marker).Trim()})";
            return db;
        }
        if (options.DemoData)
        {
            db.Origin = "the demo's data, seeded by the server's first start in this run";
            await File.WriteAllTextAsync(marker, $"demo, first started {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
            return db;
        }
        var tenants = provider == Provider.PostgreSql ? null : Target.Nation.Tenant;
        var seconds = await SeedAsync(db, tenants);
        db.Origin = FormattableString.Invariant($"seeded in this run in {seconds:0} s");
        await File.WriteAllTextAsync(marker, FormattableString.Invariant(
            $"nation --seed 1{(tenants is null ? "" : " --tenants " + tenants)}, seeded {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC in {seconds:0} s"));
        return db;
    }

    /// <summary>The seed tool of the repository (or DXCOLLAB_SEED_PROJECT, e.g. a helper's worktree before the merge).</summary>
    public static string SeedProject => Environment.GetEnvironmentVariable("DXCOLLAB_SEED_PROJECT") is { Length: > 0 } p
        ? p : Path.Combine(Machine.RepositoryRoot, "tools", "DxCollab.Seed");

    private static async Task<double> SeedAsync(BenchDatabase db, string? tenants)
    {
        if (!Directory.Exists(SeedProject))
            throw new InvalidOperationException($"シードツールがありません: {SeedProject}（DXCOLLAB_SEED_PROJECT で指定できます。--demo-data でデモの大阪府を測れます）");
        var arguments = $"run -c Release --project {SeedProject} -- nation --seed 1" + (tenants is null ? "" : $" --tenants {tenants}");
        Console.WriteLine($"Seeding {db.Name}: dotnet {arguments}");
        var start = new ProcessStartInfo("dotnet", arguments) { UseShellExecute = false };
        start.Environment["Database__Provider"] = db.Provider.ToString();
        start.Environment["Database__ConnectionString"] = db.AppConnection;
        start.Environment["Database__MigrationsConnectionString"] = db.OwnerConnection;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("シードツールを起動できませんでした。");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(30));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0) throw new InvalidOperationException($"シードツールが終了コード {process.ExitCode} で終了しました。");
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>A connection for a baseline query, as the app connects: PostgreSQL as dxcollab_app with the tenant set
    /// for row-level security (the query still names the tenant, as the app's filters do).</summary>
    public async Task<DbConnection> OpenBaselineAsync(string? tenant)
    {
        if (Provider == Provider.Sqlite)
        {
            var sqlite = new SqliteConnection(AppConnection);
            await sqlite.OpenAsync();
            return sqlite;
        }
        var pg = new NpgsqlConnection(AppConnection);
        await pg.OpenAsync();
        if (tenant is not null)
        {
            await using var set = new NpgsqlCommand("SELECT set_config('dxcollab.tenant_id', @t, false)", pg);
            set.Parameters.AddWithValue("t", tenant);
            await set.ExecuteNonQueryAsync();
        }
        return pg;
    }

    /// <summary>A connection that sees every tenant (PostgreSQL superuser; SQLite has no row-level security).</summary>
    public async Task<DbConnection> OpenAdminAsync()
    {
        DbConnection connection = Provider == Provider.Sqlite ? new SqliteConnection(AppConnection) : new NpgsqlConnection(AdminConnection);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Removes the e-mails earlier runs' reminder scans left unsent (thousands per scan): a server started on
    /// this database would send them in the background all through the measurements. Returns how many.</summary>
    public async Task<long> DropUnsentEmailsAsync()
    {
        await using var connection = await OpenAdminAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM \"Platform_PendingEmails\" WHERE \"SentAt\" IS NULL";
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>Waits until the outbox is empty and the consumers have been idle for <paramref name="settle"/> (the count
    /// of processed messages has not moved), at most <paramref name="limit"/>: an import's events are rolled up into the
    /// national figures after it answers, and that work must not run inside the next round's time.</summary>
    public async Task SettleAsync(TimeSpan limit, TimeSpan settle)
    {
        await using var connection = await OpenAdminAsync();
        var until = DateTime.UtcNow + limit;
        for (; DateTime.UtcNow < until; await Task.Delay(200))
            if (await ScalarAsync(connection, "SELECT count(*) FROM \"Platform_OutboxMessages\" WHERE \"SentAt\" IS NULL") == 0) break;
        var processed = -1L;
        var quietSince = DateTime.UtcNow;
        while (DateTime.UtcNow < until)
        {
            var now = await ScalarAsync(connection, "SELECT count(*) FROM \"Platform_ProcessedMessages\"");
            if (now != processed) (processed, quietSince) = (now, DateTime.UtcNow);
            else if (DateTime.UtcNow - quietSince >= settle) return;
            await Task.Delay(250);
        }
    }

    /// <summary>PostgreSQL: waits until no other session of this database is working and no autovacuum worker runs
    /// here, for 2 s in a row, at most <paramref name="limit"/>; returns the seconds waited and whether it became idle. After the import section the
    /// autovacuum of the tables it rewrote ran inside the reminder scan (23 s instead of 5.7 s, 2026-12-05).</summary>
    public async Task<(double Seconds, bool Idle)> WaitForQuietAsync(TimeSpan limit)
    {
        if (Provider != Provider.PostgreSql) return (0, true);
        await using var connection = await OpenAdminAsync();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var quietSince = clock.Elapsed;
        while (clock.Elapsed < limit)
        {
            var busy = await ScalarAsync(connection, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                + "AND pid <> pg_backend_pid() AND (state = 'active' OR backend_type = 'autovacuum worker')");
            if (busy > 0) quietSince = clock.Elapsed;
            else if (clock.Elapsed - quietSince >= TimeSpan.FromSeconds(2)) return (quietSince.TotalSeconds, true);
            await Task.Delay(250);
        }
        return (clock.Elapsed.TotalSeconds, false);
    }

    public static async Task<long> ScalarAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task Exec(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
