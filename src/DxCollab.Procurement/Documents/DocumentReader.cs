using DxCollab.Platform.Data;
using DxCollab.Procurement.Access;
using DxCollab.Procurement.Domain;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Procurement.Documents;

/// <summary>Reads documents for a set of visible labels (the seat's, or a remote member's role): the list in one query
/// (documents joined to their newest revision — numbers are dense, so the count is the latest number) and one document
/// with its revisions, approvals and comments.</summary>
public sealed class DocumentReader(DxCollabDbContext db)
{
    public async Task<DocumentList> ListAsync(long workspaceId, IReadOnlyList<Confidentiality> visible, CancellationToken ct)
    {
        var folders = await db.Set<DocumentFolder>().AsNoTracking().Where(f => f.WorkspaceId == workspaceId)
            .OrderBy(f => f.Order).ThenBy(f => f.Name).Select(f => new FolderView(f.Id, f.Name, f.Order)).ToListAsync(ct);
        var labels = visible.ToList();
        var rows = await (from d in db.Set<ProcurementDocument>()
                          where d.WorkspaceId == workspaceId && labels.Contains(d.Confidentiality)
                          join r in db.Set<DocumentRevision>() on new { DocumentId = d.Id, d.LatestNumber } equals new { r.DocumentId, LatestNumber = r.Number }
                          select new
                          {
                              d.Id, d.Title, d.FolderId, d.Confidentiality, d.LatestNumber, RevisionId = r.Id, r.FileName, r.Length, r.UploadedAt, r.UploadedBy,
                              Asked = db.Set<ApprovalRequest>().Any(a => a.RevisionId == r.Id),
                          }).AsNoTracking().ToListAsync(ct);
        var names = folders.ToDictionary(f => f.Id, f => f.Name);
        var order = folders.Select((f, i) => (f.Id, i)).ToDictionary(x => x.Id, x => x.i);
        return new DocumentList(folders, [.. rows
            .OrderBy(d => d.FolderId is { } f ? order.GetValueOrDefault(f) : int.MaxValue).ThenBy(d => d.Title, StringComparer.Ordinal).ThenBy(d => d.Id)
            .Select(d => new DocumentSummary(d.Id, d.Title, d.FolderId, d.FolderId is { } f ? names.GetValueOrDefault(f) : null, d.Confidentiality,
                d.Confidentiality.ToJapanese(), d.LatestNumber, d.LatestNumber, d.RevisionId, d.FileName, d.Length, d.UploadedAt, d.UploadedBy, d.Asked))]);
    }

    /// <summary>One document the seat may see, or null.</summary>
    public async Task<DocumentDetail?> DetailAsync(Workspace workspace, WorkspaceSeat seat, long documentId, CancellationToken ct) =>
        await DetailAsync(workspace.Id, DocumentAccess.Visible(seat.Seat, workspace.Phase), documentId, ct);

    public async Task<DocumentDetail?> DetailAsync(long workspaceId, IReadOnlyList<Confidentiality> visible, long documentId, CancellationToken ct)
    {
        var document = await db.Set<ProcurementDocument>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId && d.WorkspaceId == workspaceId, ct);
        if (document is null || !visible.Contains(document.Confidentiality)) return null;
        var folder = document.FolderId is { } fid ? await db.Set<DocumentFolder>().AsNoTracking().Where(f => f.Id == fid).Select(f => f.Name).FirstOrDefaultAsync(ct) : null;
        var revisions = await db.Set<DocumentRevision>().AsNoTracking().Where(r => r.DocumentId == documentId).OrderByDescending(r => r.Number).ToListAsync(ct);
        var approvals = await ApprovalsAsync(workspaceId, [.. revisions.Select(r => r.Id)], ct);
        var comments = (await db.Set<RevisionComment>().AsNoTracking().Where(c => revisions.Select(r => r.Id).Contains(c.RevisionId))
            .OrderBy(c => c.WrittenAt).ThenBy(c => c.Id).ToListAsync(ct)).ToLookup(c => c.RevisionId);
        return new DocumentDetail(document.Id, workspaceId, document.Title, document.FolderId, folder, document.Confidentiality,
            document.Confidentiality.ToJapanese(), document.LatestNumber,
            [.. revisions.Select(r => View(r, approvals.GetValueOrDefault(r.Id, ApprovalView.NotAsked),
                [.. comments[r.Id].Select(c => new CommentView(c.Id, c.OrganizationCode, c.Body, c.WrittenAt, c.WrittenBy))]))]);
    }

    /// <summary>The approval of each revision that has one: verdicts, and the expected organisations (active lead and
    /// members, this tenant's and other prefectures') that have not answered.</summary>
    public async Task<Dictionary<long, ApprovalView>> ApprovalsAsync(long workspaceId, IReadOnlyCollection<long> revisionIds, CancellationToken ct)
    {
        var requests = await db.Set<ApprovalRequest>().AsNoTracking().Where(a => revisionIds.Contains(a.RevisionId)).ToListAsync(ct);
        if (requests.Count == 0) return [];
        var requestIds = requests.Select(a => a.Id).ToList();
        var verdicts = (await db.Set<ApprovalVerdict>().AsNoTracking().Where(v => requestIds.Contains(v.RequestId))
            .OrderBy(v => v.OrganizationCode).ToListAsync(ct)).ToLookup(v => v.RequestId);
        var voters = await db.Set<WorkspaceMember>().AsNoTracking()
            .Where(m => m.WorkspaceId == workspaceId && m.State == MemberState.Active && m.Role != MemberRole.Observer)
            .OrderBy(m => m.OrganizationCode).ToListAsync(ct);
        return requests.ToDictionary(a => a.RevisionId, a =>
        {
            var given = verdicts[a.Id].ToList();
            var unanswered = voters.Where(m => given.All(v => v.OrganizationCode != m.OrganizationCode)).Select(m => m.OrganizationName).ToList();
            // A verdict of a 団体 that has since left or was removed stays listed, but only today's voters are counted.
            var counted = given.Where(v => voters.Any(m => m.OrganizationCode == v.OrganizationCode)).ToList();
            return new ApprovalView(true, a.AskedAt, a.AskedBy, a.DueOn, a.ClosedAt is not null, counted.Count(v => v.Approved), counted.Count(v => !v.Approved),
                unanswered.Count, [.. given.Select(v => new VerdictView(v.OrganizationCode, v.OrganizationName, v.Approved, RevisionLabels.VerdictName(v.Approved),
                    v.Comment, v.DecidedAt, v.DecidedBy))], unanswered);
        });
    }

    public static RevisionView View(DocumentRevision r, ApprovalView approval, IReadOnlyList<CommentView> comments) => new(r.Id, r.Number,
        RevisionLabels.Label(r.Number), r.FileName, r.ContentType, r.Length, r.Sha256, r.ChangeNote, r.UploadedAt, r.UploadedBy,
        r.UploadedByOrganizationCode, approval, comments);
}
