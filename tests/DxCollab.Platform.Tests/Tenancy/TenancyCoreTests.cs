using DxCollab.MultiTenancy;
using DxCollab.MultiTenancy.AspNetCore;
using DxCollab.MultiTenancy.Stores;
using DxCollab.MultiTenancy.Strategies;
using DxCollab.Platform.Tenancy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace DxCollab.Platform.Tests.Tenancy;

public class AmbientTenantTests
{
    private static readonly PrefectureTenant Osaka = Infrastructure.TestDatabase.Osaka;
    private static readonly PrefectureTenant Kyoto = Infrastructure.TestDatabase.Kyoto;

    [Fact]
    public async Task A_tenant_set_in_one_flow_does_not_leak_into_the_next_flow()
    {
        var accessor = new AsyncLocalMultiTenantContextAccessor<PrefectureTenant>();
        await Task.Run(() => accessor.MultiTenantContext = new MultiTenantContext<PrefectureTenant>(Osaka, "test"));

        accessor.MultiTenantContext.IsResolved.ShouldBeFalse();
        var seenByNextFlow = await Task.Run(() => accessor.MultiTenantContext.TenantInfo);
        seenByNextFlow.ShouldBeNull();
    }

    [Fact]
    public async Task Parallel_flows_each_keep_their_own_tenant()
    {
        var accessor = new AsyncLocalMultiTenantContextAccessor<PrefectureTenant>();
        using var barrier = new Barrier(2);
        async Task<string?> Flow(PrefectureTenant tenant)
        {
            await Task.Yield();
            accessor.MultiTenantContext = new MultiTenantContext<PrefectureTenant>(tenant, "test");
            barrier.SignalAndWait(TimeSpan.FromSeconds(10)); // both tenants are set before either reads
            await Task.Delay(10);
            return accessor.MultiTenantContext.TenantInfo?.Id;
        }

        var results = await Task.WhenAll(Task.Run(() => Flow(Osaka)), Task.Run(() => Flow(Kyoto)));

        results.ShouldBe(["osaka", "kyoto"]);
        accessor.MultiTenantContext.TenantInfo.ShouldBeNull();
    }

    [Fact]
    public async Task A_tenant_scope_restores_the_previous_tenant_when_nested_scopes_end()
    {
        await Task.Yield();
        var accessor = new AsyncLocalMultiTenantContextAccessor<PrefectureTenant>();
        var scope = new TenantScope<PrefectureTenant>(accessor, accessor);

        scope.Current.ShouldBeNull();
        using (scope.Begin(Osaka))
        {
            scope.Current.ShouldBe(Osaka);
            using (scope.Begin(Kyoto, "job"))
            {
                scope.Current.ShouldBe(Kyoto);
                accessor.MultiTenantContext.StrategyName.ShouldBe("job");
            }
            scope.Current.ShouldBe(Osaka);
            using (scope.Begin(null)) scope.Current.ShouldBeNull();
            scope.Current.ShouldBe(Osaka);
        }
        scope.Current.ShouldBeNull();
    }

    [Fact]
    public async Task Disposing_a_tenant_scope_twice_does_not_undo_a_later_scope()
    {
        await Task.Yield();
        var accessor = new AsyncLocalMultiTenantContextAccessor<PrefectureTenant>();
        var scope = new TenantScope<PrefectureTenant>(accessor, accessor);

        var first = scope.Begin(Osaka);
        first.Dispose();
        using (scope.Begin(Kyoto))
        {
            first.Dispose();
            scope.Current.ShouldBe(Kyoto);
        }
    }
}

public class InMemoryStoreTests
{
    private static TenantInfo T(string id, string identifier) => new() { Id = id, Identifier = identifier };

    [Fact]
    public void Duplicate_tenant_ids_are_refused_at_start_up() =>
        Should.Throw<MultiTenantException>(() => new InMemoryStore<TenantInfo>([T("osaka", "osaka"), T("osaka", "osaka-2")]))
            .Message.ShouldContain("osaka");

