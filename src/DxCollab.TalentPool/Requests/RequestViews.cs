using DxCollab.TalentPool.Domain;

namespace DxCollab.TalentPool.Requests;

/// <summary>What a list shows of a request. <see cref="Waiting"/>: still waiting for the prefecture (受付・調整中).</summary>
public sealed record RequestSummary(long Id, string OrganizationCode, string OrganizationName, string? ThemeKey, string ThemeTitle, string Title,
    Urgency Urgency, string UrgencyName, RequestState State, string StateName, DateTime CreatedAt, bool Waiting, int Version);

/// <summary>Filters of the list (all optional): state (Received… or 受付…), theme key ("consult" = 「相談したい」), 団体コード.</summary>
public sealed record RequestFilter(string? State = null, string? Theme = null, string? Organization = null);

public sealed record IntakeAnswerView(string Key, string Question, string Answer);

public sealed record RequestFileView(long Id, string FileName, string ContentType, long Length);

/// <summary>An expert assigned to the request: the name and the months only (an expert's profile is the pool's).</summary>
public sealed record RequestAssignmentView(long Id, string ExpertName, string StartMonth, string EndMonth, int HoursPerMonth, string StateName);

/// <summary>The detail page's and GET …/{id}'s extras: the answers with their questions, attachments, assignments, the
/// 「相談したい」 thread, and what the reader may do now.</summary>
public sealed record RequestDetails(string ThemeTitle, string OrganizationName, IReadOnlyList<IntakeAnswerView> Answers,
    IReadOnlyList<RequestFileView> Files, IReadOnlyList<RequestAssignmentView> Assignments, long? ThreadId,
    bool MayMarkCoordinating, bool MayWithdraw, bool MayClassify, bool MayAssign);

/// <summary>A state move (調整中, 取下げ) or classification: <see cref="Version"/> is the version the user saw (a move
/// from an older one is refused with 409).</summary>
public sealed record RequestChange(int? Version, string? Reason = null, string? ThemeKey = null);

public sealed record UploadedFile(long Id, string FileName, string ContentType, long Length);

/// <summary>The first message of a request's conversation (POST …/{id}/conversation).</summary>
public sealed record ConversationInput(string? Body);
