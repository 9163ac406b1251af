using System.Security.Claims;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Visibility;
using DxCollab.Platform.Web;
using DxCollab.Standardization.Tracking;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace DxCollab.Standardization.Api;

public sealed record StepUpdateRequest(string? Status, DateOnly? PlannedDate, DateOnly? ActualDate, string? Note);
public sealed record BulkUpdateRequest(string[]? Businesses, string[]? Steps, string? Status, DateOnly? PlannedDate, DateOnly? ActualDate, string? Note);
public sealed record UpdateResponse(int Changed, int Unchanged);
public sealed record ProgressItem(string Key, string Label, int Rows, int Completed, int InProgress, int NotStarted, int NotApplicable,
    double CompletionRate, double InProgressRate, double NotStartedRate);
public sealed record GridCell(int Business, int Step, string Status, DateOnly? PlannedDate, DateOnly? ActualDate, string? Note, DateTime UpdatedAt);

/// <summary>/api/v1/{tenant}/migration: the 標準化 step statuses (also used by the pages and by integrations).</summary>
public static class MigrationApi
{
    public static IEndpointRouteBuilder MapMigrationApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/migration").WithTags("標準化");
        group.MapGet("/progress", Progress).WithSummary("進捗率（総務省と同じ計算）")
            .WithDescription("groupBy = category（団体区分）| organization | business | step。完了率 = (完了済み + 対象外) / (40 × 行数)。"
                + "month=2026-10 でその月の記録（月次スナップショット）の数値（step を除く）。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{orgCode}", Grid).WithSummary("団体の業務 × ステップの状況（記録のないステップは未着手）")
            .WithDescription("他の団体と専門人材には、メモ（note）は null で返します（docs/visibility.md）。").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{orgCode}/{business}/steps/{stepNo}", ReplaceStep).DisableAntiforgery().Accepts<StepUpdateRequest>("application/json")
            .WithSummary("1 つのステップの状況を置き換える（全項目）")
            .WithDescription("business は番号・正式名（住民基本台帳）・様式名（住民記録）のいずれか。status は 完了済み / 作業中 / 未着手（未）/ 対象外。"
                + "PUT はステップ全体の置き換えです。status・plannedDate・actualDate・note の 4 項目をすべて送ってください（省略すると 400、"
                + "予定日・実績日・メモを消すときは null）。一部だけ変えるときは PATCH を使います。日付は 2000-01-01〜2100-12-31。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPatch("/{orgCode}/{business}/steps/{stepNo}", PatchStep).DisableAntiforgery().Accepts<StepUpdateRequest>("application/json")
            .WithSummary("1 つのステップの状況を一部だけ変更")
            .WithDescription("送った項目だけを変更します。省略した項目はそのまま、null を送った予定日・実績日・メモは消えます（status は null にできません）。"
                + "日付は 2000-01-01〜2100-12-31。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("/{orgCode}/bulk", Bulk).DisableAntiforgery()
            .WithSummary("複数の業務 × ステップをまとめて変更").WithDescription("例: 12 業務のステップ ①-1 … ④-4 をまとめて完了済みに。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    public static async Task<Results<Ok<ProgressItem[]>, ProblemHttpResult>> Progress(string? groupBy, string? month,
        ProgressReport report, Snapshots.SnapshotService snapshots, CancellationToken ct)
    {
        if (!Enum.TryParse<ProgressGrouping>(groupBy ?? "category", true, out var grouping) || !Enum.IsDefined(grouping))
            return Problems.Invalid("groupBy", "集計の単位（groupBy）は category / organization / business / step のいずれかを指定してください。");
        var groups = month is null ? await report.ComputeAsync(grouping, ct) : null;
        if (month is not null)
        {
            if (SnapshotApi.MonthError(month, out var parsed) is { } error) return Problems.Invalid("month", error);
            if (grouping == ProgressGrouping.Step)
                return Problems.Invalid("groupBy", "月ごとの記録はステップ別には集計できません。category / organization / business のいずれかを指定してください。");
            groups = await snapshots.GroupsAsync(parsed, grouping, ct);
            if (groups is null) return SnapshotApi.NoSnapshot(parsed);
        }
        return TypedResults.Ok(groups!.Select(ToItem).ToArray());
    }

    public static ProgressItem ToItem(ProgressGroup g) => new(g.Key, g.Label, g.Rows, g.Completed, g.InProgress, g.NotStarted, g.NotApplicable,
        g.CompletionRate, g.InProgressRate, g.NotStartedRate);

    public static async Task<Results<Ok<GridCell[]>, ProblemHttpResult>> Grid(string orgCode, StepTracker tracker,
        Platform.Organizations.OrganizationDirectory directory, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await directory.FindAsync(orgCode, ct) is null)
            return Problems.NotFound($"団体コード「{orgCode}」の団体はこの都道府県にありません。", "団体が見つかりません。");
        return TypedResults.Ok((await tracker.GridAsync(orgCode, ct)).Select(p => new GridCell(p.BusinessNumber, p.StepNumber,
            p.Status.JapaneseName(), p.PlannedDate, p.ActualDate, user.Detail(orgCode, p.Note), DateTime.SpecifyKind(p.UpdatedAt, DateTimeKind.Utc))).ToArray());
    }

    /// <summary>PUT: the whole step as sent; a member left out is named in the refusal rather than cleared.</summary>
    public static async Task<Results<Ok<UpdateResponse>, ProblemHttpResult>> ReplaceStep(string orgCode, string business, string stepNo,
        StepBody body, StepTracker tracker, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!MigrationAccess.CanEdit(user, orgCode))
            return Problems.Forbidden("進捗を変更できるのは、その団体の担当者と都道府県の職員だけです。");
        var missing = StepBody.Members.Where(m => !body.Has(m)).ToList();
        if (missing.Count > 0)
            return Problems.Invalid(missing.ToDictionary(m => m, m => new[]
            {
                $"{m} がありません。PUT はステップ全体の置き換えなので、status・plannedDate・actualDate・note をすべて送ってください"
                + "（消すときは null）。一部だけ変えるときは PATCH を使ってください。",
            }));
        var v = body.Values;
        return await ApplyAsync(orgCode, [business], [stepNo], v.Status, v.PlannedDate, v.ActualDate, v.Note, "api", tracker, user, ct, replaceDetails: true);
    }

