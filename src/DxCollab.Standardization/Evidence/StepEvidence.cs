using DxCollab.MultiTenancy.EntityFrameworkCore;

namespace DxCollab.Standardization.Evidence;

/// <summary>A 証跡 (契約書, 移行計画書, テスト結果 …) attached to one step of one 団体 × 業務. The row stays when the
/// file is deleted (<see cref="DeletedAt"/>): together with the step's status changes it is the step's history of who
/// uploaded and who deleted what, and when.</summary>
public sealed class StepEvidence : ITenantOwned
{
    public long Id { get; private set; }
    public string TenantId { get; set; } = "";
    public required string OrganizationCode { get; init; }
    public int BusinessNumber { get; init; }
    public int StepNumber { get; init; }
    /// <summary>The <see cref="Platform.Files.StoredFile"/> holding the document.</summary>
    public long FileId { get; init; }
    /// <summary>What the document is, in the uploader's words (e.g. 「移行計画書 第2版」); optional.</summary>
    public string? Description { get; init; }
    public DateTime UploadedAt { get; init; }
    public string? UploadedBy { get; init; }
    public string? UploadedByUserId { get; init; }
    public DateTime? DeletedAt { get; set; }
    public string? DeletedBy { get; set; }
}
