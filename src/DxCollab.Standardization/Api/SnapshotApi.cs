using System.Security.Claims;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Web;
using DxCollab.Standardization.Snapshots;
using DxCollab.Standardization.Tracking;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace DxCollab.Standardization.Api;

public sealed record SnapshotItem(string Month, string Label, string FiscalYear, string Kind, DateTime TakenAt);
public sealed record TrendPointItem(string Month, string Label, int Rows, double CompletionRate);
public sealed record TrendItem(string Key, string Label, TrendPointItem[] Points);

/// <summary>/api/v1/{tenant}/migration/snapshots and /trend: the monthly snapshots (月末時点の記録) and the 完了率 per month.</summary>
public static class SnapshotApi
{
    public static IEndpointRouteBuilder MapSnapshotApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/migration").WithTags("標準化");
        group.MapGet("/snapshots", List).WithSummary("記録（月次スナップショット）のある月の一覧")
            .WithDescription("毎月1日 0:10（日本時間）に前月末時点の数値を記録します。month を progress?month= に指定できます。");
        group.MapPost("/snapshots", TakeNow).DisableAntiforgery().WithSummary("今月の途中経過を記録（都道府県の管理者）")
            .WithDescription("今月の記録を今の数値で作り直します。前月以前の月末時点の記録は変わりません。")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/trend", Trend).WithSummary("完了率の推移（月ごと）")
            .WithDescription("groupBy = category（団体区分）| business。各区分の、記録のある月ごとの完了率。")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    public static async Task<Ok<SnapshotItem[]>> List(SnapshotService snapshots, CancellationToken ct) =>
        TypedResults.Ok((await snapshots.ListAsync(ct)).Select(ToItem).ToArray());

    public static async Task<Results<Ok<SnapshotItem>, ProblemHttpResult>> TakeNow(SnapshotService snapshots, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!user.IsPrefectureAdmin())
            return Problems.Forbidden("記録を作れるのは都道府県の管理者だけです。");
        return TypedResults.Ok(ToItem(await snapshots.TakeNowAsync(user.ActorLabel(), ct)));
    }

    public static async Task<Results<Ok<TrendItem[]>, ProblemHttpResult>> Trend(string? groupBy, SnapshotService snapshots, CancellationToken ct)
    {
        if (ParseTrendGrouping(groupBy) is not { } grouping)
            return Problems.Invalid("groupBy", "集計の単位（groupBy）は category / business のいずれかを指定してください。");
        var series = await snapshots.TrendAsync(grouping, ct);
        return TypedResults.Ok(series.Select(s => new TrendItem(s.Key, s.Label, s.Points.Select(p => new TrendPointItem(SnapshotMonth.Format(p.Snapshot.Month),
            p.Snapshot.AsOf, p.Figures.Rows, p.Figures.CompletionRate)).ToArray())).ToArray());
    }

    /// <summary>category (default) or business; anything else is null.</summary>
    public static ProgressGrouping? ParseTrendGrouping(string? groupBy) => (groupBy ?? "category").Trim().ToLowerInvariant() switch
    {
        "category" => ProgressGrouping.Category,
        "business" => ProgressGrouping.Business,
        _ => null,
    };

    /// <summary>The reason a month parameter is refused, or null for 「2026-10」.</summary>
    public static string? MonthError(string text, out DateOnly month) =>
        SnapshotMonth.TryParse(text, out month) ? null : $"month「{text}」は年と月を 2026-10 の形（西暦4桁-月2桁）で指定してください。";

    public static ProblemHttpResult NoSnapshot(DateOnly month) => Problems.NotFound(
        "記録のある月は GET /api/v1/{tenant}/migration/snapshots で確認できます。記録は毎月1日に前月末時点の数値で作られます。",
        $"{SnapshotMonth.Japanese(month)}の記録はありません。");

    private static SnapshotItem ToItem(SnapshotInfo s) =>
        new(SnapshotMonth.Format(s.Month), s.AsOf, SnapshotMonth.FiscalYear(s.Month), s.Kind == SnapshotKind.MonthEnd ? "月末" : "途中経過", s.TakenAt);
}
