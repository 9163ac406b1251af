using System.Security.Claims;
using DxCollab.Platform.Identity;

namespace DxCollab.Platform.Threads;

/// <summary>What only the module knows about the subjects of its threads: their name in notices and refusals, where a
/// thread is shown, how its subject reads, which upload purpose its attachments follow, and who may take part.
/// One per <see cref="SubjectType"/>, registered with ModuleServices.AddThreadSubject.</summary>
public interface IThreadSubject
{
    /// <summary>The key of the kind of subject, stored in every thread (e.g. "migration").</summary>
    string SubjectType { get; }

    /// <summary>What the module calls a thread, in refusals and notices (e.g. 課題・質問).</summary>
    string Noun { get; }

    /// <summary>The category of the notices sent about these threads.</summary>
    string NotificationCategory { get; }

    /// <summary>The upload purpose (limits, kinds) of the attachments.</summary>
    string UploadPurpose { get; }

    /// <summary>The page of the thread, for the notice's link (e.g. <c>/{tenant}/migration/inquiries/{id}</c>).</summary>
    string Link(string tenant, ConversationThread thread);

    /// <summary>One line saying what the thread is about, in notices (e.g. "対象: 住民記録 ステップ ⑭-3").</summary>
    string Describe(ConversationThread thread);

    /// <summary>The notice's source key, so a notice can be found from its thread.</summary>
    string SourceKey(ConversationThread thread) => $"Thread:{thread.SubjectType}:{thread.Id}";

    /// <summary>Whether the prefecture's staff may open a thread too (a follow-up question to the 団体): it starts
    /// 回答済み (the 団体 owes the next word) and tells the 団体's officers. By default only the 団体's officers open.</summary>
    bool PrefectureMayOpen => false;

    /// <summary>Beyond "the prefecture's staff and the 団体's officers" (always applied): a narrower rule of the module.
    /// A thread the user may not take part in is "not found" to them.</summary>
    bool MayTakePart(ClaimsPrincipal user, ConversationThread thread) => user.IsPrefectureStaff() || user.IsOfficerOf(thread.OrganizationCode);
}
