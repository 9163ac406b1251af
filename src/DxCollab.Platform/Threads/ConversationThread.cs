using System.Text.Json.Serialization;
using DxCollab.MultiTenancy.EntityFrameworkCore;

namespace DxCollab.Platform.Threads;

/// <summary>回答待ち → 回答済み (the prefecture replied) → 終了 (either side closed it; it can be reopened).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ThreadStatus>))]
public enum ThreadStatus
{
    /// <summary>回答待ち: waiting for the prefecture (new, a follow-up question, or reopened).</summary>
    Open = 0,
    /// <summary>回答済み: the prefecture replied last.</summary>
    Answered = 1,
    /// <summary>終了</summary>
    Closed = 2,
}

/// <summary>A conversation between an organisation (the asking 団体) and its prefecture about a subject that a module
/// defines: <see cref="SubjectType"/> names the kind ("migration": 団体 × 業務 × step; a survey; a request) and
/// <see cref="SubjectKey"/> the one thing asked about. Only the 団体's officers and the prefecture's staff see it.</summary>
public sealed class ConversationThread : ITenantOwned
{
    public long Id { get; private set; }
    public string TenantId { get; set; } = "";
    /// <summary>The module's kind of subject (<see cref="IThreadSubject.SubjectType"/>).</summary>
    public required string SubjectType { get; init; }
    /// <summary>What is asked about, in the module's own format (e.g. "272035/3/12").</summary>
    public required string SubjectKey { get; init; }
    /// <summary>The asking 団体.</summary>
    public required string OrganizationCode { get; init; }
    public required string Title { get; init; }
    public ThreadStatus Status { get; set; }
    public DateTime CreatedAt { get; init; }
    public string? CreatedBy { get; init; }
    /// <summary>When the 団体's latest unanswered question was posted (or the thread reopened); null while nothing waits
    /// for the prefecture. Lists are sorted by it and show it as 開庁日 waited.</summary>
    public DateTime? WaitingSince { get; set; }
    public DateTime LastActivityAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    public string? ClosedBy { get; set; }
}

/// <summary>What a thread entry is: a message, or the record of closing or reopening (with an optional comment).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ThreadEntryKind>))]
public enum ThreadEntryKind { Message = 0, Closed = 1, Reopened = 2 }

/// <summary>One entry of a thread: the question, an answer, a follow-up, or a close/reopen.</summary>
public sealed class ThreadMessage : ITenantOwned
{
    public long Id { get; private set; }
    public string TenantId { get; set; } = "";
    public long ThreadId { get; init; }
    public ThreadEntryKind Kind { get; init; }
    public required string Body { get; init; }
    /// <summary>True when written by the prefecture's staff (an answer), false when by the 団体.</summary>
    public bool FromPrefecture { get; init; }
    public string? AuthorName { get; init; }
    public string? AuthorEmail { get; init; }
    public string? AuthorUserId { get; init; }
    public DateTime PostedAt { get; init; }
}

/// <summary>A file attached to a message; the file itself is in the platform's <see cref="Files.FileStore"/>.</summary>
public sealed class ThreadAttachment : ITenantOwned
{
    public long Id { get; private set; }
    public string TenantId { get; set; } = "";
    public long ThreadId { get; init; }
    public long MessageId { get; init; }
    public long FileId { get; init; }
}
