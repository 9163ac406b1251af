using DxCollab.Platform.Organizations;
using DxCollab.Platform.Tests.Infrastructure;

namespace DxCollab.Platform.Tests.Organizations;

public sealed class OrganizationDirectoryTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();

    public async Task InitializeAsync()
    {
        await using var db = _database.CreateContext(TestDatabase.Osaka);
        await OrganizationCatalogSync.SyncAsync(db, "27", LocalGovernmentList.Bundled, new DateOnly(2024, 1, 1), "test", abolishMissing: false);
    }

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    private async Task<IReadOnlyList<OrganizationView>> Search(OrganizationType? type = null, string? query = null, bool includeAbolished = false)
    {
        await using var db = _database.CreateContext(TestDatabase.Osaka);
        return await new OrganizationDirectory(db).SearchAsync(type, query, includeAbolished);
    }

    [Theory]
    [InlineData("とよなか")]
    [InlineData("トヨナカ")]
    [InlineData("ﾄﾖﾅｶ")]
    [InlineData("豊中")]
    [InlineData("豊中市")]
    [InlineData(" とよ なか ")]
    public async Task Toyonaka_is_found_whatever_the_script_or_width_of_the_query(string query)
    {
        var found = await Search(query: query);
        found.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            o => o.Code.ShouldBe("272035"), o => o.Name.ShouldBe("豊中市"), o => o.TypeName.ShouldBe("中核市"));
    }

    [Fact]
    public async Task Without_a_query_the_prefecture_comes_first_then_municipalities_by_code()
    {
        var all = await Search();
        all.Count.ShouldBe(44);
        all[0].Name.ShouldBe("大阪府");
        all.Skip(1).Select(o => o.Code).ShouldBe(all.Skip(1).Select(o => o.Code).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Filtering_by_type_returns_only_that_type()
    {
        (await Search(OrganizationType.DesignatedCity)).Select(o => o.Name).ShouldBe(["大阪市", "堺市"]);
        var core = await Search(OrganizationType.CoreCity);
        core.ShouldNotBeEmpty();
        core.ShouldAllBe(o => o.Type == OrganizationType.CoreCity);
        core.Select(o => o.Name).ShouldContain("豊中市");
        (await Search(OrganizationType.CoreCity, "とよなか")).ShouldHaveSingleItem();
        (await Search(OrganizationType.Town, "とよなか")).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_query_matching_nothing_returns_nothing() => (await Search(query: "ｻｯﾎﾟﾛ")).ShouldBeEmpty();

    [Fact]
    public async Task Abolished_bodies_are_hidden_unless_asked_for()
    {
        await using (var db = _database.CreateContext(TestDatabase.Osaka))
            await OrganizationCatalogSync.SyncAsync(db, "27", LocalGovernmentList.Bundled.Where(r => r.Code != "272043"),
                new DateOnly(2026, 4, 1), "later", abolishMissing: true);

        (await Search(query: "いけだ")).ShouldBeEmpty();
        var ikeda = (await Search(query: "いけだ", includeAbolished: true)).ShouldHaveSingleItem();
        ikeda.IsActive.ShouldBeFalse();
        ikeda.AbolishedOn.ShouldBe(new DateOnly(2026, 4, 1));

        await using var read = _database.CreateContext(TestDatabase.Osaka);
        var history = await new OrganizationDirectory(read).HistoryAsync("272043");
        history.Select(h => h.Kind).ShouldBe([OrganizationChangeKind.Created, OrganizationChangeKind.Abolished]);
    }

    [Fact]
    public async Task Another_tenant_finds_none_of_Osakas_bodies()
    {
        await using var kyoto = _database.CreateContext(TestDatabase.Kyoto);
        (await new OrganizationDirectory(kyoto).SearchAsync(query: "とよなか")).ShouldBeEmpty();
        (await new OrganizationDirectory(kyoto).FindAsync("272035")).ShouldBeNull();
    }
}
