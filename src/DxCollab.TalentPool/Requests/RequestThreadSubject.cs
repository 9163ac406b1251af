using System.Globalization;
using DxCollab.Platform.Threads;

namespace DxCollab.TalentPool.Requests;

/// <summary>The conversation of a request (platform threads, subject "talent-request", key = the request's id): a
/// 「相談したい」 opens with it (the 団体 explains what it needs, the prefecture answers and may classify it); on a theme
/// card's request either side starts it later (<see cref="RequestConversation"/>), so the staff may open one too. The
/// thread is shown on the request's page.</summary>
public sealed class RequestThreadSubject : IThreadSubject
{
    public const string Type = "talent-request";
    public const string NotificationCategoryName = "talent-request";
    /// <summary>Attachments of requests and of their conversations (limits: 10 MB a file, 5 files at once).</summary>
    public const string UploadPurposeName = "talent-request";

    public string SubjectType => Type;
    public string Noun => "支援の相談";
    public string NotificationCategory => NotificationCategoryName;
    public string UploadPurpose => UploadPurposeName;
    /// <summary>The staff ask the 団体 follow-up questions about its request (「現行ベンダーとの契約期限は？」).</summary>
    public bool PrefectureMayOpen => true;

    public string Link(string tenant, ConversationThread thread) => $"/{tenant}/talent/requests/{thread.SubjectKey}";

    public string Describe(ConversationThread thread) => $"対象: 支援依頼（番号 {thread.SubjectKey}）";

    public static string Key(long requestId) => requestId.ToString(CultureInfo.InvariantCulture);
}
