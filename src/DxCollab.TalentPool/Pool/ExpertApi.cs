using System.Security.Claims;
using DxCollab.Platform.Identity;
using DxCollab.TalentPool.Access;
using DxCollab.TalentPool.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace DxCollab.TalentPool.Pool;

/// <summary>/api/v1/{tenant}/talent/experts: the pool's expert profiles (the prefecture's staff; an expert reads their own).</summary>
public static class ExpertApi
{
    public static IEndpointRouteBuilder MapExpertApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/talent/experts").WithTags("人材プール（専門人材）").RequireAuthorization(Policies.TenantMember);
        group.MapGet("", List).WithSummary("専門人材の一覧（都道府県の職員。専門人材は自分のプロフィールだけ）")
            .WithDescription("skillAreaId、engagementForm、status（active / retired / all、既定は all）、q（氏名・所属・メール・備考。全角半角・かなの違いを問わない）で絞り込めます。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("", Create).WithSummary("専門人材の登録（都道府県の職員）")
            .WithDescription("monthlyCapacityHours は月あたりの対応可能時間（割当の上限）。onSiteDaysCap / onlineHoursCap は1件あたりの上限（例: 訪問3日・オンライン10時間）。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/{id:long}", Get).WithSummary("専門人材のプロフィール").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{id:long}", Update).WithSummary("専門人材のプロフィールの変更（全体を置き換え。都道府県の職員）")
            .WithDescription("月の対応可能時間の変更は今月以降の各月に反映されます。既に割り当てた時間より少なくすることはできません（409、月と割当済みの時間を示します）。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:long}/retire", Retire).WithSummary("退任（候補に出なくなります。履歴は残ります）")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:long}/reactivate", Reactivate).WithSummary("再任（候補に戻します）")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:long}/account", InviteAccount).WithSummary("専門人材のアカウントの招待（プロフィールのメールアドレスに招待メールを送ります）")
            .WithDescription("同じメールアドレスの専門人材アカウントが既にあれば、それをプロフィールに結び付けます。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<ExpertView>>, ProblemHttpResult>> List(long? skillAreaId, string? engagementForm, string? status,
        string? q, ExpertService experts, ClaimsPrincipal user, CancellationToken ct)
    {
        EngagementForm? form = null;
        if (!string.IsNullOrEmpty(engagementForm))
        {
            if (!Enum.TryParse<EngagementForm>(engagementForm, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
                return Platform.Web.Problems.Invalid("engagementForm", "任用形態が正しくありません。");
            form = parsed;
        }
        bool? active;
        switch (status?.ToLowerInvariant())
        {
            case null or "" or "all": active = null; break;
            case "active": active = true; break;
            case "retired": active = false; break;
            default: return Platform.Web.Problems.Invalid("status", "status は active（現任）、retired（退任）、all（すべて）のどれかにしてください。");
        }
        return TalentResults.Answer(await experts.ListAsync(new ExpertFilter(skillAreaId, form, active, q), user, ct));
    }

    public static async Task<Results<Created<ExpertView>, ProblemHttpResult>> Create(string tenant, ExpertInput input, ExpertService experts,
        ClaimsPrincipal user, CancellationToken ct) =>
        TalentResults.Created(await experts.CreateAsync(input, user, ct), e => $"/api/v1/{tenant}/talent/experts/{e.Id}");

    public static async Task<Results<Ok<ExpertView>, ProblemHttpResult>> Get(long id, ExpertService experts, ClaimsPrincipal user, CancellationToken ct) =>
        TalentResults.Answer(await experts.GetAsync(id, user, ct));

    public static async Task<Results<Ok<ExpertView>, ProblemHttpResult>> Update(long id, ExpertInput input, ExpertService experts, ClaimsPrincipal user,
        CancellationToken ct) =>
        TalentResults.Answer(await experts.UpdateAsync(id, input, user, ct));

    public static async Task<Results<Ok<ExpertView>, ProblemHttpResult>> Retire(long id, ExpertService experts, ClaimsPrincipal user, CancellationToken ct) =>
        TalentResults.Answer(await experts.SetActiveAsync(id, false, user, ct));

    public static async Task<Results<Ok<ExpertView>, ProblemHttpResult>> Reactivate(long id, ExpertService experts, ClaimsPrincipal user, CancellationToken ct) =>
        TalentResults.Answer(await experts.SetActiveAsync(id, true, user, ct));

    public static async Task<Results<Ok<ExpertView>, ProblemHttpResult>> InviteAccount(string tenant, long id, ExpertAccounts accounts, HttpContext http,
        CancellationToken ct) =>
        TalentResults.Answer(await accounts.InviteAsync(id, http.User,
            (userId, token) => $"{http.Request.Scheme}://{http.Request.Host}/{tenant}/invitation?userId={Uri.EscapeDataString(userId)}&token={Uri.EscapeDataString(token)}", ct));
}
