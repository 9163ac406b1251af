using DxCollab.IntegrationTests.Infrastructure;

namespace DxCollab.IntegrationTests.ModuleKit;

/// <summary>Every tenant-owned entity of the model, the modules' included, without a list: another tenant can neither
/// read nor change its rows (EF filter and SaveChanges enforcement; RowLevelSecurityTests cover PostgreSQL's own line).</summary>
[Collection(SqliteCollection.Name)]
public sealed class DerivedIsolationTests(SqliteAppFixture fixture) : AppTest(fixture)
{
    [Fact]
    public async Task Another_tenant_can_neither_read_nor_change_a_row_of_any_tenant_owned_entity()
    {
        var sqlite = (SqliteAppFixture)App;
        var checkedTypes = await GenericIsolation.CheckEveryTenantOwnedTypeAsync(App.Factory.Services, sqlite.ConnectionString);
        checkedTypes.Count.ShouldBe(TenantModel.TenantOwnedTypes(TenantModel.Of(App.Factory.Services)).Count);
        checkedTypes.ShouldContain("StepProgress");
        checkedTypes.ShouldContain("Organization");
    }
}
