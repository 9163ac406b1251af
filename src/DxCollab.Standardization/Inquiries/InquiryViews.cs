using DxCollab.Platform.Threads;

namespace DxCollab.Standardization.Inquiries;

/// <summary>Which threads to list; null means any.</summary>
public sealed record InquiryFilter(ThreadStatus? Status = null, string? OrganizationCode = null, int? Business = null);

/// <summary>A thread in a list. <see cref="WaitingBusinessDays"/>: 開庁日 since the 団体's latest unanswered question
/// (null when nothing waits for the prefecture).</summary>
public sealed record InquirySummary(long Id, string OrganizationCode, string OrganizationName, int? Business, string? BusinessName, int? Step,
    string? StepId, string Title, ThreadStatus Status, string StatusName, DateTime CreatedAt, string? CreatedBy, DateTime? WaitingSince,
    int? WaitingBusinessDays, int MessageCount, DateTime LastActivityAt);

public sealed record InquiryThread(InquirySummary Inquiry, IReadOnlyList<ThreadEntryView> Entries, bool CanReply, bool CanClose, bool CanReopen);
