using DxCollab.MultiTenancy;
using DxCollab.Platform.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DxCollab.Web.Api;

public sealed record TenantItem(string Identifier, string Code, string Name);

public static class TenantsApi
{
    public static RouteGroupBuilder MapTenantsApi(this RouteGroupBuilder group)
    {
        group.MapGet("/tenants", GetTenants).AllowAnonymous().WithTags("テナント")
            .WithSummary("都道府県（テナント）の一覧")
            .WithDescription("47 都道府県を JIS 順に返します。identifier は URL の /{tenant} に使う名前です。");
        return group;
    }

    public static async Task<Ok<TenantItem[]>> GetTenants(IMultiTenantStore<PrefectureTenant> store) =>
        TypedResults.Ok((await store.GetAllAsync()).Where(t => !t.IsHost).Select(t => new TenantItem(t.Identifier, t.Code, t.Name!)).ToArray());
}
