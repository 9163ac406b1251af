using System.Security.Claims;
using DxCollab.Platform.Identity;
using DxCollab.TalentPool.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace DxCollab.TalentPool.Pool;

/// <summary>/api/v1/{tenant}/talent/skills: the tenant's skill taxonomy (read by every member, kept by the prefecture's staff).</summary>
public static class SkillApi
{
    public static IEndpointRouteBuilder MapSkillApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/talent/skills").WithTags("人材プール（スキル分野）").RequireAuthorization(Policies.TenantMember);
        group.MapGet("", List).WithSummary("スキル分野の一覧（includeRetired=true で使われなくなった分野も）");
        group.MapPost("", Create).WithSummary("スキル分野の追加（都道府県の職員）")
            .WithDescription("名前はテナント内で一意です（全角・半角、かなの違いは同じ名前とみなします）。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPut("/{id:long}", Update).WithSummary("スキル分野の変更（名前・並び順・使わない。省略した項目はそのまま）")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<Ok<IReadOnlyList<SkillAreaView>>> List(bool? includeRetired, SkillAreaService skills, CancellationToken ct) =>
        TypedResults.Ok(await skills.ListAsync(includeRetired ?? false, ct));

    public static async Task<Results<Created<SkillAreaView>, ProblemHttpResult>> Create(string tenant, SkillAreaInput input, SkillAreaService skills,
        ClaimsPrincipal user, CancellationToken ct) =>
        TalentResults.Created(await skills.CreateAsync(input, user, ct), a => $"/api/v1/{tenant}/talent/skills/{a.Id}");

    public static async Task<Results<Ok<SkillAreaView>, ProblemHttpResult>> Update(long id, SkillAreaChange change, SkillAreaService skills,
        ClaimsPrincipal user, CancellationToken ct) =>
        TalentResults.Answer(await skills.UpdateAsync(id, change, user, ct));
}