    [Fact]
    public void Identifiers_differing_only_in_case_are_refused_as_duplicates() =>
        Should.Throw<MultiTenantException>(() => new InMemoryStore<TenantInfo>([T("a", "osaka"), T("b", "Osaka")]));

    [Fact]
    public async Task Identifiers_resolve_case_insensitively_and_unknown_ones_resolve_to_nothing()
    {
        var store = new InMemoryStore<PrefectureTenant>([.. PrefectureCatalog.Build(), PrefectureCatalog.Host]);
        (await store.GetByIdentifierAsync("OSAKA"))!.Name.ShouldBe("大阪府");
        (await store.GetByIdentifierAsync("Kyoto"))!.Code.ShouldBe("260002");
        (await store.GetByIdentifierAsync("atlantis")).ShouldBeNull();
        (await store.GetAsync("osaka")).ShouldNotBeNull();
        (await store.GetAllAsync()).Count.ShouldBe(48);
    }

    [Fact]
    public void The_catalog_holds_47_prefectures_in_JIS_order_and_a_reserved_host_tenant()
    {
        var tenants = PrefectureCatalog.Build();
        tenants.Count.ShouldBe(47);
        tenants.Select(t => t.PrefectureCode).ShouldBe(Enumerable.Range(1, 47).Select(i => i.ToString("00")));
        tenants[0].ShouldSatisfyAllConditions(t => t.Id.ShouldBe("hokkaido"), t => t.Name.ShouldBe("北海道"), t => t.Code.ShouldBe("010006"));
        tenants[12].Name.ShouldBe("東京都");
        tenants[26].ShouldSatisfyAllConditions(t => t.Id.ShouldBe("osaka"), t => t.Code.ShouldBe("270008"));
        tenants[46].Name.ShouldBe("沖縄県");
        tenants.ShouldAllBe(t => !t.IsHost && t.Id == t.Identifier);
        PrefectureCatalog.Host.IsHost.ShouldBeTrue();
        PrefectureCatalog.Host.Id.ShouldBe("_host");
    }
}

public class TenantResolverTests
{
    private static readonly InMemoryStore<PrefectureTenant> Store = new([.. PrefectureCatalog.Build(), PrefectureCatalog.Host]);

    private static TenantResolver<PrefectureTenant> Resolver(params IMultiTenantStrategy[] strategies)
    {
        var options = new MultiTenantOptions();
        options.IgnoredIdentifiers.Add(PrefectureCatalog.HostTenantId);
        return new(strategies, [Store], Options.Create(options));
    }

    private static HttpContext Request(string? tenantRoute = null, string? host = null, params object[] endpointMetadata)
    {
        var http = new DefaultHttpContext();
        if (tenantRoute is not null) http.Request.RouteValues["tenant"] = tenantRoute;
        if (host is not null) http.Request.Host = new HostString(host);
        if (endpointMetadata.Length > 0) http.SetEndpoint(new Endpoint(null, new EndpointMetadataCollection(endpointMetadata), "test"));
        return http;
    }

    [Fact]
    public async Task A_known_route_identifier_resolves_its_tenant()
    {
        var resolution = await Resolver(new RouteStrategy()).ResolveAsync(Request("osaka"));
        resolution.UnknownIdentifier.ShouldBeNull();
        resolution.Context.TenantInfo!.Name.ShouldBe("大阪府");
        resolution.Context.StrategyName.ShouldBe("route");
    }

    [Fact]
    public async Task An_unknown_identifier_is_reported_rather_than_resolved_to_no_tenant()
    {
        var resolution = await Resolver(new RouteStrategy()).ResolveAsync(Request("atlantis"));
        resolution.Context.IsResolved.ShouldBeFalse();
        resolution.UnknownIdentifier.ShouldBe("atlantis");
    }

