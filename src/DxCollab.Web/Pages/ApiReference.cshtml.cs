using DxCollab.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;

namespace DxCollab.Web.Pages;

/// <summary>A readable list of the API, drawn from the same endpoint metadata as /openapi/v1.json
/// (no external viewer, so no requests leave the site).</summary>
[AllowAnonymous]
public sealed class ApiReferenceModel(EndpointDataSource endpoints) : PageModel
{
    public sealed record Entry(string Method, string Route, string Summary, string? Description, string Access);

    public IReadOnlyList<IGrouping<string, Entry>> Groups { get; private set; } = [];

    public void OnGet()
    {
        Groups = endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .Select(e => (Tag: e.Metadata.GetMetadata<ITagsMetadata>()?.Tags.LastOrDefault() ?? "その他", Entry: new Entry(
                string.Join(", ", e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []),
                e.RoutePattern.RawText!,
                e.Metadata.GetMetadata<IEndpointSummaryMetadata>()?.Summary ?? "",
                e.Metadata.GetMetadata<IEndpointDescriptionMetadata>()?.Description,
                Access(e))))
            .OrderBy(x => x.Entry.Route).ThenBy(x => x.Entry.Method)
            .GroupBy(x => x.Tag, x => x.Entry)
            .ToList();
    }

    private static string Access(Endpoint e)
    {
        if (e.Metadata.GetMetadata<IAllowAnonymous>() is not null) return "不要（誰でも）";
        var policies = e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).Where(p => p is not null).ToList();
        if (policies.Contains(Policies.PrefectureAdmin)) return "都道府県管理者";
        if (policies.Contains(Policies.PrefectureStaff)) return "都道府県職員";
        if (policies.Contains(Policies.SystemAdmin)) return "システム運用";
        if (policies.Contains(Policies.NationalViewer)) return "国（閲覧）・運用";
        if (policies.Contains(Policies.TenantMember)) return "その都道府県の利用者";
        return "ログイン済みの利用者";
    }
}
