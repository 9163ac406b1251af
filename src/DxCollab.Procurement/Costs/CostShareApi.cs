using System.Security.Claims;
using DxCollab.Platform.Exports;
using DxCollab.Platform.Web;
using DxCollab.Procurement.Vendors;
using DxCollab.Procurement.Workspaces;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace DxCollab.Procurement.Costs;

/// <summary>/api/v1/{tenant}/procurements/{id}/cost-shares: the calculator, saved splits and their export.</summary>
public static class CostShareApi
{
    public static IEndpointRouteBuilder MapCostShareApi(this IEndpointRouteBuilder tenantApi)
    {
        var group = tenantApi.Procurements();
        group.MapGet("/{id:long}/cost-shares", List).WithSummary("保存した費用按分の一覧").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:long}/cost-shares/preview", Preview).WithSummary("費用按分の試算（保存しない）")
            .WithDescription("initialCost・annualCost（円、整数）、equalPercent（均等割%、人口割は残り）、members（団体コードと人口。省略すると参加団体全員）、"
                + "remainderOrganizationCode（端数を負担する団体。既定は代表団体）。各団体の負担額は1円未満切り捨て、端数は指定の団体が負担し、合計は総額と一致します。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:long}/cost-shares", Save).WithSummary("費用按分を保存する（代表団体）")
            .WithDescription("試算と同じ入力に title（必須）と decisionId（決定事項の番号、任意）。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:long}/cost-shares/populations", ReadPopulations).DisableAntiforgery()
            .WithSummary("人口の取り込み（団体コード,人口 の CSV / xlsx。保存せず、members の形で返します）")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        group.MapGet("/{id:long}/cost-shares/{shareId:long}", Get).WithSummary("費用按分（団体ごとの負担額）").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:long}/cost-shares/{shareId:long}/export", Export).WithSummary("費用按分（xlsx）").ProducesProblem(StatusCodes.Status404NotFound);
        return tenantApi;
    }

    public static async Task<Results<Ok<CostShareList>, ProblemHttpResult>> List(long id, CostShareService costs, ClaimsPrincipal user, CancellationToken ct) =>
        OutcomeResults.Answer(await costs.ListAsync(id, user, ct));

    public static async Task<Results<Ok<CostShareView>, ProblemHttpResult>> Preview(long id, CostShareInput input, CostShareService costs, ClaimsPrincipal user,
        CancellationToken ct) => OutcomeResults.Answer(await costs.PreviewAsync(id, input, user, ct));

    public static async Task<Results<Created<CostShareView>, ProblemHttpResult>> Save(string tenant, long id, CostShareInput input, CostShareService costs,
        ClaimsPrincipal user, CancellationToken ct) =>
        OutcomeResults.Created(await costs.SaveAsync(id, input, user, ct), s => $"/api/v1/{tenant}/procurements/{id}/cost-shares/{s.Id}");

    public static async Task<Results<Ok<IReadOnlyList<CostMemberInput>>, ProblemHttpResult>> ReadPopulations(long id, IFormFile? file,
        CostShareService costs, ClaimsPrincipal user, CancellationToken ct)
    {
        if (file is null || file.Length == 0) return Problems.Invalid("file", "取り込むファイル（団体コード,人口 の CSV または xlsx）を選んでください。");
        if (file.Length > PopulationFile.MaxBytes) return Problems.TooLarge("取り込めるファイルは 1 MB までです。");
        await using var stream = file.OpenReadStream();
        return OutcomeResults.Answer(await costs.ReadPopulationsAsync(id, stream, user, ct));
    }

    public static async Task<Results<Ok<CostShareView>, ProblemHttpResult>> Get(long id, long shareId, CostShareService costs, ClaimsPrincipal user,
        CancellationToken ct) => OutcomeResults.Answer(await costs.GetAsync(id, shareId, user, ct));

    public static async Task<Results<FileContentHttpResult, EmptyHttpResult, ProblemHttpResult>> Export(long id, long shareId, HttpContext http,
        CostShareService costs, ClaimsPrincipal user, CancellationToken ct)
    {
        var outcome = await costs.GetAsync(id, shareId, user, ct);
        if (!outcome.Succeeded) return Problems.Refusal(outcome);
        var share = outcome.Value!;
        return await Tables.SendAsync(http, "xlsx", ExportEncoding.Utf8, CostExport.Headers(share), CostExport.Rows(share), "費用按分",
            $"{VendorExport.SafeName(share.Title)}_費用按分.xlsx", $"procurement{id}_cost_share{shareId}.xlsx", ct);
    }
}

/// <summary>A saved split as a sheet: one row per member (団体コード as text), a total row, and the rule in the last column's header.</summary>
public static class CostExport
{
    public static IReadOnlyList<string> Headers(CostShareView s) =>
        ["団体コード", "団体名", "人口", $"初期費用の負担額（円、均等割{s.EqualPercent}%・人口割{s.PopulationPercent}%）", "年額の負担額（円）", $"端数（{s.RoundingRule}）"];

    public static IEnumerable<IReadOnlyList<object?>> Rows(CostShareView s) =>
    [
        .. s.Lines.Select(l => (IReadOnlyList<object?>)[l.OrganizationCode, l.OrganizationName, l.Population, l.InitialShare, l.AnnualShare,
            l.TakesRemainder ? "端数を負担" : null]),
        ["合計", $"{s.Lines.Count}団体", s.TotalPopulation, s.InitialCost, s.AnnualCost, null],
    ];
}
