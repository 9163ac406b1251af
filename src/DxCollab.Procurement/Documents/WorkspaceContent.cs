using DxCollab.Platform.Data;
using DxCollab.Platform.Files;
using DxCollab.Platform.Results;
using DxCollab.Procurement.CrossTenant;
using DxCollab.Procurement.Domain;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Procurement.Documents;

/// <summary>The documents as another prefecture's member organisation sees them (called in the lead's tenant), by the
/// same labels rule as this tenant's members (<see cref="DocumentAccess"/>).</summary>
internal sealed class WorkspaceContent(DxCollabDbContext db, DocumentReader reader, ApprovalService approvals, FileStore files) : IWorkspaceContent
{
    public async Task<IReadOnlyList<SharedDocument>> DocumentsForAsync(long workspaceId, MemberRole role, CancellationToken ct = default)
    {
        if (await PhaseAsync(workspaceId, ct) is not { } phase) return [];
        var visible = DocumentAccess.Visible(role, phase);
        var list = await reader.ListAsync(workspaceId, visible, ct);
        // Three queries whatever the size (a remote read must answer within the bus's request timeout): the list, every
        // revision of the listed documents, and their approvals.
        var ids = list.Documents.Select(d => d.Id).ToList();
        var revisions = (await db.Set<DocumentRevision>().AsNoTracking().Where(r => ids.Contains(r.DocumentId))
            .OrderByDescending(r => r.Number).ToListAsync(ct)).ToLookup(r => r.DocumentId);
        var approvals = await reader.ApprovalsAsync(workspaceId, [.. revisions.SelectMany(g => g).Select(r => r.Id)], ct);
        SharedRevision Shared(DocumentRevision r)
        {
            var a = approvals.GetValueOrDefault(r.Id, ApprovalView.NotAsked);
            return new SharedRevision(r.Id, r.Number, r.FileName, r.Length, r.UploadedAt, r.UploadedBy, r.ChangeNote, a.Asked,
                [.. a.Verdicts.Select(v => new SharedVerdict(v.OrganizationCode, v.OrganizationName, v.Approved, v.Comment, v.DecidedAt))]);
        }
        var shared = list.Documents.Select(d => new SharedDocument(d.Id, d.Title, d.FolderName, d.Confidentiality.ToString(), d.ConfidentialityName,
            [.. revisions[d.Id].Select(Shared)])).ToList();
        return shared;
    }

    public async Task<StoredFile?> RevisionFileForAsync(long workspaceId, long revisionId, MemberRole role, CancellationToken ct = default)
    {
        if (await PhaseAsync(workspaceId, ct) is not { } phase) return null;
        var visible = DocumentAccess.Visible(role, phase).ToList();
        var fileId = await (from r in db.Set<DocumentRevision>()
                            join d in db.Set<ProcurementDocument>() on r.DocumentId equals d.Id
                            where r.Id == revisionId && d.WorkspaceId == workspaceId && visible.Contains(d.Confidentiality)
                            select (long?)r.FileId).FirstOrDefaultAsync(ct);
        return fileId is null ? null : await files.FindAsync(fileId.Value, ct);
    }

    public async Task<StoredFile?> LatestRevisionFileAsync(long workspaceId, long documentId, CancellationToken ct = default)
    {
        var fileId = await db.Set<DocumentRevision>().Where(r => r.DocumentId == documentId && r.WorkspaceId == workspaceId)
            .OrderByDescending(r => r.Number).Select(r => (long?)r.FileId).FirstOrDefaultAsync(ct);
        return fileId is null ? null : await files.FindAsync(fileId.Value, ct);
    }

    public async Task<Outcome<SharedVerdict>> RecordVerdictAsync(long workspaceId, long revisionId, string organizationCode, bool approved, string? comment,
        string actor, CancellationToken ct = default)
    {
        var member = await db.Set<WorkspaceMember>().AsNoTracking().FirstOrDefaultAsync(m => m.WorkspaceId == workspaceId && m.OrganizationCode == organizationCode, ct);
        if (member is not { IsActive: true } || member.Role == MemberRole.Observer)
            return Outcome<SharedVerdict>.Forbidden("承認・差戻しを記録できるのは、参加中の代表団体と参加団体です。");
        if (await PhaseAsync(workspaceId, ct) is not { } phase) return Outcome<SharedVerdict>.NotFound("共同調達が見つかりません。");
        var visible = DocumentAccess.Visible(member.Role, phase).ToList();
        var found = await (from r in db.Set<DocumentRevision>()
                           join d in db.Set<ProcurementDocument>() on r.DocumentId equals d.Id
                           where r.Id == revisionId && d.WorkspaceId == workspaceId && visible.Contains(d.Confidentiality)
                           select r.Id).AnyAsync(ct);
        if (!found) return Outcome<SharedVerdict>.NotFound("この版が見つかりません。");
        var outcome = await approvals.RecordAsync(revisionId, member.OrganizationCode, member.OrganizationName, approved, comment, actor, ct);
        return outcome.Succeeded
            ? Outcome<SharedVerdict>.Ok(new SharedVerdict(outcome.Value!.OrganizationCode, outcome.Value.OrganizationName, outcome.Value.Approved,
                outcome.Value.Comment, outcome.Value.DecidedAt))
            : outcome.As<SharedVerdict>();
    }

    private Task<ProcurementPhase?> PhaseAsync(long workspaceId, CancellationToken ct) =>
        db.Set<Workspace>().AsNoTracking().Where(w => w.Id == workspaceId).Select(w => (ProcurementPhase?)w.Phase).FirstOrDefaultAsync(ct);
}
