using System.Security.Claims;
using DxCollab.Platform.Data;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Visibility;
using DxCollab.Platform.Web;
using DxCollab.Standardization.Tracking;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace DxCollab.Standardization.Api;

public sealed record OverdueItem(string OrganizationCode, string OrganizationName, int Business, string BusinessName, int Step, string StepId,
    string StepName, string Status, DateOnly PlannedDate, int DaysOverdue);
public sealed record StalledItem(string OrganizationCode, string OrganizationName, int Business, string BusinessName, double CompletionRate,
    DateTime? LastChangedAt, DateTime StalledSince, int WeeksWithoutChange);
public sealed record StalledResponse(int StalledAfterWeeks, StalledItem[] Items);
public sealed record SpecificSupportItem(string OrganizationCode, string OrganizationName, int Business, string BusinessName, string? Reason,
    DateOnly? PlannedCompletion, string? VendorName, double CompletionRate);
public sealed record DistributionItem(int Business, string BusinessName, int Organizations, string[] BucketLabels, int[] Buckets,
    double Min, double Median, double Max, double Mean, bool MeanHidesLaggards);
public sealed record SettingsItem(int StalledAfterWeeks, int EscalationAfterBusinessDays, int MonthlyRequestBusinessDay, DateTime? UpdatedAt, string? UpdatedBy);

/// <summary>/api/v1/{tenant}/migration/insights (what the mean hides) and /settings. The prefecture's staff see every
/// 団体; a municipal officer sees their own 団体 in the lists, or one other 団体 asked for by orgCode as its peer
/// (docs/visibility.md: statuses, dates and the 特定移行支援 flag, not its reason), and not the distribution, which
/// compares the 団体 with each other; anyone else gets 403.</summary>
public static class InsightsApi
{
    public static IEndpointRouteBuilder MapMigrationInsightsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/migration").WithTags("標準化");
        group.MapGet("/insights/overdue", Overdue).WithSummary("予定日を過ぎたステップ（日本時間）")
            .WithDescription("予定日 < 今日（日本時間）で完了済み・対象外でないステップ。sort = days（既定・遅れの大きい順）| organization | business | planned。市区町村の担当者は自団体のみ。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/insights/stalled", Stalled).WithSummary("一定期間変化のないシステム")
            .WithDescription("設定の週数（StalledAfterWeeks）ステップの変更がない 団体 × 業務。完了したシステムと無効にした業務は除きます。一度も記録のないシステムは管内で最初に記録された日から数えます。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/insights/specific-support", SpecificSupport).WithSummary("特定移行支援システム")
            .WithDescription("市区町村の担当者は自団体、または orgCode で指定した団体。他の団体の理由（reason）は null です（docs/visibility.md）。")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/insights/distribution", Distribution).WithSummary("業務ごとの完了率の分布（都道府県の職員のみ）")
            .WithDescription("団体ごとの完了率を 0% / 1〜25% / 26〜50% / 51〜75% / 76〜99% / 100% に分けた団体数と、最小・中央値・最大・平均。")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/settings", GetSettings).WithSummary("標準化の設定（都道府県の職員）").RequireAuthorization(Policies.PrefectureStaff);
        group.MapPut("/settings", PutSettings).DisableAntiforgery().WithSummary("標準化の設定を変更（都道府県の管理者）")
            .WithDescription("stalledAfterWeeks 1〜52、escalationAfterBusinessDays 1〜60、monthlyRequestBusinessDay 1〜15。")
            .RequireAuthorization(Policies.PrefectureAdmin).ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    public static async Task<Results<Ok<OverdueItem[]>, ProblemHttpResult>> Overdue(string? orgCode, string? sort,
        ClaimsPrincipal user, ProgressInsights insights, CancellationToken ct)
    {
        if (Scope(user, orgCode) is not { } scope) return Refused();
        OverdueSort? order = sort switch
        {
            null or "" or "days" => OverdueSort.DaysOverdue, "organization" => OverdueSort.Organization,
            "business" => OverdueSort.Business, "planned" => OverdueSort.PlannedDate, _ => null,
        };
        if (order is null) return Problems.Invalid("sort", "並び順（sort）は days / organization / business / planned のいずれかを指定してください。");
        var items = await insights.OverdueAsync(scope.OrganizationCode, order.Value, ct);
        return TypedResults.Ok(items.Select(o => new OverdueItem(o.OrganizationCode, o.OrganizationName, o.BusinessNumber, o.BusinessName,
            o.StepNumber, o.StepId, o.StepName, o.Status.JapaneseName(), o.PlannedDate, o.DaysOverdue)).ToArray());
    }

