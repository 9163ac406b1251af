using DxCollab.MultiTenancy.EntityFrameworkCore;
using DxCollab.Platform.Audit;

namespace DxCollab.Platform.Files;

/// <summary>A file a 団体 or the prefecture uploaded, for any module (標準化: 証跡 of a step, attachments of an inquiry).
/// Only the description lives here (table Platform_Files): the bytes are kept by the <see cref="IFileContentStore"/>
/// (by default <see cref="StoredFileContent"/> rows), so a list never loads them.</summary>
public sealed class StoredFile : ITenantOwned
{
    public long Id { get; private set; }
    public string TenantId { get; set; } = "";
    /// <summary>The 団体 the file belongs to: its officers and the prefecture's staff may read it, nobody else.</summary>
    public required string OrganizationCode { get; init; }
    /// <summary>The name as uploaded (Japanese kept), given back on download.</summary>
    public required string FileName { get; init; }
    public required string ContentType { get; init; }
    public long Length { get; init; }
    /// <summary>Hex SHA-256 of the bytes, so a copy handed back can be checked against the one received.</summary>
    public required string Sha256 { get; init; }
    public DateTime UploadedAt { get; init; }
    public string? UploadedBy { get; init; }
    public string? UploadedByUserId { get; init; }
    /// <summary>Set when the file was deleted: the bytes are gone, the description stays for the step's history.</summary>
    public DateTime? DeletedAt { get; set; }
    public string? DeletedBy { get; set; }
}

/// <summary>The bytes of one <see cref="StoredFile"/> (same id) in the database store (table Platform_FileContents). Not
/// audited: the audit log keeps the description, not megabytes of content.</summary>
public sealed class StoredFileContent : ITenantOwned, IAuditExempt
{
    public long FileId { get; init; }
    public string TenantId { get; set; } = "";
    public required byte[] Content { get; init; }
}
