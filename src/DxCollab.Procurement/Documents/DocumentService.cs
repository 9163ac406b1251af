using System.Security.Claims;
using DxCollab.Platform.Data;
using DxCollab.Platform.Files;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Results;
using DxCollab.Platform.Text;
using DxCollab.Platform.Validation;
using DxCollab.Procurement.Access;
using DxCollab.Procurement.Domain;
using DxCollab.Procurement.Workspaces;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Procurement.Documents;

/// <summary>A revision's file ready to stream (dispose <see cref="Content"/>).</summary>
public sealed record RevisionFile(string FileName, string ContentType, Stream Content);

/// <summary>Folders, documents and their numbered revisions. Every call asks <see cref="WorkspaceService.SeatAsync"/>
/// first; a document whose label the seat may not see is reported as absent, like a workspace one may not read.</summary>
public sealed class DocumentService(DxCollabDbContext db, WorkspaceService workspaces, FileStore files, DocumentReader reader, TimeProvider clock)
{
    public const string UploadPurpose = "procurement-document";
    private const string DocumentNotFound = "文書が見つかりません。";
    private const string WorkspaceNotFound = "共同調達が見つかりません。";

    public UploadPolicy UploadPolicy => files.Policy(UploadPurpose);

    public async Task<Outcome<DocumentList>> ListAsync(long workspaceId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var (workspace, seat) = await workspaces.SeatAsync(workspaceId, user, ct);
        if (workspace is null) return Outcome<DocumentList>.NotFound(WorkspaceNotFound);
        return Outcome<DocumentList>.Ok(await reader.ListAsync(workspaceId, DocumentAccess.Visible(seat.Seat, workspace.Phase), ct));
    }

    public async Task<Outcome<FolderView>> CreateFolderAsync(long workspaceId, FolderInput input, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var (workspace, seat) = await workspaces.SeatAsync(workspaceId, user, ct);
        if (workspace is null) return Outcome<FolderView>.NotFound(WorkspaceNotFound);
        if (!seat.MayEdit) return Outcome<FolderView>.Forbidden("フォルダを作れるのは代表団体と参加団体です。");
        if (InputRefusals.Text<FolderView>("name", input.Name, "フォルダ名を入力してください。") is { } refused) return refused;
        if (JapaneseText.Clean(input.Name) is not { Length: > 0 } name) return Outcome<FolderView>.Invalid("name", "フォルダ名を入力してください。");
        if (name.Length > 100) return Outcome<FolderView>.Invalid("name", "フォルダ名は100文字以内で入力してください。");
        if (await db.Set<DocumentFolder>().AnyAsync(f => f.WorkspaceId == workspaceId && f.Name == name, ct))
            return Outcome<FolderView>.Conflict($"フォルダ「{name}」はすでにあります。", "name");
        var order = input.Order ?? (await db.Set<DocumentFolder>().Where(f => f.WorkspaceId == workspaceId).MaxAsync(f => (int?)f.Order, ct) ?? 0) + 1;
        var folder = new DocumentFolder { WorkspaceId = workspaceId, Name = name, Order = order, CreatedAt = Now, CreatedBy = user.ActorLabel() };
        db.Add(folder);
        await db.SaveChangesAsync(ct);
        return Outcome<FolderView>.Ok(new FolderView(folder.Id, folder.Name, folder.Order));
    }