    /// <summary>PATCH: the members sent over what is recorded (a step with no record yet is 未着手 with no details).</summary>
    public static async Task<Results<Ok<UpdateResponse>, ProblemHttpResult>> PatchStep(string orgCode, string business, string stepNo,
        StepBody body, StepTracker tracker, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!MigrationAccess.CanEdit(user, orgCode))
            return Problems.Forbidden("進捗を変更できるのは、その団体の担当者と都道府県の職員だけです。");
        var (b, s) = (MigrationCatalog.FindBusiness(business), MigrationCatalog.FindStep(stepNo));
        var current = b is null || s is null ? null : await tracker.FindAsync(orgCode, b.Number, s.Number, ct);
        var v = body.Values;
        return await ApplyAsync(orgCode, [business], [stepNo],
            body.Has("status") ? v.Status : (current?.Status ?? StepStatus.NotStarted).JapaneseName(),
            body.Has("plannedDate") ? v.PlannedDate : current?.PlannedDate,
            body.Has("actualDate") ? v.ActualDate : current?.ActualDate,
            body.Has("note") ? v.Note : current?.Note,
            "api", tracker, user, ct, replaceDetails: true);
    }

    public static Task<Results<Ok<UpdateResponse>, ProblemHttpResult>> Bulk(string orgCode, BulkUpdateRequest? request,
        StepTracker tracker, ClaimsPrincipal user, CancellationToken ct) =>
        ApplyAsync(orgCode, request?.Businesses ?? [], request?.Steps ?? [], request?.Status, request?.PlannedDate, request?.ActualDate, request?.Note,
            "bulk", tracker, user, ct);

    private static async Task<Results<Ok<UpdateResponse>, ProblemHttpResult>> ApplyAsync(string orgCode, string[] businesses,
        string[] steps, string? status, DateOnly? planned, DateOnly? actual, string? note, string source, StepTracker tracker, ClaimsPrincipal user,
        CancellationToken ct, bool replaceDetails = false)
    {
        if (!MigrationAccess.CanEdit(user, orgCode))
            return Problems.Forbidden("進捗を変更できるのは、その団体の担当者と都道府県の職員だけです。");
        var errors = new Dictionary<string, string[]>();
        var businessNumbers = businesses.Select(b => (Text: b, Found: MigrationCatalog.FindBusiness(b))).ToList();
        if (businessNumbers.Where(b => b.Found is null).Select(b => b.Text ?? "(空)").FirstOrDefault() is { } unknownBusiness)
            errors["businesses"] = [$"業務「{unknownBusiness}」はありません。番号（1〜20）、正式名または様式の名前で指定してください。"];
        var stepNumbers = steps.Select(s => (Text: s, Found: MigrationCatalog.FindStep(s))).ToList();
        if (stepNumbers.Where(s => s.Found is null).Select(s => s.Text ?? "(空)").FirstOrDefault() is { } unknownStep)
            errors["steps"] = [$"ステップ「{unknownStep}」はありません。番号（1〜40）または ①-1 の形で指定してください。"];
        if (!StepStatusText.TryParse(status, out var parsed))
            errors["status"] = ["状態（status）は 完了済み / 作業中 / 未着手（未）/ 対象外 のいずれかを指定してください。"];
        if (errors.Count > 0) return Problems.Invalid(errors);

        var result = await tracker.UpdateAsync(orgCode, businessNumbers.Select(b => b.Found!.Number).ToList(), stepNumbers.Select(s => s.Found!.Number).ToList(),
            new StepUpdate(parsed, planned, actual, note, replaceDetails), user.ActorLabel(), source, ct);
        return result.Succeeded
            ? TypedResults.Ok(new UpdateResponse(result.Changed, result.Unchanged))
            : Problems.Invalid(result.Errors);
    }
}
