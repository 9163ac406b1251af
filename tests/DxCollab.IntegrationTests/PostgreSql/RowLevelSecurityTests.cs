using DxCollab.IntegrationTests.Infrastructure;
using Npgsql;

namespace DxCollab.IntegrationTests.PostgreSql;

/// <summary>The second line of defence, checked with raw SQL as the application role (no EF, no query filters):
/// even a query that forgets the tenant cannot see or write another prefecture's rows.</summary>
[Collection(PostgresCollection.Name)]
public sealed class RowLevelSecurityTests(PostgresAppFixture fixture) : AppTest(fixture)
{
    private PostgresAppFixture Pg => (PostgresAppFixture)App;

    private async Task<NpgsqlConnection> OpenAsAppAsync(string? tenant)
    {
        // No pooling: a pooled connection could carry a tenant setting from an earlier test.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Pg.AppConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        if (tenant is not null) await ExecuteAsync(connection, "SELECT set_config('dxcollab.tenant_id', @t, false)", ("t", tenant));
        return connection;
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return await command.ExecuteScalarAsync();
    }

    private static Task<object?> ExecuteAsync(NpgsqlConnection connection, string sql, params (string Name, object Value)[] parameters) =>
        ScalarAsync(connection, sql, parameters);

    private static async Task<long> CountAsync(NpgsqlConnection connection, string sql) => (long)(await ScalarAsync(connection, sql))!;

    [Fact]
    public async Task Each_test_class_starts_with_only_the_eight_demo_accounts()
    {
        // Other classes of this collection create users (same e-mail in two tenants, lockout); Respawn removes them
        // between classes and the demo users are seeded again, whichever class ran before this one.
        await using var admin = new NpgsqlConnection(Pg.AdminConnectionString);
        await admin.OpenAsync();
        (await CountAsync(admin, """SELECT count(*) FROM "Identity_Users" """)).ShouldBe(8);
        (await CountAsync(admin, """SELECT count(*) FROM "Identity_UserRoles" """)).ShouldBe(8);
        (await CountAsync(admin, """SELECT count(*) FROM "Identity_Roles" """)).ShouldBe(6);
        (await CountAsync(admin, """SELECT count(*) FROM "Platform_Organizations" WHERE "TenantId" = 'osaka'""")).ShouldBe(44);
    }

    [Fact]
    public async Task Without_a_tenant_setting_the_app_role_sees_no_rows()
    {
        await using var connection = await OpenAsAppAsync(tenant: null);
        (await CountAsync(connection, """SELECT count(*) FROM "Platform_Organizations" """)).ShouldBe(0);
        (await CountAsync(connection, """SELECT count(*) FROM "Identity_Users" """)).ShouldBe(0);
        // …although the rows are there (superuser, which row-level security does not filter).
        await using var admin = new NpgsqlConnection(Pg.AdminConnectionString);
        await admin.OpenAsync();
        (await CountAsync(admin, """SELECT count(*) FROM "Platform_Organizations" """)).ShouldBeGreaterThan(1700);
    }

    [Fact]
    public async Task An_empty_tenant_setting_as_written_by_the_interceptor_sees_no_rows()
    {
        await using var connection = await OpenAsAppAsync(tenant: "");
        (await CountAsync(connection, """SELECT count(*) FROM "Platform_Organizations" """)).ShouldBe(0);
    }

    [Fact]
    public async Task With_osaka_set_only_osaka_rows_are_visible()
    {
        await using var connection = await OpenAsAppAsync("osaka");
        (await CountAsync(connection, """SELECT count(*) FROM "Platform_Organizations" """)).ShouldBe(44);
        (await CountAsync(connection, """SELECT count(*) FROM "Platform_Organizations" WHERE "TenantId" = 'kyoto'""")).ShouldBe(0);
        (await CountAsync(connection, """SELECT count(*) FROM "Identity_Users" WHERE "Email" LIKE '%kyoto%'""")).ShouldBe(0);
        (await CountAsync(connection, """SELECT count(*) FROM "Identity_Users" WHERE "Email" = 'toyonaka@osaka.example'""")).ShouldBe(1);
    }

