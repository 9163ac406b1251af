namespace DxCollab.Platform.Threads;

public static class ThreadStatusText
{
    public static string JapaneseName(this ThreadStatus status) => status switch
    {
        ThreadStatus.Open => "回答待ち",
        ThreadStatus.Answered => "回答済み",
        ThreadStatus.Closed => "終了",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>open / answered / closed, or the Japanese names.</summary>
    public static bool TryParse(string? text, out ThreadStatus status)
    {
        status = ThreadStatus.Open;
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value)) return false;
        foreach (var candidate in Enum.GetValues<ThreadStatus>())
            if (string.Equals(value, candidate.ToString(), StringComparison.OrdinalIgnoreCase) || value == candidate.JapaneseName())
            {
                status = candidate;
                return true;
            }
        return false;
    }
}

/// <summary>What opens a thread: the subject (its type and key), the asking 団体, the title and the first message.</summary>
public sealed record NewThread(string SubjectType, string SubjectKey, string OrganizationCode, string? Title, string? Body);

/// <summary>A thread in a list. <see cref="WaitingBusinessDays"/>: 開庁日 since the 団体's latest unanswered question
/// (null when nothing waits for the prefecture).</summary>
public sealed record ThreadSummary(long Id, string SubjectType, string SubjectKey, string OrganizationCode, string OrganizationName, string Title,
    ThreadStatus Status, string StatusName, DateTime CreatedAt, string? CreatedBy, DateTime? WaitingSince, int? WaitingBusinessDays, int MessageCount,
    DateTime LastActivityAt);

public sealed record AttachmentView(long Id, string FileName, string ContentType, long Length);

public sealed record ThreadEntryView(long Id, ThreadEntryKind Kind, string Body, bool FromPrefecture, string? AuthorName, DateTime PostedAt,
    IReadOnlyList<AttachmentView> Attachments);

/// <summary>A thread with its entries, oldest first, and what the reader may do next.</summary>
public sealed record ThreadView(ThreadSummary Thread, IReadOnlyList<ThreadEntryView> Entries, bool CanReply, bool CanClose, bool CanReopen);

public sealed record AttachmentDownload(string FileName, string ContentType, byte[] Content);