    public static async Task<Results<Ok<StalledResponse>, ProblemHttpResult>> Stalled(string? orgCode, string? sort,
        ClaimsPrincipal user, ProgressInsights insights, DxCollabDbContext db, CancellationToken ct)
    {
        if (Scope(user, orgCode) is not { } scope) return Refused();
        StalledSort? order = sort switch
        {
            null or "" or "last-change" => StalledSort.LastChange, "organization" => StalledSort.Organization, "business" => StalledSort.Business, _ => null,
        };
        if (order is null) return Problems.Invalid("sort", "並び順（sort）は last-change / organization / business のいずれかを指定してください。");
        var weeks = (await MigrationSettings.LoadAsync(db, ct)).StalledAfterWeeks;
        var items = await insights.StalledAsync(weeks, scope.OrganizationCode, order.Value, ct);
        return TypedResults.Ok(new StalledResponse(weeks, items.Select(s => new StalledItem(s.OrganizationCode, s.OrganizationName, s.BusinessNumber,
            s.BusinessName, (double)s.CompletionRate, s.LastChangedAt.AsUtc(), s.StalledSince.AsUtc(), s.WeeksWithoutChange)).ToArray()));
    }

    public static async Task<Results<Ok<SpecificSupportItem[]>, ProblemHttpResult>> SpecificSupport(string? orgCode, ClaimsPrincipal user,
        ProgressInsights insights, CancellationToken ct)
    {
        if (Scope(user, orgCode) is not { } scope) return Refused();
        var items = await insights.SpecificSupportAsync(scope.OrganizationCode, ct);
        return TypedResults.Ok(items.Select(s => new SpecificSupportItem(s.OrganizationCode, s.OrganizationName, s.BusinessNumber, s.BusinessName,
            user.Detail(s.OrganizationCode, s.Reason), s.PlannedCompletion, s.VendorName, (double)s.CompletionRate)).ToArray());
    }

    public static async Task<Results<Ok<DistributionItem[]>, ProblemHttpResult>> Distribution(ClaimsPrincipal user, ProgressInsights insights,
        CancellationToken ct)
    {
        if (!user.IsPrefectureStaff()) return Refused("分布は都道府県の職員だけが見られます。");
        var items = await insights.DistributionAsync(ct);
        return TypedResults.Ok(items.Select(d => new DistributionItem(d.BusinessNumber, d.BusinessName, d.Distribution.Organizations,
            [.. InsightRules.BucketLabels], [.. d.Distribution.Buckets], (double)d.Distribution.Min, (double)d.Distribution.Median,
            (double)d.Distribution.Max, (double)d.Distribution.Mean, d.Distribution.MeanHidesLaggards)).ToArray());
    }

    public static async Task<Ok<SettingsItem>> GetSettings(DxCollabDbContext db, CancellationToken ct) =>
        TypedResults.Ok(ToItem(await MigrationSettings.LoadAsync(db, ct)));

    public static async Task<Results<Ok<SettingsItem>, ProblemHttpResult>> PutSettings(MigrationSettingsInput? request, ClaimsPrincipal user,
        MigrationSettingsEditor editor, DxCollabDbContext db, CancellationToken ct)
    {
        var errors = await editor.SaveAsync(request ?? new MigrationSettingsInput(null, null, null),
            user.ActorLabel(), ct);
        if (errors.Count > 0) return Problems.Invalid(errors);
        return TypedResults.Ok(ToItem(await MigrationSettings.LoadAsync(db, ct)));
    }

    private sealed record InsightScope(string? OrganizationCode);

    /// <summary>Whose rows the user may see: everyone's (prefecture staff, optionally one 団体), or one 団体's for a
    /// municipal officer (their own unless they ask for another, whose details the items then withhold).</summary>
    private static InsightScope? Scope(ClaimsPrincipal user, string? orgCode)
    {
        var requested = string.IsNullOrWhiteSpace(orgCode) ? null : orgCode.Trim();
        if (user.IsPrefectureStaff()) return new InsightScope(requested);
        if (user.OwnOrganizationCode() is { } own) return new InsightScope(requested ?? own);
        return null;
    }

    private static ProblemHttpResult Refused(string? detail = null) =>
        Problems.Forbidden(detail ?? "この一覧を見られるのは、都道府県の職員と市区町村の担当者だけです。", "この情報を見る権限がありません。");

    private static SettingsItem ToItem(MigrationSettings s) => new(s.StalledAfterWeeks, s.EscalationAfterBusinessDays, s.MonthlyRequestBusinessDay,
        s.Id == 0 ? null : s.UpdatedAt.AsUtc(), s.UpdatedBy);
}
