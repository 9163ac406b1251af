using System.Security.Claims;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace DxCollab.Procurement.Workspaces;

/// <summary>/api/v1/{tenant}/procurements: the workspaces a user may see, opening one, one with its members.</summary>
public static class WorkspaceApi
{
    public const string Tag = "共同調達";

    /// <summary>The group every slice maps its routes on (<c>/procurements</c>, TenantMember).</summary>
    public static RouteGroupBuilder Procurements(this IEndpointRouteBuilder tenantApi) =>
        tenantApi.MapGroup("/procurements").WithTags(Tag).RequireAuthorization(Policies.TenantMember);

    public static IEndpointRouteBuilder MapWorkspaceApi(this IEndpointRouteBuilder tenantApi)
    {
        var group = tenantApi.Procurements();
        group.MapGet("", List).WithSummary("共同調達の一覧（都道府県の職員はすべて、市区町村は参加しているもの）")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("", Create).WithSummary("共同調達の場を作る（作った団体が代表団体）")
            .WithDescription("subject（調達の対象）と title は必須。leadOrganizationCode は都道府県の職員だけが指定でき、省略すると自分の団体が代表団体です。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/{id:long}", Get).WithSummary("共同調達の内容・フェーズ・参加団体と自分の立場（mySeat）")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return tenantApi;
    }

    public static async Task<Results<Ok<IReadOnlyList<WorkspaceSummary>>, ProblemHttpResult>> List(WorkspaceService workspaces, ClaimsPrincipal user,
        CancellationToken ct) => OutcomeResults.Answer(await workspaces.ListAsync(user, ct));

    public static async Task<Results<Created<WorkspaceView>, ProblemHttpResult>> Create(string tenant, WorkspaceInput input, WorkspaceService workspaces,
        ClaimsPrincipal user, CancellationToken ct) =>
        OutcomeResults.Created(await workspaces.CreateAsync(input, user, ct), w => $"/api/v1/{tenant}/procurements/{w.Id}");

    public static async Task<Results<Ok<WorkspaceView>, ProblemHttpResult>> Get(long id, WorkspaceService workspaces, ClaimsPrincipal user,
        CancellationToken ct) => OutcomeResults.Answer(await workspaces.GetAsync(id, user, ct));
}
