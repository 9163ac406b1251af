using System.Net.Http.Json;
using System.Text.Json;
using DxCollab.IntegrationTests.Infrastructure;
using Npgsql;

namespace DxCollab.IntegrationTests.PostgreSql;

/// <summary>A host where kyoto has a database of its own (Tenants:kyoto:ConnectionString) and everyone else shares one.</summary>
public sealed class DatabasePerTenantFixture : AppFixture
{
    public string SharedDatabase { get; private set; } = "";
    public string KyotoDatabase { get; private set; } = "";
    public override string Provider => "PostgreSql";

    protected override async Task<Dictionary<string, string?>> PrepareAsync()
    {
        SharedDatabase = await PostgresServer.CreateDatabaseAsync("shared");
        KyotoDatabase = await PostgresServer.CreateDatabaseAsync("kyoto");
        var settings = DxCollabFactory.BaseSettings(TempFolder);
        settings["Database:Provider"] = "PostgreSql";
        settings["Database:ConnectionString"] = PostgresServer.For(PostgresServer.App, SharedDatabase);
        settings["Database:MigrationsConnectionString"] = PostgresServer.For(PostgresServer.Owner, SharedDatabase);
        // A tenant database is migrated with its own connection string (there is no per-tenant migrations
        // connection), so it has to be the schema owner's; FORCE row-level security still applies to the owner.
        settings["Tenants:kyoto:ConnectionString"] = PostgresServer.For(PostgresServer.Owner, KyotoDatabase);
        return settings;
    }

    protected override Task ResetDataAsync() => Task.CompletedTask; // one test class only

    protected override async Task CleanUpAsync()
    {
        await PostgresServer.DropDatabaseAsync(SharedDatabase);
        await PostgresServer.DropDatabaseAsync(KyotoDatabase);
    }

    /// <summary>Counts as the superuser (row-level security does not filter it), to see where rows really are.</summary>
    public async Task<long> CountAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(PostgresServer.For(PostgresServer.Admin, database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}

public sealed class DatabasePerTenantTests(DatabasePerTenantFixture fixture) : AppTest(fixture), IClassFixture<DatabasePerTenantFixture>
{
    private const string KyotoOrgs = """SELECT count(*) FROM "Platform_Organizations" WHERE "TenantId" = 'kyoto'""";

    [Fact]
    public async Task Kyoto_bodies_and_users_live_only_in_kyoto_database()
    {
        (await fixture.CountAsync(fixture.KyotoDatabase, KyotoOrgs)).ShouldBe(27);
        (await fixture.CountAsync(fixture.KyotoDatabase, """SELECT count(*) FROM "Platform_Organizations" WHERE "TenantId" <> 'kyoto'""")).ShouldBe(0);
        (await fixture.CountAsync(fixture.KyotoDatabase, """SELECT count(*) FROM "Identity_Users" WHERE "TenantId" = 'kyoto'""")).ShouldBe(2);

        (await fixture.CountAsync(fixture.SharedDatabase, KyotoOrgs)).ShouldBe(0);
        (await fixture.CountAsync(fixture.SharedDatabase, """SELECT count(*) FROM "Identity_Users" WHERE "TenantId" = 'kyoto'""")).ShouldBe(0);
        (await fixture.CountAsync(fixture.SharedDatabase, """SELECT count(*) FROM "Platform_AuditEntries" WHERE "TenantId" = 'kyoto'""")).ShouldBe(0);
        (await fixture.CountAsync(fixture.SharedDatabase, """SELECT count(*) FROM "Platform_Organizations" WHERE "TenantId" = 'osaka'""")).ShouldBe(44);
    }

    [Fact]
    public async Task Kyoto_users_sign_in_and_use_the_api_on_their_own_database()
    {
        using var kyoto = await fixture.SignInAsync("kyoto", "kasagi@kyoto.example");
        var me = await kyoto.GetFromJsonAsync<JsonElement>("/api/v1/kyoto/me");
        me.GetProperty("organizationName").GetString().ShouldBe("笠置町");
        var orgs = await kyoto.GetFromJsonAsync<JsonElement[]>("/api/v1/kyoto/organizations");
        orgs!.Length.ShouldBe(27);

        using var admin = await fixture.SignInAsync("kyoto", "pref.admin@kyoto.example");
        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/v1/kyoto/audit");
        audit.GetProperty("totalCount").GetInt32().ShouldBeGreaterThan(0);
        using var crossed = await kyoto.GetAsync("/api/v1/osaka/organizations");
        crossed.StatusCode.ShouldBe(System.Net.HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Data_protection_keys_stay_in_the_shared_database_after_kyoto_signs_in()
    {
        // Bearer tokens are protected with the host's key ring; a key written to kyoto's database would be
        // missing from the shared one after a restart, and every token issued with it would stop working.
        using var kyoto = await fixture.SignInAsync("kyoto", "kasagi@kyoto.example");
        (await kyoto.GetAsync("/api/v1/kyoto/me")).EnsureSuccessStatusCode();
        (await fixture.CountAsync(fixture.KyotoDatabase, """SELECT count(*) FROM "Platform_DataProtectionKeys" """)).ShouldBe(0);
        (await fixture.CountAsync(fixture.SharedDatabase, """SELECT count(*) FROM "Platform_DataProtectionKeys" """)).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Shared_database_tenants_are_unaffected()
    {
        using var osaka = await fixture.SignInAsync("osaka", "toyonaka@osaka.example");
        (await osaka.GetFromJsonAsync<JsonElement[]>("/api/v1/osaka/organizations"))!.Length.ShouldBe(44);
        using var host = await fixture.SignInAsync(null, "ops@dxcollab.example");
        (await host.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("roles")[0].GetString().ShouldBe("SystemAdmin");
    }
}
