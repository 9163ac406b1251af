using DxCollab.Platform.Identity;
using DxCollab.Platform.Tenancy;
using DxCollab.Platform.Web;
using DxCollab.Standardization.National;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace DxCollab.Standardization.Api;

/// <summary>/api/v1/national/migration: national 標準化 figures for NationalViewer (host level; read model only).</summary>
public static class NationalMigrationApi
{
    public static IEndpointRouteBuilder MapNationalMigrationApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/national/migration").WithTags("標準化（全国）")
            .WithMetadata(new HostLevelAttribute()).RequireAuthorization(Policies.NationalViewer);
        group.MapGet("/progress", Progress).WithSummary("全国の進捗率（総務省と同じ計算）")
            .WithDescription("groupBy = category（団体区分）| prefecture | business。未報告の行は 40 ステップすべて未着手として数えます。")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    public static async Task<Results<Ok<ProgressItem[]>, ProblemHttpResult>> Progress(string? groupBy, NationalProgressReport report, CancellationToken ct)
    {
        if (!Enum.TryParse<NationalGrouping>(groupBy ?? "category", true, out var grouping) || !Enum.IsDefined(grouping)
            || int.TryParse(groupBy, out _))
            return Problems.Invalid("groupBy", "集計の単位（groupBy）は category / prefecture / business のいずれかを指定してください。");
        var groups = await report.ComputeAsync(grouping, ct);
        return TypedResults.Ok(groups.Select(g => new ProgressItem(g.Key, g.Label, g.Rows, g.Counts.Completed, g.Counts.InProgress, g.Counts.NotStarted,
            g.Counts.NotApplicable, (double)g.Rates.CompletionRate, (double)g.Rates.InProgressRate, (double)g.Rates.NotStartedRate)).ToArray());
    }
}
