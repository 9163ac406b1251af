using System.Text.Json.Serialization;
using DxCollab.MultiTenancy.EntityFrameworkCore;

namespace DxCollab.Standardization.Inquiries;

/// <summary>回答待ち → 回答済み (the prefecture replied) → 終了 (either side closed it; it can be reopened).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<InquiryStatus>))]
public enum InquiryStatus
{
    /// <summary>回答待ち: waiting for the prefecture (new, a follow-up question, or reopened).</summary>
    Open = 0,
    /// <summary>回答済み: the prefecture replied last.</summary>
    Answered = 1,
    /// <summary>終了</summary>
    Closed = 2,
}

/// <summary>A 課題・質問 thread from a 団体 to its prefecture, about one step of a 業務, a 業務, or the 団体 in general.
/// Only the 団体's officers and the prefecture's staff ever see it.</summary>
public sealed class Inquiry : ITenantOwned
{
    public long Id { get; private set; }
    public string TenantId { get; set; } = "";
    /// <summary>The asking 団体.</summary>
    public required string OrganizationCode { get; init; }
    /// <summary>The 業務 asked about, or null for the 団体 in general.</summary>
    public int? BusinessNumber { get; init; }
    /// <summary>The step asked about (only with a 業務), or null.</summary>
    public int? StepNumber { get; init; }
    public required string Title { get; init; }
    public InquiryStatus Status { get; set; }
    public DateTime CreatedAt { get; init; }
    public string? CreatedBy { get; init; }
    /// <summary>When the 団体's latest unanswered question was posted (or the thread reopened); null while nothing waits
    /// for the prefecture. The open list is sorted by it and shows it as 開庁日 waited.</summary>
    public DateTime? WaitingSince { get; set; }
    public DateTime LastActivityAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    public string? ClosedBy { get; set; }
}

/// <summary>What a thread entry is: a message, or the record of closing or reopening (with an optional comment).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<InquiryEntryKind>))]
public enum InquiryEntryKind { Message = 0, Closed = 1, Reopened = 2 }

/// <summary>One entry of a thread: the question, an answer, a follow-up, or a close/reopen.</summary>
public sealed class InquiryMessage : ITenantOwned
{
    public long Id { get; private set; }
    public string TenantId { get; set; } = "";
    public long InquiryId { get; init; }
    public InquiryEntryKind Kind { get; init; }
    public required string Body { get; init; }
    /// <summary>True when written by the prefecture's staff (an answer), false when by the 団体.</summary>
    public bool FromPrefecture { get; init; }
    public string? AuthorName { get; init; }
    public string? AuthorEmail { get; init; }
    public string? AuthorUserId { get; init; }
    public DateTime PostedAt { get; init; }
}

/// <summary>A file attached to a message; the file itself is in the platform's <see cref="Platform.Files.FileStore"/>.</summary>
public sealed class InquiryAttachment : ITenantOwned
{
    public long Id { get; private set; }
    public string TenantId { get; set; } = "";
    public long InquiryId { get; init; }
    public long MessageId { get; init; }
    public long FileId { get; init; }
}
