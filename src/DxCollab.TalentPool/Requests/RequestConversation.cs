using System.Security.Claims;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Results;
using DxCollab.Platform.Text;
using DxCollab.Platform.Threads;
using DxCollab.TalentPool.Access;
using DxCollab.TalentPool.Domain;

namespace DxCollab.TalentPool.Requests;

/// <summary>The conversation of any request (a theme card's too, not only 「相談したい」): the prefecture's staff ask a
/// follow-up question (「現行ベンダーとの契約期限は？」) or the 団体's officers add 補足, instead of e-mail. One thread per
/// request, on the platform's threads (<see cref="RequestThreadSubject"/>); an assigned expert does not take part.</summary>
public sealed class RequestConversation(RequestService requests, ThreadService threads)
{
    /// <summary>The request's thread, if it has one and the user takes part in it.</summary>
    public async Task<Outcome<ThreadView>> GetAsync(long requestId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var read = await requests.GetAsync(requestId, user, ct);
        if (!read.Succeeded) return read.As<ThreadView>();
        return read.Value!.Details!.ThreadId is { } threadId
            ? await threads.GetAsync(RequestThreadSubject.Type, threadId, user, ct)
            : Outcome<ThreadView>.NotFound("この依頼にはまだやりとりがありません。");
    }

    /// <summary>Opens the request's thread with a first message: staff → the 団体's officers are told, officers → the
    /// staff are. A request that has one already (every 「相談したい」) is a 409; a withdrawn one takes none (its reason is
    /// on record), a completed one does (補足 on the support given).</summary>
    public async Task<Outcome<ThreadView>> OpenAsync(long requestId, string? body, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var read = await requests.GetAsync(requestId, user, ct);
        if (!read.Succeeded) return read.As<ThreadView>();
        var request = read.Value!;
        // An assigned expert reads the request (so "not found" would hide nothing), but talks through the assignment.
        if (!MayOpen(user, request.OrganizationCode))
            return Outcome<ThreadView>.Forbidden("依頼について質問・補足できるのは、都道府県の職員と依頼した団体の担当者です。");
        if (request.Details!.ThreadId is not null)
            return Outcome<ThreadView>.Conflict("この依頼にはすでにやりとりがあります。そちらに書き込んでください。", "body");
        if (request.State == RequestState.Withdrawn)
            return Outcome<ThreadView>.Conflict("取り下げられた依頼には質問・補足できません。", "body");
        var title = $"支援依頼「{JapaneseText.Shorten(request.Title, ThreadService.MaxTitle - 10)}」について";
        return await threads.OpenAsync(new NewThread(RequestThreadSubject.Type, RequestThreadSubject.Key(request.Id), request.OrganizationCode, title,
            body), [], user, ct);
    }

    public static bool MayOpen(ClaimsPrincipal user, string organizationCode) => user.MayManagePool() || user.IsOfficerOf(organizationCode);
}
