using System.Security.Claims;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Web;
using DxCollab.Surveys.Access;
using DxCollab.Surveys.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace DxCollab.Surveys.SpecialForms;

public sealed record BuiltSurveyItem(long Id, string Kind, string State, string Title, DateOnly Deadline, int Sections, int Roster);

public sealed record VoteItemResultItem(string Key, string Title, int For, int Against, int NotSubmitted, string Outcome, Opinion[] Opinions);

public sealed record VoteResultItem(long SurveyId, string Title, string State, bool IsFinal, string Rule, VoteItemResultItem[] Items, MemberStatus[] Members);

public sealed record KpiCellItem(string Key, string Kpi, string? Unit, string? TargetKind, decimal? Target, DateOnly? DueBy, decimal? Baseline,
    DateOnly? BaselineAt, decimal? Actual, DateOnly? ActualAt, string? Stage, string? Policy, string Class);

public sealed record KpiRowItem(string Code, string Name, string State, KpiCellItem[] Kpis);

public sealed record KpiTableItem(long SurveyId, string Title, string[] Kpis, KpiRowItem[] Rows);

/// <summary>/api/v1/{tenant}/surveys/votes, /kpi (build), /{id}/vote-result and /{id}/kpi (results).</summary>
public static class SpecialFormsApi
{
    public static void Map(IEndpointRouteBuilder tenantApi)
    {
        var group = tenantApi.MapGroup("/surveys").WithTags("照会（表決書・KPI進捗表）").RequireAuthorization(Policies.OrganizationStaff);
        group.MapPost("/votes", BuildVote).DisableAntiforgery().WithSummary("書面会議の表決書を作る")
            .WithDescription("案件ごとに賛成・反対（必須）とご意見の設問を持つ照会を作ります。members = 構成団体の団体コード。publish: true ですぐに公開します。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("/kpi", BuildKpi).DisableAntiforgery().WithSummary("KPI 進捗表を作る")
            .WithDescription("KPI ごとに目標値（数値・増加・減少・維持・なし）と達成時期、基準値と基準時点、実績値と時点（速報値・確報値）、今後の方針を尋ねます。members を省くと管内の全市区町村。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/{id:long}/vote-result", VoteResult).WithSummary("表決の結果（構成団体には締切後）")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:long}/kpi", KpiTable).WithSummary("KPI 進捗表（団体 × KPI の区分 A/B/N/F）").ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static async Task<Results<Created<BuiltSurveyItem>, ProblemHttpResult>> BuildVote(VoteSurveyInput input, SpecialFormBuilder builder,
        ClaimsPrincipal user, string tenant, CancellationToken ct)
    {
        if (!user.MayAuthor()) return Problems.Forbidden("表決書を作れるのは都道府県の職員だけです。");
        var outcome = await builder.BuildVoteAsync(input, user.ActorLabel(), ct);
        return outcome.Succeeded ? Created(tenant, outcome.Value!) : Problems.Refusal(outcome);
    }

    public static async Task<Results<Created<BuiltSurveyItem>, ProblemHttpResult>> BuildKpi(KpiSurveyInput input, SpecialFormBuilder builder,
        ClaimsPrincipal user, string tenant, CancellationToken ct)
    {
        if (!user.MayAuthor()) return Problems.Forbidden("KPI 進捗表を作れるのは都道府県の職員だけです。");
        var outcome = await builder.BuildKpiAsync(input, user.ActorLabel(), ct);
        return outcome.Succeeded ? Created(tenant, outcome.Value!) : Problems.Refusal(outcome);
    }

    public static async Task<Results<Ok<VoteResultItem>, ProblemHttpResult>> VoteResult(long id, VoteResultService results, ClaimsPrincipal user, CancellationToken ct)
    {
        var outcome = await results.GetAsync(id, user, ct);
        if (!outcome.Succeeded) return Problems.Refusal(outcome);
        var v = outcome.Value!;
        return TypedResults.Ok(new VoteResultItem(v.Survey.Id, v.Survey.Title, v.Survey.State.ToString(), v.IsFinal, VoteTally.Rule,
            v.Items.Select(i => new VoteItemResultItem(i.Key, i.Title, i.For, i.Against, i.NotSubmitted, i.Outcome, [.. i.Opinions])).ToArray(), [.. v.Members]));
    }

    public static async Task<Results<Ok<KpiTableItem>, ProblemHttpResult>> KpiTable(long id, KpiTableService table, ClaimsPrincipal user, CancellationToken ct)
    {
        var outcome = await table.GetAsync(id, user, ct);
        if (!outcome.Succeeded) return Problems.Refusal(outcome);
        var v = outcome.Value!;
        return TypedResults.Ok(new KpiTableItem(v.Survey.Id, v.Survey.Title, [.. v.Kpis], v.Rows.Select(r => new KpiRowItem(r.Code, r.Name, r.State.ToJapanese(),
            r.Kpis.Select(c => new KpiCellItem(c.KpiKey, c.Kpi, c.Unit, c.TargetKind?.ToJapanese(), c.Target, c.DueBy, c.Baseline, c.BaselineAt, c.Actual,
                c.ActualAt, c.Stage, c.Policy, c.Class.ToString())).ToArray())).ToArray()));
    }

    private static Created<BuiltSurveyItem> Created(string tenant, Survey s) => TypedResults.Created($"/api/v1/{tenant}/surveys/{s.Id}",
        new BuiltSurveyItem(s.Id, s.Kind.ToString(), s.State.ToString(), s.Title, s.Deadline, s.Form.Sections.Count, RosterSize(s)));

    private static int RosterSize(Survey s) => Authoring.RosterRule.FromJson(s.RosterRuleJson).CodeList.Count;
}
