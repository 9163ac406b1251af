using System.Globalization;
using DxCollab.Platform.Data;
using DxCollab.Platform.Notifications;
using JapaneseCalendar = DxCollab.Platform.Text.JapaneseCalendar;
using DxCollab.TalentPool.Domain;

namespace DxCollab.TalentPool.Matching;

/// <summary>Tells the expert (their account, when the profile is linked to one) and the supported 団体's officers of an
/// assignment and of its cancelling. The notices join the caller's unit of work (the Platform's NotificationService adds
/// rows, the caller saves), so they exist exactly when the assignment does. An expert without an account is not told
/// here: the Platform sends e-mail only to accounts, so the staff contact them (the profile shows the e-mail).</summary>
public sealed class AssignmentNotices(DxCollabDbContext db, NotificationService notifications)
{
    public const string Category = "talent";

    public async Task AssignedAsync(Assignment a, Expert expert, SupportRequest request, CancellationToken ct)
    {
        var period = Period(a);
        if (expert.UserId is { } userId)
            await notifications.NotifyAsync([userId], new NotificationMessage(Category, $"支援の割当: {request.Title}",
                $"{expert.Name} さんに支援が割り当てられました。期間 {period}、月 {a.HoursPerMonth} 時間（{a.Mode.ToJapanese()}）。",
                Link($"talent/assignments/{a.Id}")) { SourceKey = Key(a, "assigned") }, ct);
        await notifications.NotifyOrganizationAsync(a.OrganizationCode, new NotificationMessage(Category, $"専門人材が決まりました: {request.Title}",
            $"ご依頼の支援に {expert.Name} さん（{expert.EngagementForm.ToJapanese()}）が割り当てられました。期間 {period}、月 {a.HoursPerMonth} 時間（{a.Mode.ToJapanese()}）。",
            Link($"talent/requests/{request.Id}")) { SourceKey = Key(a, "assigned") }, ct);
    }

    public async Task CancelledAsync(Assignment a, Expert expert, CancellationToken ct)
    {
        var message = new NotificationMessage(Category, "支援の割当が取り消されました",
            $"{expert.Name} さんの支援（期間 {Period(a)}）の割当が取り消されました。", Link($"talent/requests/{a.RequestId}")) { SourceKey = Key(a, "cancelled") };
        if (expert.UserId is { } userId) await notifications.NotifyAsync([userId], message with { Link = Link($"talent/assignments/{a.Id}") }, ct);
        await notifications.NotifyOrganizationAsync(a.OrganizationCode, message, ct);
    }

    /// <summary>Every assignment of the request has ended and one was completed (完了): the 団体 is asked for its 満足度 answer.</summary>
    public Task RequestCompletedAsync(SupportRequest request, CancellationToken ct) =>
        notifications.NotifyOrganizationAsync(request.OrganizationCode, new NotificationMessage(Category, $"支援が完了しました: {request.Title}",
            "ご依頼の支援がすべて終了しました。1分ほどの満足度アンケートにご回答ください（今後の支援の改善に使います）。",
            Link($"talent/requests/{request.Id}#satisfaction-heading")) { SourceKey = $"talent:request:{request.Id}:completed" }, ct);

    /// <summary>A support report was submitted: the 団体 may now read it, and the staff see it leave their board.</summary>
    public async Task ReportSubmittedAsync(SupportReport report, Assignment a, Expert expert, CancellationToken ct)
    {
        var message = new NotificationMessage(Category, $"支援報告が提出されました（{expert.Name} さん）",
            $"{expert.Name} さんの{report.Kind.ToJapanese()}が提出されました。", Link($"talent/assignments/{a.Id}#report-{report.Id}"))
        { SourceKey = $"talent:report:{report.Id}:submitted" };
        await notifications.NotifyOrganizationAsync(a.OrganizationCode, message, ct);
        await notifications.NotifyPrefectureStaffAsync(message, ct);
    }

    /// <summary>"令和8年12月〜令和9年3月" with the western months beside.</summary>
    public static string Period(Assignment a) => $"{Month(a.StartMonth)}〜{Month(a.EndMonth)}";

    public static string Month(DateOnly month) =>
        $"{JapaneseCalendar.EraYear(month)}{month.Month}月（{month.ToString("yyyy-MM", CultureInfo.InvariantCulture)}）";

    private static string Key(Assignment a, string what) => $"talent:assignment:{a.Id}:{what}";

    private string Link(string relative) => $"/{db.TenantInfo?.Identifier}/{relative}";
}
