using System.Security.Claims;
using System.Text.Json;
using DxCollab.Platform.Data;
using DxCollab.Platform.Files;
using DxCollab.Platform.Identity;
using DxCollab.Standardization.Tracking;
using DxCollab.Standardization.Workbook;
using DxCollab.Platform.Messaging;
using DxCollab.Standardization.Contracts;
using DxCollab.Standardization.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DxCollab.Standardization.Imports;

/// <summary>What a status page or the polling API shows of a run.</summary>
public sealed record ImportRunView(Guid Id, string FileName, long FileSize, string Status, string StatusText, bool Finished, int? RowsTotal,
    int RowsRead, int RowsValidated, int RowsApplied, bool? Applied, int RejectedRows, IReadOnlyList<ImportRowReport> Rows,
    IReadOnlyList<string> FileErrors, string? Failure, string RequestedBy, DateTime CreatedAt, DateTime? FinishedAt);

/// <summary>Starts workbook imports in the background (the upload and an <see cref="ImportRunRequested"/> in one
/// transaction; <see cref="ImportRunner"/> consumes it, on a worker when the web and worker roles are apart) and reads
/// their progress. Who may start one: the prefecture's staff for any 団体 of the
/// tenant, and a municipal officer (each row is then checked with <see cref="MigrationAccess"/>, so rows of other
/// 団体 are rejected and nothing changes). A run is visible to the person who started it and the prefecture's staff.</summary>
public sealed class ImportRuns(DxCollabDbContext db, TimeProvider clock, IOptionsMonitor<UploadPolicy> policies)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The workbook's limits (purpose <see cref="MigrationUploads.Workbook"/>, 20 MB by default), for the
    /// synchronous import too.</summary>
    public UploadPolicy Policy => policies.Get(MigrationUploads.Workbook);

    public string TooLargeMessage => $"ファイルが大きすぎます（上限 {Policy.MaxFileSizeText}）。{Policy.MaxFileSizeText} 以下に分けて取り込んでください。";

    public bool IsTooLarge(long length) => length > Policy.MaxFileBytes;

    public static bool MayImport(ClaimsPrincipal user) =>
        user.IsPrefectureStaff() || user.IsMunicipalOfficer();

    /// <summary>Checks the upload; a Japanese message when it cannot be taken.</summary>
    public string? Check(string? fileName, long length)
    {
        if (length == 0) return "取り込むファイル（xlsx または CSV）を選んでください。";
        if (IsTooLarge(length)) return TooLargeMessage;
        if (WorkbookReader.FormatFromFileName(fileName) is null || !Policy.Allows(FileTypes.CleanName(fileName)))
            return "xlsx または CSV（拡張子 .xlsx / .csv）のファイルを選んでください。";
        return null;
    }

    /// <summary>Stores the upload and queues the job; returns the run's id.</summary>
    public async Task<Guid> StartAsync(string fileName, byte[] content, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var run = new ImportRun
        {
            FileName = FileTypes.CleanName(fileName), FileSize = content.LongLength, Status = ImportRunStatus.Queued,
            RequestedBy = user.ActorLabel(),
            RequestedByUserId = user.UserId(),
            RequestedRoles = string.Join(",", Roles.All.Where(user.IsInRole)),
            RequestedOrganizationCode = user.FindFirstValue(DxClaims.OrganizationCode),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(run);
        db.Add(new ImportRunFile { Id = run.Id, Content = content });
        db.AddIntegrationEvent(new ImportRunRequested(db.CurrentTenantId!, run.Id), aggregateKey: $"migration-import:{run.Id}");
        await db.SaveChangesAsync(ct);
        return run.Id;
    }

    /// <summary>The run if it exists in this tenant and the user may see it.</summary>
    public async Task<ImportRunView?> FindAsync(Guid id, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var run = await db.Set<ImportRun>().AsNoTracking().Where(r => r.Id == id).Select(r => new
        {
            r.Id, r.FileName, r.FileSize, r.Status, r.RowsTotal, r.RowsRead, r.RowsValidated, r.RowsApplied, r.Applied, r.RejectedRows,
            r.ReportJson, r.FileErrorsJson, r.Failure, r.RequestedBy, r.RequestedByUserId, r.CreatedAt, r.FinishedAt,
        }).FirstOrDefaultAsync(ct);
        if (run is null) return null;
        if (!user.IsPrefectureStaff() && run.RequestedByUserId != user.UserId()) return null;
        return new(run.Id, run.FileName, run.FileSize, run.Status.ToString(), StatusText(run.Status), run.Status is ImportRunStatus.Completed or ImportRunStatus.Failed,
            run.RowsTotal, run.RowsRead, run.RowsValidated, run.RowsApplied, run.Applied, run.RejectedRows,
            run.ReportJson is null ? [] : JsonSerializer.Deserialize<List<ImportRowReport>>(run.ReportJson, Json) ?? [],
            run.FileErrorsJson is null ? [] : JsonSerializer.Deserialize<List<string>>(run.FileErrorsJson, Json) ?? [],
            run.Failure, run.RequestedBy, DateTime.SpecifyKind(run.CreatedAt, DateTimeKind.Utc),
            run.FinishedAt is { } f ? DateTime.SpecifyKind(f, DateTimeKind.Utc) : null);
    }

    /// <summary>The latest runs the user may see (newest first).</summary>
    public async Task<IReadOnlyList<(Guid Id, string FileName, ImportRunStatus Status, bool? Applied, DateTime CreatedAt, string RequestedBy)>> RecentAsync(
        ClaimsPrincipal user, int take = 10, CancellationToken ct = default)
    {
        var isStaff = user.IsPrefectureStaff();
        var userId = user.UserId();
        var runs = await db.Set<ImportRun>().AsNoTracking().Where(r => isStaff || r.RequestedByUserId == userId)
            .OrderByDescending(r => r.CreatedAt).Take(take)
            .Select(r => new { r.Id, r.FileName, r.Status, r.Applied, r.CreatedAt, r.RequestedBy }).ToListAsync(ct);
        return runs.Select(r => (r.Id, r.FileName, r.Status, r.Applied, DateTime.SpecifyKind(r.CreatedAt, DateTimeKind.Utc), r.RequestedBy)).ToList();
    }

    public static string StatusText(ImportRunStatus status) => status switch
    {
        ImportRunStatus.Queued => "待機中",
        ImportRunStatus.Running => "処理中",
        ImportRunStatus.Completed => "完了",
        _ => "失敗",
    };
}
