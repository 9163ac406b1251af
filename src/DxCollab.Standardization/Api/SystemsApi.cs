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

public sealed record SystemFactsRequest(bool? SpecificMigrationSupport, string? SpecificSupportReason, DateOnly? SpecificSupportPlannedCompletion,
    string? TransitionalMeasures, string? VendorName, DateOnly? TargetGoLive);
public sealed record SystemEnabledRequest(bool? Enabled);
public sealed record SystemItem(int Business, string OfficialName, string WorkbookName, bool Enabled, bool SpecificMigrationSupport,
    string? SpecificSupportReason, DateOnly? SpecificSupportPlannedCompletion, string? TransitionalMeasures, string? VendorName,
    DateOnly? TargetGoLive, DateTime? UpdatedAt, string? UpdatedBy);
public sealed record EnabledResponse(int Business, bool Enabled, bool Changed);

/// <summary>/api/v1/{tenant}/migration/{orgCode}/systems: the facts per 業務 system and switching a 業務 off/on.
/// Changes: same permission as the steps (<see cref="MigrationAccess"/>), the 団体's own officers and the prefecture's staff.
/// Every member of the tenant reads the list, a peer without the 団体's own words or people (<see cref="PeerVisibility"/>).</summary>
public static class SystemsApi
{
    public static IEndpointRouteBuilder MapSystemsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/migration").WithTags("標準化");
        group.MapGet("/{orgCode}/systems", List).WithSummary("団体の業務システムごとの情報（特定移行支援システム、経過措置、ベンダー、稼働目標）")
            .WithDescription("団体が報告するすべての業務（市区町村は 20、都道府県は 2）。記録のない業務は対象・空欄です。"
                + "他の団体と専門人材には、特定移行支援の理由と経過措置は null、更新者は「○○市の担当者」で返します（docs/visibility.md）。")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{orgCode}/{business}/system", Save).DisableAntiforgery()
            .WithSummary("業務システムの情報を保存").WithDescription("business は番号・正式名・様式名のいずれか。特定移行支援システムにするときは理由が必須です。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{orgCode}/{business}/enabled", SetEnabled).DisableAntiforgery()
            .WithSummary("業務を対象外にする／対象に戻す").WithDescription("対象外の業務はどの率にも含めず、ステップの状況も受け付けません。ステップの記録は残り、対象に戻すと元に戻ります。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<Results<Ok<SystemItem[]>, ProblemHttpResult>> List(string orgCode, SystemFacts facts, ClaimsPrincipal user,
        ActorNames actors, CancellationToken ct)
    {
        if (await facts.ListAsync(orgCode, ct) is not { } systems) return NoOrganization(orgCode);
        var actor = await actors.ForAsync(user, orgCode, systems.Select(s => s.UpdatedBy), ct);
        return TypedResults.Ok(systems.Select(s => ToItem(s) with
        {
            SpecificSupportReason = user.Detail(orgCode, s.SpecificSupportReason),
            TransitionalMeasures = user.Detail(orgCode, s.TransitionalMeasures),
            UpdatedBy = actor(s.UpdatedBy),
        }).ToArray());
    }

    public static async Task<Results<Ok<SystemItem>, ProblemHttpResult>> Save(string orgCode, string business, SystemFactsRequest? request,
        SystemFacts facts, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!MigrationAccess.CanEdit(user, orgCode)) return Forbidden();
        if (MigrationCatalog.FindBusiness(business) is not { } found) return UnknownBusiness(business);
        if (request is null) return Problems.Invalid("body", "保存する内容を JSON で送ってください。");
        var input = new SystemFactsInput(request.SpecificMigrationSupport ?? false, request.SpecificSupportReason, request.SpecificSupportPlannedCompletion,
            request.TransitionalMeasures, request.VendorName, request.TargetGoLive);
        var errors = SystemFacts.Validate(input);
        if (errors.Count > 0) return Problems.Invalid(errors);
        return await facts.SaveFactsAsync(orgCode, found.Number, input, user.ActorLabel(), ct) is { } saved
            ? TypedResults.Ok(ToItem(saved))
            : NotReported(orgCode, found.OfficialName);
    }

    public static async Task<Results<Ok<EnabledResponse>, ProblemHttpResult>> SetEnabled(string orgCode, string business,
        SystemEnabledRequest? request, SystemFacts facts, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!MigrationAccess.CanEdit(user, orgCode)) return Forbidden();
        if (MigrationCatalog.FindBusiness(business) is not { } found) return UnknownBusiness(business);
        if (request?.Enabled is not { } enabled) return Problems.Invalid("enabled", "対象にするかどうか（enabled）に true（対象にする）か false（対象外にする）を指定してください。");
        return await facts.SetEnabledAsync(orgCode, found.Number, enabled, user.ActorLabel(), ct) is { } changed
            ? TypedResults.Ok(new EnabledResponse(found.Number, enabled, changed))
            : NotReported(orgCode, found.OfficialName);
    }

    private static SystemItem ToItem(SystemView s) => new(s.Business.Number, s.Business.OfficialName, s.Business.WorkbookName, s.Enabled,
        s.SpecificMigrationSupport, s.SpecificSupportReason, s.SpecificSupportPlannedCompletion, s.TransitionalMeasures, s.VendorName, s.TargetGoLive,
        s.UpdatedAt, s.UpdatedBy);

    private static ProblemHttpResult Forbidden() => Problems.Forbidden("業務システムの情報を変更できるのは、その団体の担当者と都道府県の職員だけです。");

    private static ProblemHttpResult NoOrganization(string orgCode) =>
        Problems.NotFound($"団体コード「{orgCode}」の団体はこの都道府県にありません。", "団体が見つかりません。");

    private static ProblemHttpResult NotReported(string orgCode, string business) => Problems.NotFound(
        $"団体コード「{orgCode}」の団体がないか、その団体は{business}を報告しません（都道府県は児童扶養手当と生活保護だけ）。", "団体または業務が見つかりません。");

    private static ProblemHttpResult UnknownBusiness(string business) =>
        Problems.Invalid("business", $"業務「{business}」はありません。番号（1〜20）、正式名または様式の名前で指定してください。");
}
