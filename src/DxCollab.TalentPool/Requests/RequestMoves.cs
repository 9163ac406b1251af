using System.Security.Claims;
using DxCollab.Platform.Data;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Notifications;
using DxCollab.Platform.Organizations;
using DxCollab.Platform.Results;
using DxCollab.Platform.Text;
using DxCollab.Platform.Validation;
using DxCollab.TalentPool.Access;
using DxCollab.TalentPool.Domain;
using DxCollab.TalentPool.Matching;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.TalentPool.Requests;

/// <summary>The request's state moves outside assignment: the staff take it up (調整中) or classify a 「相談したい」 with a
/// theme; the 団体 withdraws it (取下げ, with a reason) while support has not started. Each move names the version the
/// user saw, and the row's version token makes the second of two simultaneous moves fail: the later one is told (409).
/// The 団体's officers are told of every move; the staff of a withdrawal.</summary>
public sealed class RequestMoves(DxCollabDbContext db, TimeProvider clock, RequestService requests, CapacityLedger ledger,
    NotificationService notifications, OrganizationDirectory organizations)
{
    public const int MaxReason = 1000;

    public static bool MayMarkCoordinating(ClaimsPrincipal user, SupportRequest r) => user.MayManagePool() && r.State == RequestState.Received;

    public static bool MayWithdraw(ClaimsPrincipal user, SupportRequest r) =>
        user.MayRequestFor(r.OrganizationCode) && r.State is RequestState.Received or RequestState.Coordinating or RequestState.Assigned;

    public static bool MayClassify(ClaimsPrincipal user, SupportRequest r) =>
        user.MayManagePool() && r.State is not (RequestState.Completed or RequestState.Withdrawn);

    public Task<Outcome<RequestView>> MarkCoordinatingAsync(long id, RequestChange change, ClaimsPrincipal user, CancellationToken ct = default) =>
        MoveAsync(id, change, user, (request, _) =>
        {
            if (!user.MayManagePool()) return Task.FromResult(Refuse(Forbidden, forbidden: true));
            if (request.State != RequestState.Received) return Task.FromResult(Refuse($"この依頼は{request.State.ToJapanese()}のため、調整中にできません。"));
            request.State = RequestState.Coordinating;
            return Task.FromResult<Outcome<RequestView>?>(null);
        }, async request => await notifications.NotifyOrganizationAsync(request.OrganizationCode, requests.Notice(request,
            $"支援依頼「{JapaneseText.Shorten(request.Title)}」は調整中になりました", "都道府県が専門人材との調整を始めました。"), ct), ct);

    public async Task<Outcome<RequestView>> WithdrawAsync(long id, RequestChange change, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (InputRefusals.Text<RequestView>("reason", change.Reason, "取り下げる理由を入力してください。") is { } typed) return typed;
        var reason = change.Reason?.Trim() ?? "";
        if (reason.Length == 0) return Outcome<RequestView>.Invalid("reason", "取り下げる理由を入力してください。");
        if (reason.Length > MaxReason) return Outcome<RequestView>.Invalid("reason", $"取り下げる理由は {MaxReason} 文字以内にしてください。");
        return await MoveAsync(id, change, user, async (request, now) =>
        {
            if (!user.MayRequestFor(request.OrganizationCode)) return Refuse("依頼を取り下げられるのは、依頼した団体の担当者です。", forbidden: true);
            if (request.State is RequestState.InSupport or RequestState.Completed or RequestState.Withdrawn)
                return Refuse($"この依頼は{request.State.ToJapanese()}のため、取り下げられません。");
            // Experts assigned but not yet started get their hours back, each claimed by a conditional update first: an
            // assignment the staff cancel at the same moment gives its hours back only once.
            var planned = await db.Set<Assignment>().AsNoTracking().Where(a => a.RequestId == request.Id && a.State == AssignmentState.Planned).ToListAsync(ct);
            foreach (var assignment in planned)
            {
                var claimed = await db.Set<Assignment>().Where(a => a.Id == assignment.Id && a.State == AssignmentState.Planned)
                    .ExecuteUpdateAsync(set => set.SetProperty(a => a.State, AssignmentState.Cancelled), ct);
                if (claimed == 0) continue;
                await ledger.ReleaseAsync(assignment.ExpertId, CapacityLedger.Months(assignment.StartMonth, assignment.EndMonth).ToList(),
                    assignment.HoursPerMonth, ct);
            }
            request.State = RequestState.Withdrawn;
            request.WithdrawnReason = reason;
            request.ClosedAt = now;
            return null;
        }, async request =>
        {
            var orgName = (await organizations.FindAsync(request.OrganizationCode, ct))?.Name ?? request.OrganizationCode;
            var notice = requests.Notice(request, $"{orgName}が支援依頼「{JapaneseText.Shorten(request.Title)}」を取り下げました", $"理由: {reason}");
            await notifications.NotifyPrefectureStaffAsync(notice, ct);
            await notifications.NotifyOrganizationAsync(request.OrganizationCode, notice, ct);
        }, ct);
    }

    /// <summary>The staff set (or change) the theme of a request, typically a 「相談したい」 once the conversation made the
    /// need clear, so that candidates can be ranked by its skill areas.</summary>
    public async Task<Outcome<RequestView>> ClassifyAsync(long id, RequestChange change, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var theme = ThemeCatalog.Find(change.ThemeKey?.Trim());
        if (theme is null) return Outcome<RequestView>.Invalid("themeKey", "テーマを選んでください。");
        return await MoveAsync(id, change, user, (request, _) =>
        {
            if (!MayClassify(user, request))
                return Task.FromResult(user.MayManagePool() ? Refuse($"この依頼は{request.State.ToJapanese()}のため、テーマを変えられません。") : Refuse(Forbidden, forbidden: true));
            request.ThemeKey = theme.Key;
            return Task.FromResult<Outcome<RequestView>?>(null);
        }, async request => await notifications.NotifyOrganizationAsync(request.OrganizationCode, requests.Notice(request,
            $"支援依頼「{JapaneseText.Shorten(request.Title)}」のテーマが決まりました", $"都道府県がテーマを「{theme.Title}」にしました。"), ct), ct);
    }

    private const string Forbidden = "この操作ができるのは都道府県の職員です。";

    private static Outcome<RequestView>? Refuse(string message, bool forbidden = false) =>
        forbidden ? Outcome<RequestView>.Forbidden(message) : Outcome<RequestView>.Conflict(message);

    /// <summary>Loads the request (404 for those who may not read it), checks the version, applies the move (or returns its refusal: 403 or 409), notifies, and saves in one transaction.</summary>
    private async Task<Outcome<RequestView>> MoveAsync(long id, RequestChange change, ClaimsPrincipal user,
        Func<SupportRequest, DateTime, Task<Outcome<RequestView>?>> apply, Func<SupportRequest, Task> notify, CancellationToken ct)
    {
        if (await requests.ReadableAsync(id, user, ct) is null || user.IsExpert()) return Outcome<RequestView>.NotFound("依頼が見つかりません。");
        if (change.Version is not { } version) return Outcome<RequestView>.Invalid("version", "画面に表示された版（version）を指定してください。");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var request = await db.Set<SupportRequest>().FirstAsync(r => r.Id == id, ct);
        if (request.Version != version) return Stale(request);
        var now = clock.GetUtcNow().UtcDateTime;
        if (await apply(request, now) is { } refusal) return refusal;
        request.Version++;
        request.UpdatedAt = now;
        await notify(request);
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            var current = await db.Set<SupportRequest>().AsNoTracking().FirstAsync(r => r.Id == id, ct);
            return Stale(current);
        }
        return await requests.GetAsync(id, user, ct);
    }

    private static Outcome<RequestView> Stale(SupportRequest current) =>
        Outcome<RequestView>.Conflict($"この依頼は他の人が先に更新しました（いまの状態: {current.State.ToJapanese()}）。画面を読み込み直してから、もう一度操作してください。", "version");
}
