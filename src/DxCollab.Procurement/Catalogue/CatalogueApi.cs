using System.Security.Claims;
using DxCollab.Platform.Files;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Tenancy;
using DxCollab.Platform.Web;
using DxCollab.Procurement.Workspaces;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace DxCollab.Procurement.Catalogue;

/// <summary>The case catalogue. Host users read it at /api/v1/catalogue/procurements; a host-level endpoint admits only host
/// users, so every prefecture's members read the same host-level list at /api/v1/{tenant}/procurements/catalogue. Publishing
/// and the specification on request are tenant routes.</summary>
public static class CatalogueApi
{
    public const string Tag = "共同調達（事例カタログ）";

    public static IEndpointRouteBuilder MapCatalogueHostApi(this IEndpointRouteBuilder v1)
    {
        var host = v1.MapGroup("/catalogue/procurements").WithTags(Tag).WithMetadata(new HostLevelAttribute())
            .RequireAuthorization(Policies.NationalViewer);
        host.MapGet("", Search).WithSummary("共同調達の事例カタログ（全国）");
        host.MapGet("/{caseId:long}", Get).WithSummary("共同調達の事例").ProducesProblem(StatusCodes.Status404NotFound);
        return v1;
    }

    public static IEndpointRouteBuilder MapCatalogueTenantApi(this IEndpointRouteBuilder tenantApi)
    {
        var group = tenantApi.Procurements();
        group.MapGet("/catalogue", Search).WithSummary("共同調達の事例カタログ（全国の事例。どの都道府県からも同じ一覧）")
            .WithDescription("q で対象・名称を検索します（全角・半角、ひらがな・カタカナの違いを問いません）。");
        group.MapGet("/catalogue/{caseId:long}", Get).WithSummary("共同調達の事例").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/catalogue/{caseId:long}/specification-requests", Request).WithSummary("事例の仕様書の提供を求める（代表団体が可否を決めます）")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/catalogue/specification-requests", MyAsks).WithSummary("自団体が求めた仕様書の提供と、その回答");
        group.MapGet("/catalogue/specification-requests/{askId:long}/file", Download)
            .WithSummary("提供が決まった仕様書をダウンロードする（事例の都道府県がその都度確かめて、最新の版を渡します）")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapPost("/{id:long}/case", Publish).WithSummary("終わった共同調達の事例をカタログに公開する（代表団体）")
            .WithDescription("process（進め方・経緯）と specificationShareable（仕様書を求めに応じて提供できるか）は必須。提供できる場合は specificationDocumentId（渡す文書。承認された依頼にはその時点の最新の版）も必須。人口・費用は省略すると最新の費用按分から。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{id:long}/specification-requests", Requests).WithSummary("この共同調達の仕様書への提供依頼（代表団体）")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:long}/specification-requests/{requestId:long}/decision", Decide).WithSummary("仕様書の提供依頼に回答する（代表団体）")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return tenantApi;
    }

    public static async Task<Ok<IReadOnlyList<CatalogueCaseView>>> Search(string? q, CatalogueService catalogue, CancellationToken ct) =>
        TypedResults.Ok(await catalogue.SearchAsync(q, ct));

    public static async Task<Results<Ok<CatalogueCaseView>, ProblemHttpResult>> Get(long caseId, CatalogueService catalogue, CancellationToken ct) =>
        OutcomeResults.Answer(await catalogue.GetAsync(caseId, ct));

    public static async Task<Results<Created<CasePublicationView>, ProblemHttpResult>> Publish(string tenant, long id, CasePublishInput input,
        CatalogueService catalogue, ClaimsPrincipal user, CancellationToken ct) =>
        OutcomeResults.Created(await catalogue.PublishAsync(id, input, user, ct), _ => $"/api/v1/{tenant}/procurements/catalogue");

    public static async Task<Results<Created<SpecificationAskView>, ProblemHttpResult>> Request(string tenant, long caseId, SpecificationRequestInput input,
        SpecificationService specifications, ClaimsPrincipal user, CancellationToken ct) =>
        OutcomeResults.Created(await specifications.RequestAsync(caseId, input, user, ct), _ => $"/api/v1/{tenant}/procurements/catalogue/specification-requests");

    public static async Task<Ok<IReadOnlyList<SpecificationAskView>>> MyAsks(SpecificationService specifications, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await specifications.MyAsksAsync(user, ct));

    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> Download(long askId, SpecificationService specifications,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var outcome = await specifications.DownloadAsync(askId, user, ct);
        return outcome.Succeeded
            ? UploadEndpoints.Attachment(outcome.Value!.FileName, outcome.Value.ContentType, outcome.Value.Content)
            : Problems.Refusal(outcome);
    }

    public static async Task<Results<Ok<IReadOnlyList<SpecificationRequestView>>, ProblemHttpResult>> Requests(long id, SpecificationService specifications,
        ClaimsPrincipal user, CancellationToken ct) => OutcomeResults.Answer(await specifications.RequestsAsync(id, user, ct));

    public static async Task<Results<Ok<SpecificationRequestView>, ProblemHttpResult>> Decide(long id, long requestId, SpecificationDecisionInput input,
        SpecificationService specifications, ClaimsPrincipal user, CancellationToken ct) =>
        OutcomeResults.Answer(await specifications.DecideAsync(id, requestId, input, user, ct));
}
