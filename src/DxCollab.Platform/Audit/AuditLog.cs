using System.Globalization;
using System.Runtime.CompilerServices;
using DxCollab.Platform.Exports;
using DxCollab.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Platform.Audit;

public sealed record AuditFilter(DateOnly? From = null, DateOnly? To = null, string? EntityType = null, string? User = null,
    AuditAction? Action = null, string? OrganizationCode = null);

public sealed record AuditPage(IReadOnlyList<AuditEntry> Items, int Page, int PageSize, int TotalCount)
{
    public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);
}

/// <summary>Reads the current tenant's audit trail, newest first. Dates are Japanese calendar days (Asia/Tokyo).</summary>
public sealed class AuditLog(DxCollabDbContext db)
{
    public const int MaxPageSize = 200;
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    public async Task<AuditPage> SearchAsync(AuditFilter filter, int page, int pageSize, CancellationToken ct = default)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var query = Apply(filter);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(a => a.OccurredAt).ThenByDescending(a => a.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new(items, page, pageSize, total);
    }

    public async Task<IReadOnlyList<string>> EntityTypesAsync(CancellationToken ct = default) =>
        await db.AuditEntries.Select(a => a.EntityType).Distinct().OrderBy(t => t).ToListAsync(ct);

    public static readonly IReadOnlyList<string> CsvHeaders = ["日時（日本時間）", "操作", "対象", "キー", "利用者", "団体コード", "変更前", "変更後", "リクエストID"];

    /// <summary>CSV for Excel (UTF-8 with BOM, or Shift_JIS), through the shared tabular writer: text quoted,
    /// formula-looking text neutralised. Streams row by row.</summary>
    public Task WriteCsvAsync(AuditFilter filter, Stream output, ExportEncoding encoding = ExportEncoding.Utf8, CancellationToken ct = default) =>
        TabularExport.WriteCsvAsync(output, CsvHeaders, CsvRows(filter, ct), encoding, ct);

    private async IAsyncEnumerable<IReadOnlyList<object?>> CsvRows(AuditFilter filter, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var a in Apply(filter).OrderByDescending(a => a.OccurredAt).ThenByDescending(a => a.Id).AsAsyncEnumerable().WithCancellation(ct))
            yield return [ToTokyo(a.OccurredAt).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), ActionName(a.Action), a.EntityType, a.EntityKey,
                a.UserEmail, a.OrganizationCode, a.Before, a.After, a.RequestId];
    }

    public static DateTime ToTokyo(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Tokyo);

    public static string ActionName(AuditAction action) => action switch
    {
        AuditAction.Created => "作成",
        AuditAction.Updated => "変更",
        AuditAction.Deleted => "削除",
        AuditAction.SignedIn => "サインイン",
        AuditAction.SignInFailed => "サインイン失敗",
        AuditAction.SignedOut => "サインアウト",
        AuditAction.Exported => "エクスポート",
        AuditAction.Imported => "取り込み",
        _ => action.ToString(),
    };

    private IQueryable<AuditEntry> Apply(AuditFilter f)
    {
        var q = db.AuditEntries.AsNoTracking();
        if (f.From is { } from) q = q.Where(a => a.OccurredAt >= StartOfTokyoDay(from));
        if (f.To is { } to) q = q.Where(a => a.OccurredAt < StartOfTokyoDay(to.AddDays(1)));
        if (!string.IsNullOrWhiteSpace(f.EntityType)) q = q.Where(a => a.EntityType == f.EntityType);
        if (!string.IsNullOrWhiteSpace(f.User))
        {
            var user = f.User.Trim().ToLowerInvariant();
            q = q.Where(a => a.UserEmail != null && a.UserEmail.ToLower().Contains(user));
        }
        if (f.Action is { } action) q = q.Where(a => a.Action == action);
        if (!string.IsNullOrWhiteSpace(f.OrganizationCode)) q = q.Where(a => a.OrganizationCode == f.OrganizationCode);
        return q;
    }

    private static DateTime StartOfTokyoDay(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Tokyo);
}
