using DxCollab.Platform.Files;
using DxCollab.Platform.Results;
using DxCollab.Procurement.Domain;

namespace DxCollab.Procurement.CrossTenant;

/// <summary>One revision as another prefecture's member (or a catalogue reader granted the specification) sees it.</summary>
public sealed record SharedRevision(long RevisionId, int Number, string FileName, long Length, DateTime UploadedAt, string UploadedBy,
    string? ChangeNote, bool ApprovalRequested, IReadOnlyList<SharedVerdict> Verdicts);

/// <summary>An organisation's 承認 / 差戻し of a revision.</summary>
public sealed record SharedVerdict(string OrganizationCode, string OrganizationName, bool Approved, string? Comment, DateTime DecidedAt);

public sealed record SharedDocument(long DocumentId, string Title, string? Folder, string Confidentiality, string ConfidentialityName,
    IReadOnlyList<SharedRevision> Revisions);

/// <summary>The documents slice's answer to the other slices (cross-prefecture members, the catalogue): what an organisation
/// of a given role may see and download, and recording its verdict. Implemented by the Documents slice; always called
/// inside the workspace's own tenant (the lead's), e.g. by a consumer of a message from the member's tenant.</summary>
public interface IWorkspaceContent
{
    /// <summary>The documents (with every revision and its verdicts) an organisation of <paramref name="role"/> may see,
    /// by their confidentiality labels.</summary>
    Task<IReadOnlyList<SharedDocument>> DocumentsForAsync(long workspaceId, MemberRole role, CancellationToken ct = default);

    /// <summary>The stored file of a revision an organisation of <paramref name="role"/> may download, or null (absent or
    /// its label forbids it).</summary>
    Task<StoredFile?> RevisionFileForAsync(long workspaceId, long revisionId, MemberRole role, CancellationToken ct = default);

    /// <summary>The stored file of a document's latest revision whatever its label, or null (no such document or no
    /// revision yet): for the lead body's own decision to give it, e.g. a published case's specification on an approved request.</summary>
    Task<StoredFile?> LatestRevisionFileAsync(long workspaceId, long documentId, CancellationToken ct = default);

    /// <summary>Records an active member's 承認 (<paramref name="approved"/>) or 差戻し with a comment on a revision whose
    /// approval was asked for (the same rules as for this tenant's members).</summary>
    Task<Outcome<SharedVerdict>> RecordVerdictAsync(long workspaceId, long revisionId, string organizationCode, bool approved, string? comment,
        string actor, CancellationToken ct = default);
}
