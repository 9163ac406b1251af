using System.Security.Claims;
using DxCollab.Platform.Data;
using DxCollab.Platform.Files;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Results;
using DxCollab.Standardization.Files;
using DxCollab.Standardization.Tracking;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Standardization.Evidence;

/// <summary>One 証跡 as listed (never with its bytes).</summary>
public sealed record EvidenceItem(long Id, string OrganizationCode, int Business, int Step, string FileName, string ContentType, long Length,
    string? Description, DateTime UploadedAt, string? UploadedBy, bool CanDelete);

/// <summary>An upload or a deletion, for the step's history.</summary>
public sealed record EvidenceEvent(DateTime At, string? By, string FileName, bool Deleted);

public sealed record EvidenceDownload(string FileName, string ContentType, byte[] Content);

/// <summary>証跡 of a step: upload (who may change the step may upload), list and download (the 団体's officers and the
/// prefecture's staff), delete (the uploader or the prefecture's staff). The bytes go to the platform's <see cref="FileStore"/>.</summary>
public sealed class EvidenceService(DxCollabDbContext db, FileStore files)
{
    public async Task<Outcome<IReadOnlyList<EvidenceItem>>> ListAsync(string organizationCode, int business, int step, ClaimsPrincipal user,
        CancellationToken ct = default)
    {
        if (!OwnRecordsAccess.CanRead(user, organizationCode))
            return Outcome<IReadOnlyList<EvidenceItem>>.Forbidden("証跡を見られるのは、その団体の担当者と都道府県の職員だけです。");
        var items = await Query(user).Where(x => x.Evidence.OrganizationCode == organizationCode && x.Evidence.BusinessNumber == business
            && x.Evidence.StepNumber == step).ToListAsync(ct);
        return Outcome<IReadOnlyList<EvidenceItem>>.Ok(items.Select(x => View(x.Evidence, x.File, user)).OrderByDescending(e => e.UploadedAt).ToList());
    }

    /// <summary>Uploads and deletions of the step's 証跡, oldest first (the bytes of deleted ones are gone).</summary>
    public async Task<IReadOnlyList<EvidenceEvent>> HistoryAsync(string organizationCode, int business, int step, CancellationToken ct = default)
    {
        var rows = await (from e in db.Set<StepEvidence>().AsNoTracking()
                          join f in db.Set<StoredFile>().AsNoTracking() on e.FileId equals f.Id
                          where e.OrganizationCode == organizationCode && e.BusinessNumber == business && e.StepNumber == step
                          select new { e.UploadedAt, e.UploadedBy, e.DeletedAt, e.DeletedBy, f.FileName }).ToListAsync(ct);
        return rows.Select(r => new EvidenceEvent(Utc(r.UploadedAt), r.UploadedBy, r.FileName, false))
            .Concat(rows.Where(r => r.DeletedAt is not null).Select(r => new EvidenceEvent(Utc(r.DeletedAt!.Value), r.DeletedBy, r.FileName, true)))
            .OrderBy(e => e.At).ToList();
    }

