using DxCollab.MultiTenancy.EntityFrameworkCore;

namespace DxCollab.Standardization.Imports;

public enum ImportRunStatus { Queued, Running, Completed, Failed }

/// <summary>One workbook import run in the background: who started it
/// (their roles and 団体 as at the upload, so the job checks the same permissions), the progress, and the per-row
/// report with the all-or-nothing outcome.</summary>
public sealed class ImportRun : ITenantOwned
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public string TenantId { get; set; } = "";
    public required string FileName { get; init; }
    public long FileSize { get; init; }
    public ImportRunStatus Status { get; set; }
    /// <summary>Data rows found (known once the file is read).</summary>
    public int? RowsTotal { get; set; }
    public int RowsRead { get; set; }
    public int RowsValidated { get; set; }
    public int RowsApplied { get; set; }
    /// <summary>Null while running; true when every row was applied, false when nothing was changed.</summary>
    public bool? Applied { get; set; }
    public int RejectedRows { get; set; }
    /// <summary>The per-row report (JSON array of ImportRowReport) and file-level errors (JSON array of strings).</summary>
    public string? ReportJson { get; set; }
    public string? FileErrorsJson { get; set; }
    /// <summary>A failure of the run itself (not of a row), in Japanese.</summary>
    public string? Failure { get; set; }
    public required string RequestedBy { get; init; }
    public string? RequestedByUserId { get; init; }
    /// <summary>Comma-separated roles of the requester at upload time.</summary>
    public required string RequestedRoles { get; init; }
    public string? RequestedOrganizationCode { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime? StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
}

/// <summary>The uploaded file of a run (same id), deleted when the run ends: the report keeps what happened. Kept apart
/// from <see cref="ImportRun"/> and out of the audit log, which records the run (who uploaded which file) but not
/// megabytes of content.</summary>
public sealed class ImportRunFile : ITenantOwned, Platform.Audit.IAuditExempt
{
    public Guid Id { get; init; }
    public string TenantId { get; set; } = "";
    public byte[] Content { get; init; } = [];
}
