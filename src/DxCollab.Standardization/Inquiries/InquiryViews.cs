namespace DxCollab.Standardization.Inquiries;

public static class InquiryStatusText
{
    public static string JapaneseName(this InquiryStatus status) => status switch
    {
        InquiryStatus.Open => "回答待ち",
        InquiryStatus.Answered => "回答済み",
        InquiryStatus.Closed => "終了",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>open / answered / closed, or the Japanese names.</summary>
    public static bool TryParse(string? text, out InquiryStatus status)
    {
        status = InquiryStatus.Open;
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value)) return false;
        foreach (var candidate in Enum.GetValues<InquiryStatus>())
            if (string.Equals(value, candidate.ToString(), StringComparison.OrdinalIgnoreCase) || value == candidate.JapaneseName())
            {
                status = candidate;
                return true;
            }
        return false;
    }
}

/// <summary>Which threads to list; null means any.</summary>
public sealed record InquiryFilter(InquiryStatus? Status = null, string? OrganizationCode = null, int? Business = null);

/// <summary>A thread in a list. <see cref="WaitingBusinessDays"/>: 開庁日 since the 団体's latest unanswered question
/// (null when nothing waits for the prefecture).</summary>
public sealed record InquirySummary(long Id, string OrganizationCode, string OrganizationName, int? Business, string? BusinessName, int? Step,
    string? StepId, string Title, InquiryStatus Status, string StatusName, DateTime CreatedAt, string? CreatedBy, DateTime? WaitingSince,
    int? WaitingBusinessDays, int MessageCount, DateTime LastActivityAt);

public sealed record AttachmentView(long Id, string FileName, string ContentType, long Length);

public sealed record InquiryEntryView(long Id, InquiryEntryKind Kind, string Body, bool FromPrefecture, string? AuthorName, DateTime PostedAt,
    IReadOnlyList<AttachmentView> Attachments);

public sealed record InquiryThread(InquirySummary Inquiry, IReadOnlyList<InquiryEntryView> Entries, bool CanReply, bool CanClose, bool CanReopen);

public sealed record AttachmentDownload(string FileName, string ContentType, byte[] Content);
