using System.Text.Json.Serialization;
using DxCollab.MultiTenancy.EntityFrameworkCore;

namespace DxCollab.Procurement.Documents;

/// <summary>Who may see a document (公開可 / 参加団体限り / 機微); the rule is <see cref="DocumentAccess"/>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Confidentiality>))]
public enum Confidentiality { Public, MembersOnly, Sensitive }

/// <summary>A folder of a workspace's documents (仕様書, 意向調査, 協定 …), shown in <see cref="Order"/>.</summary>
public sealed class DocumentFolder : ITenantOwned
{
    public long Id { get; private set; }
    public string TenantId { get; set; } = "";
    public long WorkspaceId { get; set; }
    public required string Name { get; set; }
    public int Order { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
}

/// <summary>A document of a workspace: its revisions (第1版, 第2版 …) hold the files. <see cref="LatestNumber"/> is the
/// number of its newest revision, raised only by a conditional update, so two uploads never both become 第N版.</summary>
public sealed class ProcurementDocument : ITenantOwned
{
    public long Id { get; private set; }
    public string TenantId { get; set; } = "";
    public long WorkspaceId { get; set; }
    public long? FolderId { get; set; }
    public required string Title { get; set; }
    public Confidentiality Confidentiality { get; set; }
    public int LatestNumber { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>One upload of a document (第N版). The file's name, length and SHA-256 are copied from the file store so a
/// list or a comparison never reads the files' table.</summary>
public sealed class DocumentRevision : ITenantOwned
{
    public long Id { get; private set; }
    public string TenantId { get; set; } = "";
    public long WorkspaceId { get; set; }
    public long DocumentId { get; set; }
    public int Number { get; set; }
    public long FileId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Length { get; set; }
    public required string Sha256 { get; set; }
    public string? ChangeNote { get; set; }
    public DateTime UploadedAt { get; set; }
    public required string UploadedBy { get; set; }
    /// <summary>The organisation the uploader acted for.</summary>
    public required string UploadedByOrganizationCode { get; set; }
}

/// <summary>The lead's request that members approve one revision; it belongs to that revision only (a later upload
/// needs its own). Verdicts may be given or changed until it is closed.</summary>
public sealed class ApprovalRequest : ITenantOwned
{
    public long Id { get; private set; }
    public string TenantId { get; set; } = "";
    public long WorkspaceId { get; set; }
    public long RevisionId { get; set; }
    public DateTime AskedAt { get; set; }
    public required string AskedBy { get; set; }
    public DateOnly? DueOn { get; set; }
    public DateTime? ClosedAt { get; set; }
    public string? ClosedBy { get; set; }
}

/// <summary>An organisation's 承認 or 差戻し of a revision (one per organisation and request; changeable until closed).
/// The organisation may be another prefecture's (its name is kept with the row).</summary>
public sealed class ApprovalVerdict : ITenantOwned
{
    public long Id { get; private set; }
    public string TenantId { get; set; } = "";
    public long RequestId { get; set; }
    public long RevisionId { get; set; }
    public required string OrganizationCode { get; set; }
    public required string OrganizationName { get; set; }
    public bool Approved { get; set; }
    public string? Comment { get; set; }
    public DateTime DecidedAt { get; set; }
    public required string DecidedBy { get; set; }
}

/// <summary>A comment on a revision, by anyone who may read it (observers and the prefecture's staff included).</summary>
public sealed class RevisionComment : ITenantOwned
{
    public long Id { get; private set; }
    public string TenantId { get; set; } = "";
    public long RevisionId { get; set; }
    /// <summary>The organisation the writer acted for; null for the prefecture's staff reading without a seat of their own.</summary>
    public string? OrganizationCode { get; set; }
    public required string Body { get; set; }
    public DateTime WrittenAt { get; set; }
    public required string WrittenBy { get; set; }
}

/// <summary>An entry of the decisions register: 決定日, 決定事項, the revision it rests on (根拠となる版) and who attended.</summary>
public sealed class Decision : ITenantOwned
{
    public long Id { get; private set; }
    public string TenantId { get; set; } = "";
    public long WorkspaceId { get; set; }
    public DateOnly DecidedOn { get; set; }
    public required string Matter { get; set; }
    public long? BasisRevisionId { get; set; }
    /// <summary>団体コード of the organisations that attended, comma-separated (members of the workspace, whose names the
    /// member rows keep; a few per decision, always read with it).</summary>
    public string AttendeeCodes { get; set; } = "";

    public IReadOnlyList<string> Attendees => AttendeeCodes.Split(',', StringSplitOptions.RemoveEmptyEntries);
    public DateTime RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
}