    /// <summary>A new document with its 第1版 (members and the lead).</summary>
    public async Task<Outcome<DocumentDetail>> CreateAsync(long workspaceId, string? title, long? folderId, string? confidentiality, string? changeNote,
        IFormFile? upload, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var (workspace, seat) = await workspaces.SeatAsync(workspaceId, user, ct);
        if (workspace is null) return Outcome<DocumentDetail>.NotFound(WorkspaceNotFound);
        if (!seat.MayEdit) return Outcome<DocumentDetail>.Forbidden("文書を登録できるのは代表団体と参加団体です（オブザーバーは閲覧とコメントのみ）。");
        if ((InputRefusals.Text<DocumentDetail>("title", title, "文書名（例: 仕様書）を入力してください。")
             ?? InputRefusals.Text<DocumentDetail>("changeNote", changeNote)) is { } refused) return refused;
        if (JapaneseText.Clean(title) is not { Length: > 0 } cleanTitle) return Outcome<DocumentDetail>.Invalid("title", "文書名（例: 仕様書）を入力してください。");
        if (cleanTitle.Length > 200) return Outcome<DocumentDetail>.Invalid("title", "文書名は200文字以内で入力してください。");
        if (DocumentAccess.Parse(confidentiality) is not { } label)
            return Outcome<DocumentDetail>.Invalid("confidentiality", "公開区分（公開可・参加団体限り・機微）を選んでください。");
        if (folderId is { } fid && !await db.Set<DocumentFolder>().AnyAsync(f => f.Id == fid && f.WorkspaceId == workspaceId, ct))
            return Outcome<DocumentDetail>.Invalid("folderId", "フォルダが見つかりません。");
        var note = JapaneseText.Clean(changeNote);
        if (note is { Length: > 2000 }) return Outcome<DocumentDetail>.Invalid("changeNote", "変更内容は2000文字以内で入力してください。");
        var check = await files.CheckAsync(upload, UploadPurpose, ct);
        if (!check.Accepted) return check.ToOutcome<DocumentDetail>("file");

        var now = Now;
        var document = new ProcurementDocument
        {
            WorkspaceId = workspaceId, FolderId = folderId, Title = cleanTitle, Confidentiality = label, LatestNumber = 1, CreatedAt = now,
            CreatedBy = user.ActorLabel(), UpdatedAt = now,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Add(document);
        await db.SaveChangesAsync(ct);
        var stored = files.Add(seat.OrganizationCode!, check.File!, user.ActorLabel(), user.UserId());
        await files.SaveAsync(() => db.Add(Revision(document, 1, stored, note, seat.OrganizationCode!, user)), ct);
        await transaction.CommitAsync(ct);
        return Outcome<DocumentDetail>.Ok((await reader.DetailAsync(workspace, seat, document.Id, ct))!);
    }

    /// <summary>A new 第N+1版 of a document. The number is taken by a conditional update of the document's latest number
    /// inside the transaction that stores the revision: of two concurrent uploads one wins, the other reads again and
    /// becomes the next number (the unique index (DocumentId, Number) is the last guard).</summary>
    public async Task<Outcome<RevisionView>> AddRevisionAsync(long workspaceId, long documentId, string? changeNote, IFormFile? upload,
        ClaimsPrincipal user, CancellationToken ct = default)
    {
        var (workspace, seat) = await workspaces.SeatAsync(workspaceId, user, ct);
        if (workspace is null) return Outcome<RevisionView>.NotFound(WorkspaceNotFound);
        var document = await db.Set<ProcurementDocument>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId && d.WorkspaceId == workspaceId, ct);
        if (document is null || !seat.MaySee(document.Confidentiality, workspace.Phase)) return Outcome<RevisionView>.NotFound(DocumentNotFound);
        if (!seat.MayEdit) return Outcome<RevisionView>.Forbidden("新しい版を登録できるのは代表団体と参加団体です（オブザーバーは閲覧とコメントのみ）。");
        if (InputRefusals.Text<RevisionView>("changeNote", changeNote, "この版で何を変えたか（変更内容）を入力してください。") is { } refused) return refused;
        var note = JapaneseText.Clean(changeNote);
        if (note is null) return Outcome<RevisionView>.Invalid("changeNote", "この版で何を変えたか（変更内容）を入力してください。");
        if (note.Length > 2000) return Outcome<RevisionView>.Invalid("changeNote", "変更内容は2000文字以内で入力してください。");
        var check = await files.CheckAsync(upload, UploadPurpose, ct);
        if (!check.Accepted) return check.ToOutcome<RevisionView>("file");

        for (var attempt = 0; attempt < 50; attempt++)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var latest = await db.Set<ProcurementDocument>().Where(d => d.Id == documentId).Select(d => d.LatestNumber).FirstAsync(ct);
            var now = Now;
            var taken = await db.Set<ProcurementDocument>().Where(d => d.Id == documentId && d.LatestNumber == latest)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.LatestNumber, latest + 1).SetProperty(d => d.UpdatedAt, now), ct);
            if (taken == 0)
            {
                // Another upload took this number between our read and our update: read again.
                await transaction.RollbackAsync(ct);
                await Task.Delay(Random.Shared.Next(5, 25), ct);
                continue;
            }
            var stored = files.Add(seat.OrganizationCode!, check.File!, user.ActorLabel(), user.UserId());
            DocumentRevision? revision = null;
            await files.SaveAsync(() => db.Add(revision = Revision(document, latest + 1, stored, note, seat.OrganizationCode!, user)), ct);
            await transaction.CommitAsync(ct);
            return Outcome<RevisionView>.Ok(DocumentReader.View(revision!, ApprovalView.NotAsked, []));
        }
        return Outcome<RevisionView>.Conflict("同じ文書への登録が重なったため、版を登録できませんでした。もう一度お試しください。");
    }

    public async Task<Outcome<DocumentDetail>> GetAsync(long workspaceId, long documentId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var (workspace, seat) = await workspaces.SeatAsync(workspaceId, user, ct);
        if (workspace is null) return Outcome<DocumentDetail>.NotFound(WorkspaceNotFound);
        return await reader.DetailAsync(workspace, seat, documentId, ct) is { } detail ? Outcome<DocumentDetail>.Ok(detail)
            : Outcome<DocumentDetail>.NotFound(DocumentNotFound);
    }

    /// <summary>The file of 第N版, streamed from the file store, when the seat may see the document's label.</summary>
    public async Task<Outcome<RevisionFile>> OpenFileAsync(long workspaceId, long documentId, int number, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var (workspace, seat) = await workspaces.SeatAsync(workspaceId, user, ct);
        if (workspace is null) return Outcome<RevisionFile>.NotFound(WorkspaceNotFound);
        var visible = DocumentAccess.Visible(seat.Seat, workspace.Phase);
        var fileId = await (from r in db.Set<DocumentRevision>()
                            join d in db.Set<ProcurementDocument>() on r.DocumentId equals d.Id
                            where d.Id == documentId && d.WorkspaceId == workspaceId && r.Number == number && visible.Contains(d.Confidentiality)
                            select (long?)r.FileId).FirstOrDefaultAsync(ct);
        if (fileId is null || await files.FindAsync(fileId.Value, ct) is not { } file || await files.OpenReadAsync(file, ct) is not { } stream)
            return Outcome<RevisionFile>.NotFound("この版のファイルが見つかりません。");
        return Outcome<RevisionFile>.Ok(new RevisionFile(file.FileName, file.ContentType, stream));
    }

    /// <summary>Metadata of two revisions of one document side by side.</summary>
    public async Task<Outcome<RevisionComparison>> CompareAsync(long workspaceId, long documentId, int? a, int? b, ClaimsPrincipal user,
        CancellationToken ct = default)
    {
        if (a is null) return Outcome<RevisionComparison>.Invalid("a", "比べる版（a）を指定してください。");
        if (b is null) return Outcome<RevisionComparison>.Invalid("b", "比べる版（b）を指定してください。");
        var detail = await GetAsync(workspaceId, documentId, user, ct);
        if (!detail.Succeeded) return detail.As<RevisionComparison>();
        var revisions = detail.Value!.Revisions;
        if (revisions.FirstOrDefault(r => r.Number == a) is not { } first) return Outcome<RevisionComparison>.Invalid("a", $"第{a}版はありません（第1版〜第{detail.Value.LatestNumber}版）。");
        if (revisions.FirstOrDefault(r => r.Number == b) is not { } second) return Outcome<RevisionComparison>.Invalid("b", $"第{b}版はありません（第1版〜第{detail.Value.LatestNumber}版）。");
        return Outcome<RevisionComparison>.Ok(new RevisionComparison(documentId, detail.Value.Title, first, second, first.Sha256 == second.Sha256,
            first.FileName == second.FileName, second.Length - first.Length));
    }

    private static DocumentRevision Revision(ProcurementDocument document, int number, StoredFile stored, string? note, string organizationCode,
        ClaimsPrincipal user) => new()
    {
        WorkspaceId = document.WorkspaceId, DocumentId = document.Id, Number = number, FileId = stored.Id, FileName = stored.FileName,
        ContentType = stored.ContentType, Length = stored.Length, Sha256 = stored.Sha256, ChangeNote = note, UploadedAt = stored.UploadedAt,
        UploadedBy = user.ActorLabel(), UploadedByOrganizationCode = organizationCode,
    };

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