    [Fact]
    public async Task Writing_a_kyoto_row_while_set_to_osaka_violates_the_policy()
    {
        await using var connection = await OpenAsAppAsync("osaka");
        var error = await Should.ThrowAsync<PostgresException>(() => ExecuteAsync(connection, """
            INSERT INTO "Platform_Organizations" ("TenantId", "Code", "Name", "Kana", "Type", "SearchKey")
            VALUES ('kyoto', '269999', '試験町', 'しけんちょう', 6, 'しけんちょう')
            """));
        error.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
        error.MessageText.ShouldContain("row-level security");

        // Moving an osaka row to kyoto is refused too; updating a kyoto row silently touches nothing.
        var move = await Should.ThrowAsync<PostgresException>(() => ExecuteAsync(connection,
            """UPDATE "Platform_Organizations" SET "TenantId" = 'kyoto' WHERE "Code" = '272035'"""));
        move.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
        await using var update = new NpgsqlCommand("""UPDATE "Platform_Organizations" SET "Name" = 'x' WHERE "TenantId" = 'kyoto'""", connection);
        (await update.ExecuteNonQueryAsync()).ShouldBe(0);
    }

    [Theory]
    [InlineData("""UPDATE "Platform_AuditEntries" SET "Action" = 1""")]
    [InlineData("""DELETE FROM "Platform_AuditEntries" """)]
    [InlineData("""TRUNCATE "Platform_AuditEntries" """)]
    public async Task Audit_entries_cannot_be_changed_or_deleted_by_the_app_role(string sql)
    {
        await using var connection = await OpenAsAppAsync("osaka");
        (await CountAsync(connection, """SELECT count(*) FROM "Platform_AuditEntries" """)).ShouldBeGreaterThan(0);
        var error = await Should.ThrowAsync<PostgresException>(() => ExecuteAsync(connection, sql));
        error.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
        error.MessageText.ShouldContain("permission denied");
    }

    [Fact]
    public async Task Every_table_with_a_tenant_column_has_forced_row_level_security_and_a_policy()
    {
        await using var connection = new NpgsqlConnection(Pg.AdminConnectionString);
        await connection.OpenAsync();
        var tables = await RowLevelSecurity.TablesWithTenantColumnAsync(connection);
        // Expected: exactly the tables of the model's tenant-owned entities (a module's new ones included).
        tables.Select(t => t.Name).ShouldBe(TenantModel.TenantTables(App.Factory.Services), ignoreOrder: true);
        tables.Where(t => !t.Rls || !t.Force || !t.Policy).Select(t => t.Name).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_app_role_owns_nothing_and_cannot_bypass_row_level_security()
    {
        await using var connection = new NpgsqlConnection(Pg.AdminConnectionString);
        await connection.OpenAsync();
        (await CountAsync(connection, """
            SELECT count(*) FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner WHERE r.rolname = 'dxcollab_app'
            """)).ShouldBe(0);
        (await ScalarAsync(connection, "SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = 'dxcollab_app'")).ShouldBe(false);
        (await CountAsync(connection, """
            SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner <> 'dxcollab_owner'
            """)).ShouldBe(0);
    }

    [Fact]
    public async Task The_app_role_cannot_change_the_schema()
    {
        await using var connection = await OpenAsAppAsync("osaka");
        var error = await Should.ThrowAsync<PostgresException>(() => ExecuteAsync(connection,
            """ALTER TABLE "Platform_Organizations" DISABLE ROW LEVEL SECURITY"""));
        error.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
        var create = await Should.ThrowAsync<PostgresException>(() => ExecuteAsync(connection, "CREATE TABLE sneaky (id int)"));
        create.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
    }
}
