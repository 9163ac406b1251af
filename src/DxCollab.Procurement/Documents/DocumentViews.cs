namespace DxCollab.Procurement.Documents;

public sealed record FolderInput(string? Name, int? Order);

public sealed record FolderView(long Id, string Name, int Order);

/// <summary>A document in the list: its newest revision and how many there are (numbers are dense: 第1版 … 第N版).</summary>
public sealed record DocumentSummary(long Id, string Title, long? FolderId, string? FolderName, Confidentiality Confidentiality,
    string ConfidentialityName, int RevisionCount, int LatestNumber, long LatestRevisionId, string LatestFileName, long LatestLength, DateTime LatestUploadedAt,
    string LatestUploadedBy, bool LatestApprovalAsked);

public sealed record DocumentList(IReadOnlyList<FolderView> Folders, IReadOnlyList<DocumentSummary> Documents);

/// <summary>How the approval of one revision stands: the expected organisations are the active lead and members (observers
/// do not vote); 未回答 are those of them without a verdict.</summary>
public sealed record ApprovalView(bool Asked, DateTime? AskedAt, string? AskedBy, DateOnly? DueOn, bool Closed, int ApprovedCount, int ReturnedCount,
    int UnansweredCount, IReadOnlyList<VerdictView> Verdicts, IReadOnlyList<string> Unanswered)
{
    public static readonly ApprovalView NotAsked = new(false, null, null, null, false, 0, 0, 0, [], []);

    /// <summary>「承認 8 / 差戻し 1 / 未回答 3」.</summary>
    public string Summary => Asked ? $"承認 {ApprovedCount} / 差戻し {ReturnedCount} / 未回答 {UnansweredCount}" : "承認依頼なし";
}

public sealed record VerdictView(string OrganizationCode, string OrganizationName, bool Approved, string VerdictName, string? Comment, DateTime DecidedAt,
    string DecidedBy);

public sealed record CommentView(long Id, string? OrganizationCode, string Body, DateTime WrittenAt, string WrittenBy);

public sealed record RevisionView(long Id, int Number, string Label, string FileName, string ContentType, long Length, string Sha256, string? ChangeNote,
    DateTime UploadedAt, string UploadedBy, string UploadedByOrganizationCode, ApprovalView Approval, IReadOnlyList<CommentView> Comments);

public sealed record DocumentDetail(long Id, long WorkspaceId, string Title, long? FolderId, string? FolderName, Confidentiality Confidentiality,
    string ConfidentialityName, int LatestNumber, IReadOnlyList<RevisionView> Revisions);

/// <summary>Two revisions side by side (metadata only): same content when their SHA-256 are equal.</summary>
public sealed record RevisionComparison(long DocumentId, string Title, RevisionView A, RevisionView B, bool SameContent, bool SameFileName,
    long LengthDifference);

public sealed record ApprovalInput(DateOnly? DueOn);

public sealed record VerdictInput(bool? Approved, string? Comment);

public sealed record CommentInput(string? Body);

public sealed record DecisionInput(DateOnly? DecidedOn, string? Matter, long? BasisRevisionId, IReadOnlyList<string>? AttendeeCodes);

public sealed record AttendeeView(string OrganizationCode, string OrganizationName);

public sealed record DecisionView(long Id, DateOnly DecidedOn, string DecidedOnJapanese, string Matter, long? BasisRevisionId, string? Basis,
    IReadOnlyList<AttendeeView> Attendees, DateTime RecordedAt, string RecordedBy);

public static class RevisionLabels
{
    /// <summary>「第3版」.</summary>
    public static string Label(int number) => $"第{number}版";

    public static string VerdictName(bool approved) => approved ? "承認" : "差戻し";
}