    [Fact]
    public async Task The_reserved_host_tenant_cannot_be_reached_through_a_URL()
    {
        var resolution = await Resolver(new RouteStrategy()).ResolveAsync(Request("_host"));
        resolution.Context.IsResolved.ShouldBeFalse();
        resolution.UnknownIdentifier.ShouldBe("_host");

        var viaHostName = await Resolver(new RouteStrategy()).ResolveAsync(Request("_HOST"));
        viaHostName.UnknownIdentifier.ShouldBe("_HOST");
    }

    [Fact]
    public async Task A_host_level_endpoint_resolves_the_host_tenant_because_its_metadata_is_trusted()
    {
        var resolution = await Resolver(new RouteStrategy(), new EndpointMetadataStrategy())
            .ResolveAsync(Request("osaka", null, new HostLevelAttribute()));
        resolution.UnknownIdentifier.ShouldBeNull();
        resolution.Context.TenantInfo.ShouldBe(PrefectureCatalog.Host);
        resolution.Context.StrategyName.ShouldBe("endpoint");
    }

    [Fact]
    public async Task An_untrusted_strategy_naming_an_ignored_identifier_is_refused_even_with_high_priority()
    {
        var resolution = await Resolver(new DelegateStrategy(_ => Task.FromResult<string?>("_host"), "header", priority: 1000), new RouteStrategy())
            .ResolveAsync(Request("osaka"));
        resolution.UnknownIdentifier.ShouldBe("_host");
        resolution.Context.IsResolved.ShouldBeFalse();
    }

    [Fact]
    public async Task Strategies_run_by_priority_and_the_first_identifier_wins()
    {
        var resolution = await Resolver(new HostStrategy("tenant.dxcollab.example"), new RouteStrategy())
            .ResolveAsync(Request("kyoto", "osaka.dxcollab.example"));
        resolution.Context.TenantInfo!.Id.ShouldBe("kyoto");
    }

    [Fact]
    public async Task No_identifier_at_all_resolves_to_no_tenant_without_an_error()
    {
        var resolution = await Resolver(new RouteStrategy(), new HostStrategy("tenant.dxcollab.example")).ResolveAsync(Request(host: "www.example.com"));
        resolution.Context.IsResolved.ShouldBeFalse();
        resolution.UnknownIdentifier.ShouldBeNull();
    }
}

public class HostStrategyTests
{
    private static async Task<string?> Identify(string template, string host)
    {
        var http = new DefaultHttpContext();
        http.Request.Host = new HostString(host);
        return await new HostStrategy(template).GetIdentifierAsync(http);
    }

    [Theory]
    [InlineData("osaka.dxcollab.example", "osaka")]
    [InlineData("OSAKA.DxCollab.Example", "osaka")]
    [InlineData("osaka.dxcollab.example:8443", "osaka")]
    public async Task The_first_label_names_the_tenant(string host, string expected) =>
        (await Identify("tenant.dxcollab.example", host)).ShouldBe(expected);

    [Theory]
    [InlineData("dxcollab.example")]
    [InlineData("www.osaka.dxcollab.example")]
    [InlineData("osaka.dxcollab.example.attacker.test")]
    [InlineData("osaka.dxcollabXexample")]
    [InlineData("osaka.other.example")]
    [InlineData("localhost")]
    public async Task Other_host_names_name_no_tenant(string host) =>
        (await Identify("tenant.dxcollab.example", host)).ShouldBeNull();

    [Fact]
    public async Task A_star_stands_for_any_one_label() =>
        (await Identify("tenant.*.dxcollab.example", "kyoto.staging.dxcollab.example")).ShouldBe("kyoto");

    [Fact]
    public async Task Contexts_other_than_HTTP_are_ignored() =>
        (await new HostStrategy("tenant.dxcollab.example").GetIdentifierAsync(new object())).ShouldBeNull();
}
