using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DxCollab.IntegrationTests.Backbone;
using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.Platform.Calendar;
using DxCollab.Platform.Jobs;
using DxCollab.Platform.Text;
using Hangfire;
using Hangfire.Storage;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit.Abstractions;

namespace DxCollab.IntegrationTests.Faults;

// Hosts with Hangfire on PostgreSQL (static state): run alone.
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BackupRestoreCollection
{
    public const string Name = "Backup and restore (PostgreSQL)";
}

/// <summary>docs/operations.md "Backups and restore", done as written: a database filled through the app is dumped with
/// pg_dump (custom format, the backup role), restored with pg_restore into an empty database as the schema owner (and in
/// place over the changed source with --clean --if-exists), and an
/// app started on the copy shows the same data to the same signed-in users, keeps tenants apart at the database, still
/// honours the tokens issued before the backup (key ring), keeps the Hangfire recurring jobs and sends the event that
/// was still waiting in the outbox.</summary>
[Collection(BackupRestoreCollection.Name)]
public sealed class BackupRestoreTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Toyonaka = "toyonaka@osaka.example", KyotoAdmin = "pref.admin@kyoto.example", National = "national@dxcollab.example";
    private const string Vendor = "株式会社バックアップ検証";
    private const string NationalPath = "/api/v1/national/migration/progress?groupBy=prefecture";
    private readonly string _temp = Directory.CreateTempSubdirectory("dxcollab-backup-").FullName;
    private readonly string _virtualHost = "dxcollab-backup-" + Guid.NewGuid().ToString("N")[..12];
    private string _source = "", _restored = "";

    public async Task InitializeAsync()
    {
        _source = await PostgresServer.CreateDatabaseAsync("backup_source");
        _restored = await PostgresServer.CreateDatabaseAsync("backup_restored");
        await RabbitMq.CtlAsync("add_vhost", _virtualHost);
        await RabbitMq.CtlAsync("set_permissions", "-p", _virtualHost, "guest", ".*", ".*", ".*");
    }

    [PostgresToolsFact]
    public async Task A_database_restored_from_pg_dump_serves_the_same_data_tokens_jobs_and_unsent_events()
    {
        var clock = Stopwatch.StartNew();
        string toyonakaToken, kyotoToken, nationalToken;
        long surveyId;
        // 1. The app in use: web only (no outbox relay), so the step change's event is still in the outbox at backup time.
        await using (var web = new DxCollabFactory(Settings(_source, role: "Web", demo: true)))
        {
            using var client = web.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            toyonakaToken = await AppFixture.GetTokenAsync(client, "osaka", Toyonaka);
            kyotoToken = await AppFixture.GetTokenAsync(client, "kyoto", KyotoAdmin);
            nationalToken = await AppFixture.GetTokenAsync(client, null, National);
            using var toyonaka = Bearer(web, toyonakaToken);
            using (var saved = await toyonaka.PutAsJsonAsync("/api/v1/osaka/migration/272035/住民記録/system", new { vendorName = Vendor }))
                saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
            using (var bulk = await toyonaka.PostAsJsonAsync("/api/v1/osaka/migration/272035/bulk",
                new { businesses = new[] { "住民基本台帳", "戸籍" }, steps = Enumerable.Range(1, 10).Select(i => i.ToString()).ToArray(), status = "完了済み" }))
                bulk.StatusCode.ShouldBe(HttpStatusCode.OK, await bulk.Content.ReadAsStringAsync());
            using var kyoto = Bearer(web, kyotoToken);
            var deadline = web.Services.GetRequiredService<BusinessCalendar>()
                .MoveDeadline(JapaneseCalendar.TodayInTokyo(DateTimeOffset.UtcNow).AddDays(21), DeadlineShift.Later);
            using (var created = await kyoto.PostAsJsonAsync("/api/v1/kyoto/surveys", new
            {
                title = "バックアップ検証の照会", purpose = "復元の確認", legalBasis = "地方自治法第245条の4", contact = "京都府 デジタル政策推進課",
                deadline = deadline.ToString("yyyy-MM-dd"), isConfidential = false,
            }))
            {
                var body = await created.Content.ReadAsStringAsync();
                created.StatusCode.ShouldBe(HttpStatusCode.Created, body);
                surveyId = JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt64();
            }
            web.Services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<ReminderScanJob>("backup:probe",
                job => job.RunAsync("osaka", CancellationToken.None), Cron.Yearly(), new RecurringJobOptions { TimeZone = JapaneseCalendar.Tokyo });
        }
        var unsent = await CountAsync(_source, "SELECT count(*) FROM \"Platform_OutboxMessages\" WHERE \"SentAt\" IS NULL AND \"MessageType\" LIKE '%MigrationStepsChanged%'");
        unsent.ShouldBeGreaterThan(0);

        // 2. Backup and restore, with the commands docs/operations.md gives.
        var dump = Path.Combine(_temp, "dxcollab.dump");
        await EnsureBackupRoleAsync();
        await ExternalCommand.RunAsync(PrivatePostgres.Binary("pg_dump"), ["--format=custom", $"--file={dump}", Conninfo(_source, BackupRole)],
            new Dictionary<string, string> { ["PGPASSWORD"] = BackupPassword });
        var dumpSize = new FileInfo(dump).Length;
        await ExternalCommand.RunAsync(PrivatePostgres.Binary("pg_restore"), ["--no-owner", "--role=dxcollab_owner", "--exit-on-error",
            $"--dbname={Conninfo(_restored, "dxcollab_owner")}", dump], new Dictionary<string, string> { ["PGPASSWORD"] = OwnerPassword });

        // 3. Row-level security came back with the tables.
        await ShouldKeepTenantsApartAsync(_restored);

        // 3b. The in-place restore (--clean --if-exists) over the source, which changed after the dump: a row written
        // since is gone, the rows deleted since are back, and row-level security is still forced.
        await ExecuteAsync(_source, """
            INSERT INTO "Platform_OrganizationChanges" ("TenantId", "OrganizationCode", "Kind", "After", "Source", "EffectiveOn")
            VALUES ('osaka', '999999', 0, 'after-the-dump', 'backup-test', DATE '2026-12-01');
            DELETE FROM "Platform_OutboxMessages";
            """);
        (await CountAsync(_source, AfterTheDump)).ShouldBe(1);
        var inPlace = Stopwatch.StartNew();
        await ExternalCommand.RunAsync(PrivatePostgres.Binary("pg_restore"), ["--clean", "--if-exists", "--no-owner", "--role=dxcollab_owner", "--exit-on-error",
            $"--dbname={Conninfo(_source, "dxcollab_owner")}", dump], new Dictionary<string, string> { ["PGPASSWORD"] = OwnerPassword });
        (await CountAsync(_source, AfterTheDump)).ShouldBe(0);
        (await CountAsync(_source, "SELECT count(*) FROM \"Platform_OutboxMessages\" WHERE \"SentAt\" IS NULL AND \"MessageType\" LIKE '%MigrationStepsChanged%'"))
            .ShouldBe(unsent);
        await ShouldKeepTenantsApartAsync(_source);
        var inPlaceSeconds = inPlace.Elapsed.TotalSeconds;

        // 4. The app on the copy (the migrating process, which also relays and consumes): same data, same tokens.
        await using var restored = new DxCollabFactory(Settings(_restored, role: "All", demo: false));
        using var toyonakaAfter = Bearer(restored, toyonakaToken);
        var systems = (await toyonakaAfter.GetFromJsonAsync<JsonElement[]>("/api/v1/osaka/migration/272035/systems"))!;
        systems.Single(s => s.GetProperty("business").GetInt32() == 3).GetProperty("vendorName").GetString().ShouldBe(Vendor);
        using var kyotoAfter = Bearer(restored, kyotoToken);
        (await kyotoAfter.GetFromJsonAsync<JsonElement>($"/api/v1/kyoto/surveys/{surveyId}")).GetProperty("title").GetString().ShouldBe("バックアップ検証の照会");
        using (var other = await kyotoAfter.GetAsync("/api/v1/osaka/migration/272035/systems"))
            other.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
        using (var storage = restored.Services.GetRequiredService<JobStorage>().GetConnection())
            storage.GetRecurringJobs().ShouldContain(j => j.Id == "backup:probe");

        // 5. The event that was waiting in the outbox goes out from the copy: the national figures count osaka's 20 steps.
        using var national = Bearer(restored, nationalToken);
        var completed = 0;
        for (var until = DateTime.UtcNow.AddSeconds(60); completed != 20 && DateTime.UtcNow < until; await Task.Delay(250))
            completed = (await national.GetFromJsonAsync<JsonElement[]>(NationalPath))!.Single(p => p.GetProperty("key").GetString() == "osaka")
                .GetProperty("completed").GetInt32();
        if (completed != 20)
            output.WriteLine($"national rows of osaka completed: {await CountAsync(_restored, "SELECT coalesce(sum(\"Completed\"), 0) FROM \"Migration_NationalRows\" WHERE \"PrefectureId\" = 'osaka'")}, " +
                             $"version {await CountAsync(_restored, "SELECT coalesce(max(\"Version\"), -1) FROM \"Migration_NationalVersion\"")}, " +
                             $"unsent {await CountAsync(_restored, "SELECT count(*) FROM \"Platform_OutboxMessages\" WHERE \"SentAt\" IS NULL")}, " +
                             $"inbox {await CountAsync(_restored, "SELECT count(*) FROM \"Platform_ProcessedMessages\"")}");
        completed.ShouldBe(20);
        (await CountAsync(_restored, "SELECT count(*) FROM \"Platform_OutboxMessages\" WHERE \"SentAt\" IS NULL")).ShouldBe(0);
        output.WriteLine($"dump {dumpSize / 1024} KiB, {unsent} step event(s) unsent at backup and sent after restore, " +
                         $"in-place restore {inPlaceSeconds:F1} s, {clock.Elapsed.TotalSeconds:F0} s");
    }

    private Dictionary<string, string?> Settings(string database, string role, bool demo)
    {
        var settings = DxCollabFactory.BaseSettings(_temp);
        settings["Hosting:Role"] = role;
        settings["Database:Provider"] = "PostgreSql";
        settings["Database:ConnectionString"] = PostgresServer.For(PostgresServer.App, database);
        settings["Database:MigrationsConnectionString"] = PostgresServer.For(PostgresServer.Owner, database);
        settings["Database:Demo"] = demo ? "true" : "false";
        settings["Messaging:Transport"] = "RabbitMq";
        settings["Messaging:RabbitMq:Host"] = "127.0.0.1";
        settings["Messaging:RabbitMq:VirtualHost"] = _virtualHost;
        settings["Messaging:Outbox:PollIntervalMilliseconds"] = "100";
        settings["Jobs:Storage"] = "PostgreSql";
        return settings;
    }

    private static HttpClient Bearer(DxCollabFactory factory, string token)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>The read-only role backups run as: row-level security is FORCEd on the owner too, so pg_dump as
    /// dxcollab_owner stops at the first tenant table ("query would be affected by row-level security policy").
    /// infra/test.sh creates it; created here too if missing (a server set up before it did).</summary>
    private const string BackupRole = "dxcollab_backup";
    private static string BackupPassword => new NpgsqlConnectionStringBuilder(PostgresServer.Backup).Password!;
    private static string OwnerPassword => new NpgsqlConnectionStringBuilder(PostgresServer.Owner).Password!;
    private const string AfterTheDump = "SELECT count(*) FROM \"Platform_OrganizationChanges\" WHERE \"After\" = 'after-the-dump'";

    private static async Task EnsureBackupRoleAsync()
    {
        await using var connection = new NpgsqlConnection(PostgresServer.Admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"""
            DO $$
            BEGIN
              CREATE ROLE {BackupRole};
            EXCEPTION WHEN duplicate_object THEN NULL;
            END $$;
            ALTER ROLE {BackupRole} LOGIN BYPASSRLS NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '{BackupPassword.Replace("'", "''")}';
            GRANT pg_read_all_data TO {BackupRole};
            """, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Every table with a TenantId has row-level security enabled and forced, dxcollab_app owns nothing, and at
    /// the database dxcollab_app sees only the tenant it sets (none without one).</summary>
    private static async Task ShouldKeepTenantsApartAsync(string database)
    {
        (await CountAsync(database, """
            SELECT count(*) FROM information_schema.columns col JOIN pg_class c ON c.relname = col.table_name AND c.relkind = 'r'
            JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = col.table_schema
            WHERE col.column_name = 'TenantId' AND NOT (c.relrowsecurity AND c.relforcerowsecurity)
            """)).ShouldBe(0);
        (await CountAsync(database, "SELECT count(*) FROM pg_class WHERE relowner = 'dxcollab_app'::regrole")).ShouldBe(0);
        (await CountAsync(database, "SELECT count(*) FROM \"Platform_Organizations\" WHERE \"TenantId\" = 'osaka'", app: true, tenant: "kyoto")).ShouldBe(0);
        (await CountAsync(database, "SELECT count(*) FROM \"Platform_Organizations\"", app: true, tenant: "kyoto"))
            .ShouldBe(await CountAsync(database, "SELECT count(*) FROM \"Platform_Organizations\" WHERE \"TenantId\" = 'kyoto'"));
        (await CountAsync(database, "SELECT count(*) FROM \"Platform_Organizations\"", app: true, tenant: null)).ShouldBe(0);
    }

    private static async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(PostgresServer.For(PostgresServer.Admin, database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string Conninfo(string database, string user)
    {
        var shared = new NpgsqlConnectionStringBuilder(PostgresServer.Admin);
        return $"host={shared.Host} port={shared.Port} dbname={database} user={user}";
    }

    /// <summary>As the superuser, or as dxcollab_app with the tenant set the way the app sets it (null: none).</summary>
    private static async Task<long> CountAsync(string database, string sql, bool app = false, string? tenant = null)
    {
        await using var connection = new NpgsqlConnection(PostgresServer.For(app ? PostgresServer.App : PostgresServer.Admin, database));
        await connection.OpenAsync();
        if (tenant is not null)
        {
            await using var set = new NpgsqlCommand("SELECT set_config('dxcollab.tenant_id', @tenant, false)", connection);
            set.Parameters.AddWithValue("tenant", tenant);
            await set.ExecuteScalarAsync();
        }
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    public async Task DisposeAsync()
    {
        await RabbitMq.CtlAsync("delete_vhost", _virtualHost);
        await PostgresServer.DropDatabaseAsync(_source);
        await PostgresServer.DropDatabaseAsync(_restored);
        try { Directory.Delete(_temp, recursive: true); } catch (IOException) { }
    }
}
