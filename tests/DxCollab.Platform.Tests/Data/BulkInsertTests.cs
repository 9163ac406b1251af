using DxCollab.Data.PostgreSql;
using DxCollab.Data.Sqlite;
using DxCollab.Data.SqlServer;
using DxCollab.MultiTenancy;
using DxCollab.Platform.Data;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Tenancy;
using DxCollab.Platform.Tests.Infrastructure;
using DxCollab.Standardization;
using DxCollab.Standardization.Tracking;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Platform.Tests.Data;

/// <summary>The bulk writer takes its table, columns and values from the EF model on each provider: what SaveChanges
/// would write (names, converted values, the current tenant), never the database-generated key, and never another
/// tenant's row. SQL Server cannot run here, so its SqlBulkCopy input (columns and mappings) is checked as data.</summary>
public class BulkInsertTests
{
    public static TheoryData<string> Providers => new() { "Sqlite", "PostgreSql", "SqlServer" };

    private static DxCollabDbContext Context(string provider, PrefectureTenant? tenant)
    {
        var builder = new DbContextOptionsBuilder<DxCollabDbContext>();
        switch (provider)
        {
            case "PostgreSql": PostgreSqlDatabase.Use(builder, "Host=localhost;Database=dxcollab_model_only"); break;
            case "SqlServer": SqlServerDatabase.Use(builder, "Server=localhost;Database=dxcollab_model_only"); break;
            default: SqliteDatabase.Use(builder, "Data Source=:memory:"); break;
        }
        return new DxCollabDbContext(builder.Options, new StaticMultiTenantContextAccessor<PrefectureTenant>(tenant), DxCollab.Modules.ModuleCatalog.ModelContributors);
    }

    private static StepProgress Step(string tenantId = "") => new()
    {
        TenantId = tenantId, OrganizationCode = "272035", BusinessNumber = 3, StepNumber = 12, Status = StepStatus.InProgress,
        PlannedDate = new DateOnly(2026, 12, 1), UpdatedAt = new DateTime(2026, 11, 30, 1, 2, 3, DateTimeKind.Utc), UpdatedBy = "demo",
    };

    [Theory]
    [MemberData(nameof(Providers))]
    public void Columns_are_the_models_with_converted_values_and_no_identity_key(string provider)
    {
        using var db = Context(provider, TestDatabase.Osaka);
        var table = BulkTable.For<StepProgress>(db);
        table.Name.ShouldBe("Migration_StepProgress");
        table.IsMultiTenant.ShouldBeTrue();
        table.Columns.Select(c => c.Name).Order().ShouldBe(
            ["ActualDate", "BusinessNumber", "Note", "OrganizationCode", "PlannedDate", "Status", "StepNumber", "TenantId", "UpdatedAt", "UpdatedBy"]);
        var values = table.Columns.ToDictionary(c => c.Name, c => c.Read(Step()));
        values["Status"].ShouldBe("InProgress"); // stored by name (HasConversion<string>)
        values["TenantId"].ShouldBe("osaka"); // an empty TenantId becomes the current tenant, as SaveChanges does
        values["PlannedDate"].ShouldBe(new DateOnly(2026, 12, 1));
        values["Note"].ShouldBeNull();
        table.Columns.Single(c => c.Name == "Status").ProviderType.ShouldBe(typeof(string));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void A_shadow_tenant_is_the_current_one_and_another_tenants_row_is_refused(string provider)
    {
        using var db = Context(provider, TestDatabase.Osaka);
        var roles = BulkTable.For<IdentityUserRole<string>>(db);
        roles.Name.ShouldBe("Identity_UserRoles");
        roles.Columns.Select(c => c.Name).Order().ShouldBe(["RoleId", "TenantId", "UserId"]);
        roles.Columns.Single(c => c.Name == "TenantId").Read(new IdentityUserRole<string> { UserId = "u", RoleId = "r" }).ShouldBe("osaka");

        var steps = BulkTable.For<StepProgress>(db);
        Should.Throw<MultiTenantException>(() => steps.Columns.Single(c => c.Name == "TenantId").Read(Step("kyoto")));
        using var none = Context(provider, null);
        Should.Throw<MultiTenantException>(() => BulkTable.For<StepProgress>(none).Columns.Single(c => c.Name == "TenantId").Read(Step()));
    }

    [Fact]
    public void PostgreSql_types_are_written_by_name_without_facets()
    {
        using var db = Context("PostgreSql", TestDatabase.Osaka);
        var types = BulkTable.For<StepProgress>(db).Columns.ToDictionary(c => c.Name, c => BulkTable.PostgresTypeName(c.StoreType));
        types["OrganizationCode"].ShouldBe("character varying");
        types["UpdatedAt"].ShouldBe("timestamp with time zone");
        types["PlannedDate"].ShouldBe("date");
        types["BusinessNumber"].ShouldBe("integer");
    }

    [Fact]
    public void SqlServer_bulk_copy_maps_every_column_by_name()
    {
        using var db = Context("SqlServer", TestDatabase.Osaka);
        var table = BulkTable.For<StepProgress>(db);
        using var data = BulkInsert.ToDataTable(table, [Step(), Step()]);
        data.Columns.Cast<System.Data.DataColumn>().Select(c => c.ColumnName).ShouldBe(table.Columns.Select(c => c.Name));
        data.Rows.Count.ShouldBe(2);
        data.Rows[0]["Status"].ShouldBe("InProgress");
        data.Rows[0]["TenantId"].ShouldBe("osaka");
        data.Rows[0]["Note"].ShouldBe(DBNull.Value);
        BulkInsert.SqlServerMappings(table).Select(m => (m.SourceColumn, m.DestinationColumn))
            .ShouldBe(table.Columns.Select(c => (c.Name, c.Name)));
    }

    [Fact]
    public async Task On_SQLite_the_rows_read_back_as_saved()
    {
        using var database = new TestDatabase();
        await using (var db = database.CreateContext(TestDatabase.Osaka))
        {
            var users = Enumerable.Range(1, 450).Select(i => new AppUser
            {
                Id = $"user-{i}", UserName = $"u{i}@osaka.example", NormalizedUserName = $"U{i}@OSAKA.EXAMPLE", Email = $"u{i}@osaka.example",
                NormalizedEmail = $"U{i}@OSAKA.EXAMPLE", DisplayName = $"利用者 {i}", OrganizationCode = "272035", SecurityStamp = "S",
                CreatedAt = new DateTime(2026, 11, 30, 0, 0, 0, DateTimeKind.Utc),
            }).ToList();
            (await BulkInsert.WriteAsync(db, users)).ShouldBe(450); // full multi-row statements and a shorter rest
            await BulkInsert.WriteAsync(db, users.Select(u => new IdentityUserRole<string> { UserId = u.Id, RoleId = "role-municipalofficer" }).ToList());
        }
        await using var osaka = database.CreateContext(TestDatabase.Osaka);
        var stored = await osaka.Users.OrderBy(u => u.Id).ToListAsync();
        stored.Count.ShouldBe(450);
        stored.ShouldAllBe(u => u.TenantId == "osaka" && u.IsActive && u.OrganizationCode == "272035");
        stored.Single(u => u.Id == "user-7").DisplayName.ShouldBe("利用者 7");
        stored[0].CreatedAt.ShouldBe(new DateTime(2026, 11, 30, 0, 0, 0));
        (await osaka.UserRoles.CountAsync()).ShouldBe(450);
        await using var kyoto = database.CreateContext(TestDatabase.Kyoto);
        (await kyoto.Users.CountAsync()).ShouldBe(0);
    }
}
