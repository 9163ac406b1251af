using DxCollab.Platform.Organizations;
using DxCollab.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DxCollab.Web.Api;

public sealed record OrganizationItem(string Code, string Name, string Kana, string Type, string Category, bool IsActive);

public static class OrganizationsApi
{
    public static RouteGroupBuilder MapOrganizationsApi(this RouteGroupBuilder group)
    {
        group.MapGet("", List).WithSummary("団体の一覧（都道府県と市区町村）")
            .WithDescription("type で種別（都道府県・指定都市・中核市・特別区・市・町・村）を絞り込み、q で名称・よみがなを検索します。" +
                             "検索は全角・半角、ひらがな・カタカナの違いを区別しません。")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapGet("/{code}", Get).WithSummary("団体の詳細").ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    public static async Task<Results<Ok<OrganizationItem[]>, ProblemHttpResult>> List(string? type, string? q, OrganizationDirectory directory, CancellationToken ct)
    {
        OrganizationType? parsed = null;
        if (!string.IsNullOrWhiteSpace(type))
        {
            if (!OrganizationTypeNames.TryParse(type, out var t))
                return Problems.Invalid("type", $"種別「{type}」は使えません。{string.Join("・", OrganizationTypeNames.All.Select(x => x.ToJapanese()))} のいずれかを指定してください。");
            parsed = t;
        }
        var rows = await directory.SearchAsync(parsed, q, ct: ct);
        return TypedResults.Ok(rows.Select(ToItem).ToArray());
    }

    public static async Task<Results<Ok<OrganizationItem>, ProblemHttpResult>> Get(string code, OrganizationDirectory directory, CancellationToken ct) =>
        await directory.FindAsync(code, ct) is { } org
            ? TypedResults.Ok(ToItem(org))
            : TypedResults.Problem(statusCode: 404, title: "団体が見つかりません。", detail: $"団体コード「{code}」の団体はこの都道府県にありません。");

    private static OrganizationItem ToItem(OrganizationView o) => new(o.Code, o.Name, o.Kana, o.TypeName, o.CategoryName, o.IsActive);
}
