using System.ComponentModel;
using DxCollab.Platform.Audit;
using DxCollab.Platform.Exports;
using DxCollab.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DxCollab.Web.Api;

public sealed record AuditItem(long Id, DateTime OccurredAt, string Action, string EntityType, string EntityKey, string? User,
    string? OrganizationCode, string? Before, string? After, string? RequestId);

public sealed record AuditResponse(AuditItem[] Items, int Page, int PageSize, int TotalCount);

public static class AuditApi
{
    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder group)
    {
        group.MapGet("", Search).WithSummary("監査ログ（新しい順、ページ単位）")
            .WithDescription("from / to（日本時間の日付 yyyy-MM-dd）、entity、user（メールアドレスの一部）、action（Created / Updated / Deleted / Imported など）、" +
                             "org（団体コード）で絞り込みます。pageSize は最大 200。")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapGet("/export", Export).WithSummary("監査ログの CSV（Excel 用 UTF-8 BOM 付き）");
        return group;
    }

    public static async Task<Results<Ok<AuditResponse>, ProblemHttpResult>> Search(string? from, string? to, string? entity, string? user,
        string? action, string? org, AuditLog log, CancellationToken ct, int page = 1, int pageSize = 50)
    {
        var (filter, errors) = ParseFilter(from, to, entity, user, action, org);
        if (pageSize is < 1 or > AuditLog.MaxPageSize) errors["pageSize"] = [$"1 ページの件数（pageSize）は 1 から {AuditLog.MaxPageSize} の範囲で指定してください。"];
        if (page < 1) errors["page"] = ["ページ（page）は 1 以上で指定してください。"];
        if (errors.Count > 0) return Problems.Invalid(errors);
        var result = await log.SearchAsync(filter!, page, pageSize, ct);
        return TypedResults.Ok(new AuditResponse(result.Items.Select(a => new AuditItem(a.Id, DateTime.SpecifyKind(a.OccurredAt, DateTimeKind.Utc),
            a.Action.ToString(), a.EntityType, a.EntityKey, a.UserEmail, a.OrganizationCode, a.Before, a.After, a.RequestId)).ToArray(),
            result.Page, result.PageSize, result.TotalCount));
    }

    public static async Task<Results<EmptyHttpResult, ProblemHttpResult>> Export(string? from, string? to, string? entity, string? user,
        string? action, string? org, [Description(ExportEncodings.ParameterDescription)] string? encoding, AuditLog log, HttpContext http, CancellationToken ct)
    {
        var (filter, errors) = ParseFilter(from, to, entity, user, action, org);
        if (!ExportEncodings.TryParse(encoding, out var csvEncoding)) errors["encoding"] = [ExportEncodings.InvalidMessage];
        if (errors.Count > 0) return Problems.Invalid(errors);
        var today = Platform.Text.JapaneseCalendar.TodayInTokyo(DateTimeOffset.UtcNow); // the staff's date, not UTC's
        var refused = await CsvDownload.SendAsync(http, $"監査ログ-{today:yyyyMMdd}.csv", csvEncoding,
            (stream, token) => log.WriteCsvAsync(filter!, stream, csvEncoding, token), ct, asciiFileName: $"audit-{today:yyyyMMdd}.csv");
        return refused is null ? TypedResults.Empty : refused;
    }

    internal static (AuditFilter? Filter, Dictionary<string, string[]> Errors) ParseFilter(string? from, string? to, string? entity, string? user, string? action, string? org)
    {
        var errors = new Dictionary<string, string[]>();
        DateOnly? fromDate = null, toDate = null;
        if (!string.IsNullOrWhiteSpace(from))
        {
            if (DateOnly.TryParseExact(from, "yyyy-MM-dd", out var f)) fromDate = f; else errors["from"] = ["from は yyyy-MM-dd の形式で指定してください。"];
        }
        if (!string.IsNullOrWhiteSpace(to))
        {
            if (DateOnly.TryParseExact(to, "yyyy-MM-dd", out var t)) toDate = t; else errors["to"] = ["to は yyyy-MM-dd の形式で指定してください。"];
        }
        if (fromDate > toDate) errors["to"] = ["to は from 以降の日付にしてください。"];
        AuditAction? parsedAction = null;
        if (!string.IsNullOrWhiteSpace(action))
        {
            if (Enum.TryParse<AuditAction>(action, true, out var a) && Enum.IsDefined(a)) parsedAction = a;
            else errors["action"] = [$"action は {string.Join(" / ", Enum.GetNames<AuditAction>())} のいずれかを指定してください。"];
        }
        return (errors.Count > 0 ? null : new AuditFilter(fromDate, toDate, entity, user, parsedAction, org), errors);
    }
}
