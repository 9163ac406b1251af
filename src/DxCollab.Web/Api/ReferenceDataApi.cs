using DxCollab.MultiTenancy;
using DxCollab.Platform.Files;
using DxCollab.Platform.Hosting;
using DxCollab.Platform.Organizations;
using DxCollab.Platform.Tenancy;
using DxCollab.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace DxCollab.Web.Api;

public sealed record OrganizationImportResult(int Created, int Changed, int Abolished, int Unchanged);

/// <summary>SystemAdmin: import a later 総務省 団体 list (new, renamed, re-typed and merged bodies keep their history).</summary>
public static class ReferenceDataApi
{
    public static RouteGroupBuilder MapReferenceDataApi(this RouteGroupBuilder group)
    {
        group.MapPost("/organizations/import", Import).DisableAntiforgery()
            .WithSummary("団体一覧（総務省の都道府県コード及び市区町村コード）の取り込み")
            .WithDescription("CSV（code,prefecture_code,prefecture,name,kana,type[,successor_code]、UTF-8）を multipart の file で送ります。" +
                             "1 行でも誤りがあれば何も変更せず、行ごとの理由を返します。一覧にない団体は削除せず廃止として記録します。" +
                             "effectiveOn（yyyy-MM-dd）と source（出典）を指定できます。")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return group;
    }

    public static async Task<Results<Ok<OrganizationImportResult>, ProblemHttpResult>> Import(
        IFormFile? file, string? effectiveOn, string? source, IOptionsMonitor<UploadPolicy> policies, DatabaseInitializer initializer, IMultiTenantStore<PrefectureTenant> store, CancellationToken ct)
    {
        var (list, errors) = ReadList(file, policies.Get(FilePurposes.OrganizationList));
        if (errors.Length > 0) return Problems.Invalid([new("file", errors)], "団体一覧を取り込めませんでした。");
        var date = DateOnly.FromDateTime(DateTime.UtcNow);
        if (!string.IsNullOrWhiteSpace(effectiveOn) && !DateOnly.TryParseExact(effectiveOn, "yyyy-MM-dd", out date))
            return Problems.Invalid("effectiveOn", "適用日（effectiveOn）は yyyy-MM-dd の形式で指定してください。");
        var tenants = await store.GetAllAsync();
        var result = await initializer.LoadOrganizationsAsync(tenants, list!.Records, date,
            string.IsNullOrWhiteSpace(source) ? $"団体一覧の取り込み（{file!.FileName}）" : source.Trim(), abolishMissing: true, ct);
        return TypedResults.Ok(new OrganizationImportResult(result.Created, result.Changed, result.Abolished, result.Unchanged));
    }

    /// <summary>Reads and validates the whole list first: nothing is written unless every row is valid. The errors are
    /// the file's (line by line), for the API's validation problem and the page's list alike.</summary>
    internal static (LocalGovernmentList? List, string[] Errors) ReadList(IFormFile? file, UploadPolicy policy)
    {
        if (file is null || file.Length == 0) return (null, ["CSV ファイルを選んでください。"]);
        if (file.Length > policy.MaxFileBytes) return (null, [$"ファイルが大きすぎます（上限 {policy.MaxFileSizeText}）。"]);
        if (!policy.Allows(FileTypes.CleanName(file.FileName))) return (null, ["CSV ファイル（拡張子 .csv）を選んでください。"]);
        using var reader = new StreamReader(file.OpenReadStream(), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var list = LocalGovernmentList.Parse(reader);
        if (!list.IsValid) return (null, list.Errors.Take(100).Select(e => $"{e.LineNumber} 行目: {e.Message}").ToArray());
        var prefectures = list.Records.Count(r => r.Type == OrganizationType.Prefecture);
        if (prefectures != 47) return (null, [$"都道府県の行が {prefectures} 件です。47 都道府県すべてを含む一覧を取り込んでください。"]);
        return (list, []);
    }
}