    public async Task<Outcome<EvidenceItem>> UploadAsync(string organizationCode, int business, int step, IFormFile? upload, string? description,
        ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!MigrationAccess.CanEdit(user, organizationCode))
            return Outcome<EvidenceItem>.Forbidden("証跡を登録できるのは、その団体の担当者と都道府県の職員だけです。");
        var org = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == organizationCode && o.AbolishedOn == null, ct);
        if (org is null) return Outcome<EvidenceItem>.NotFound($"団体コード「{organizationCode}」の団体はこの都道府県にありません。");
        if (!MigrationCatalog.BusinessesOf(org.Type).Contains(business))
            return Outcome<EvidenceItem>.Invalid("business", $"{org.Name}が報告する業務ではありません。");
        if (step is < 1 or > MigrationCatalog.StepCount)
            return Outcome<EvidenceItem>.Invalid("stepNo", "ステップは 1〜40 で指定してください。");
        description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        if (description is { Length: > 200 }) return Outcome<EvidenceItem>.Invalid("description", "説明は 200 文字以内にしてください。");
        var check = await files.CheckAsync(upload, MigrationUploads.Files, ct);
        if (!check.Accepted) return check.ToOutcome<EvidenceItem>("file");

        var actor = user.ActorLabel();
        var userId = user.UserId();
        var file = files.Add(organizationCode, check.File!, actor, userId);
        StepEvidence? evidence = null;
        await files.SaveAsync(() => db.Add(evidence = new StepEvidence
        {
            OrganizationCode = organizationCode, BusinessNumber = business, StepNumber = step, FileId = file.Id, Description = description,
            UploadedAt = file.UploadedAt, UploadedBy = actor, UploadedByUserId = userId,
        }), ct);
        return Outcome<EvidenceItem>.Ok(View(evidence!, file, user));
    }

    public async Task<Outcome<EvidenceDownload>> DownloadAsync(long id, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var found = await Query(user).FirstOrDefaultAsync(x => x.Evidence.Id == id, ct);
        // Another 団体's 証跡 is "not found": its existence is not theirs to learn either.
        if (found is null || !OwnRecordsAccess.CanRead(user, found.Evidence.OrganizationCode)) return Outcome<EvidenceDownload>.NotFound("証跡が見つかりません。");
        var content = await files.ReadAsync(found.File, ct);
        return content is null
            ? Outcome<EvidenceDownload>.NotFound("証跡が見つかりません。")
            : Outcome<EvidenceDownload>.Ok(new EvidenceDownload(found.File.FileName, found.File.ContentType, content));
    }

    public async Task<Outcome<EvidenceItem>> DeleteAsync(long id, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var evidence = await db.Set<StepEvidence>().FirstOrDefaultAsync(e => e.Id == id && e.DeletedAt == null, ct);
        if (evidence is null || !OwnRecordsAccess.CanRead(user, evidence.OrganizationCode)) return Outcome<EvidenceItem>.NotFound("証跡が見つかりません。");
        if (!CanDelete(evidence, user))
            return Outcome<EvidenceItem>.Forbidden("証跡を削除できるのは、登録した本人と都道府県の職員だけです。");
        var file = await db.Set<StoredFile>().FirstAsync(f => f.Id == evidence.FileId, ct);
        var actor = user.ActorLabel();
        await files.DeleteAsync(file, actor, ct);
        evidence.DeletedAt = file.DeletedAt;
        evidence.DeletedBy = actor;
        await db.SaveChangesAsync(ct);
        return Outcome<EvidenceItem>.Ok(View(evidence, file, user));
    }

    private sealed class Row
    {
        public required StepEvidence Evidence { get; init; }
        public required StoredFile File { get; init; }
    }

    /// <summary>Live 証跡 with their file descriptions; a municipality's officers see only their own 団体's rows.</summary>
    private IQueryable<Row> Query(ClaimsPrincipal user)
    {
        var evidence = db.Set<StepEvidence>().AsNoTracking().Where(e => e.DeletedAt == null);
        if (!user.IsPrefectureStaff())
        {
            var own = user.OwnOrganizationCode() ?? "";
            evidence = evidence.Where(e => e.OrganizationCode == own);
        }
        return from e in evidence
               join f in db.Set<StoredFile>().AsNoTracking() on e.FileId equals f.Id
               select new Row { Evidence = e, File = f };
    }

    private static bool CanDelete(StepEvidence evidence, ClaimsPrincipal user) =>
        user.IsPrefectureStaff()
        || (evidence.UploadedByUserId is { } uploader && uploader == user.UserId() && OwnRecordsAccess.CanRead(user, evidence.OrganizationCode));

    private static EvidenceItem View(StepEvidence e, StoredFile f, ClaimsPrincipal user) => new(e.Id, e.OrganizationCode, e.BusinessNumber,
        e.StepNumber, f.FileName, f.ContentType, f.Length, e.Description, Utc(e.UploadedAt), e.UploadedBy, e.DeletedAt is null && CanDelete(e, user));

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
