using System.Globalization;
using System.Security.Claims;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Results;
using DxCollab.Platform.Web;
using DxCollab.TalentPool.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace DxCollab.TalentPool.Insights;

/// <summary>/api/v1/{tenant}/talent/dashboard and /talent/it-staff (the prefecture's staff).</summary>
public static class InsightsApi
{
    /// <summary>A 団体コード,人数 list is a few KB; anything much larger is not one.</summary>
    public const long MaxImportBytes = 1024 * 1024;

    public static IEndpointRouteBuilder MapInsightsApi(this IEndpointRouteBuilder app)
    {
        var talent = app.MapGroup("/talent").WithTags("人材プール（ダッシュボード）").RequireAuthorization(Policies.TenantMember);
        talent.MapGet("/dashboard", Dashboard).WithSummary("ダッシュボード（都道府県の職員）")
            .WithDescription("fiscalYear（西暦の年度、既定は今年度・東京）の4月〜3月: 専門人材ごと月ごとの上限・割当・活動時間、団体ごとの活動時間、" +
                             "テーマ×状態ごとの依頼数、依頼月ごとの最初の割当までの日数（中央値）、情報担当職員0〜1人で依頼のない団体。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);
        talent.MapGet("/it-staff", List).WithSummary("団体ごとの情報担当職員数").ProducesProblem(StatusCodes.Status403Forbidden);
        talent.MapPut("/it-staff", Save).DisableAntiforgery().WithSummary("情報担当職員数の記録（1団体でも複数でも）")
            .WithDescription("entries: [{organizationCode, staff, asOf?}]。1件でも誤りがあれば何も保存せず、errors に entries[i] ごとの理由を返します。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);
        talent.MapPost("/it-staff/import", Import).DisableAntiforgery().WithSummary("情報担当職員数の取り込み（CSV / xlsx）")
            .WithDescription("multipart の file に 団体コード,人数 の行（見出し行は任意、CSV は UTF-8 か Shift_JIS）。1行でも誤りがあれば何も保存せず、errors に「n行目」ごとの理由を返します。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return app;
    }

    public static async Task<Results<Ok<DashboardView>, ProblemHttpResult>> Dashboard(int? fiscalYear, DashboardService dashboard, ClaimsPrincipal user,
        CancellationToken ct) =>
        TalentResults.Answer(await dashboard.GetAsync(fiscalYear, user, ct));

    public static async Task<Results<Ok<IReadOnlyList<ItStaffRow>>, ProblemHttpResult>> List(ItStaffService staff, ClaimsPrincipal user, CancellationToken ct) =>
        TalentResults.Answer(await staff.ListAsync(user, ct));

    public static async Task<Results<Ok<ItStaffSaved>, ProblemHttpResult>> Save(ItStaffInput input, ItStaffService staff, ClaimsPrincipal user,
        CancellationToken ct) =>
        Answer(await staff.SaveAsync(input.Entries, user, ct: ct));

    public static async Task<Results<Ok<ItStaffSaved>, ProblemHttpResult>> Import(IFormFile? file, ItStaffService staff, ClaimsPrincipal user,
        CancellationToken ct)
    {
        if (!user.MayManagePool()) return Problems.Forbidden("情報担当職員数を記録できるのは都道府県の職員です。");
        if (file is null || file.Length == 0) return Problems.Invalid("file", "取り込むファイル（CSV または xlsx）を選んでください。");
        if (file.Length > MaxImportBytes) return Problems.TooLarge("取り込めるファイルは 1 MB までです。");
        await using var stream = file.OpenReadStream();
        if (Platform.Files.ArchiveCheck.BombError(stream, file.FileName) is { } bomb) return Problems.Invalid("file", bomb);
        return Answer(await ImportAsync(stream, staff, user, ct));
    }

    /// <summary>Reads the file and saves its rows (all or nothing), errors named by line (「3行目」).</summary>
    public static async Task<(Outcome<ItStaffSaved> Outcome, ItStaffErrors? Errors)> ImportAsync(Stream stream, ItStaffService staff, ClaimsPrincipal user,
        CancellationToken ct)
    {
        var (lines, error) = await ItStaffFile.ReadAsync(stream, ct);
        if (lines is null) return (Outcome<ItStaffSaved>.Invalid("file", error!), null);
        var entries = lines.Select(l => new ItStaffEntry(l.Code,
            int.TryParse(l.Staff, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null)).ToList();
        return await staff.SaveAsync(entries, user, i => $"{lines[i].Number}行目", ct);
    }

    private static Results<Ok<ItStaffSaved>, ProblemHttpResult> Answer((Outcome<ItStaffSaved> Outcome, ItStaffErrors? Errors) saved) =>
        saved.Errors is { } errors
            ? Problems.Invalid(errors.Errors, detail: $"{errors.Errors.Count} 件の誤りがあります。どの行も保存していません。")
            : TalentResults.Answer(saved.Outcome);
}
