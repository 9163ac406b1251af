using System.Text;
using DxCollab.Platform.Backbone;
using DxCollab.Platform.Text;
using Microsoft.Extensions.Options;

namespace DxCollab.Platform.Notifications;

/// <summary>What to tell people: a title and a body for the inbox, a path inside the application (the link), a
/// category and the key of the item it is about. E-mail subject and body are made from it by
/// <see cref="NotificationTemplates"/> unless <see cref="EmailSubject"/> is given.</summary>
public sealed record NotificationMessage(string Category, string Title, string Body, string? Link = null)
{
    /// <summary>The item, e.g. "Surveys:42" (stored with the notification so a sender can see what it already sent).</summary>
    public string? SourceKey { get; init; }
    /// <summary>Overrides the e-mail subject (default 「【DxCollab】」 + <see cref="Title"/>).</summary>
    public string? EmailSubject { get; init; }
}

/// <summary>An item with a deadline, as the reminder engine sees it: the 団体 it concerns, what it is (「照会」,
/// 「移行作業」 …), its name, the deadline (a Tokyo calendar day) and its path in the application.</summary>
public sealed record DeadlineItem(string OrganizationName, string ItemKind, string ItemTitle, DateOnly Deadline, string Link)
{
    public string? SourceKey { get; init; }
}

/// <summary>Japanese wording of notices and e-mails. Deadlines are shown in 和暦 and Western form
/// (「令和8年12月4日（2026-12-04）」); links in e-mails are absolute, from <see cref="HostingOptions.PublicBaseUrl"/>.</summary>
public sealed class NotificationTemplates(IOptions<HostingOptions> hosting, TimeProvider clock)
{
    public const string SubjectPrefix = "【DxCollab】";

    /// <summary>"/osaka/surveys/42" → "https://dxcollab.example/osaka/surveys/42".</summary>
    public string AbsoluteUrl(string path)
    {
        var baseUrl = (hosting.Value.PublicBaseUrl ?? "").TrimEnd('/');
        return baseUrl + "/" + path.TrimStart('/');
    }

    /// <summary>A deadline coming up: 「豊中市: 照会「…」の期限が近づいています（あと3日）」.</summary>
    public NotificationMessage DeadlineApproaching(DeadlineItem item)
    {
        var days = DaysUntil(item.Deadline);
        var when = days switch { 0 => "本日が期限です", 1 => "明日が期限です", > 0 => $"あと{days}日", _ => $"{-days}日超過" };
        return Deadline(item, NotificationCategories.Deadline, $"{item.OrganizationName}: {item.ItemKind}「{item.ItemTitle}」の期限が近づいています（{when}）",
            $"{item.ItemKind}「{item.ItemTitle}」の期限が近づいています。期限までに対応をお願いします。", when);
    }

    /// <summary>A deadline passed: 「豊中市: 照会「…」の期限を過ぎています（2日超過）」.</summary>
    public NotificationMessage Overdue(DeadlineItem item)
    {
        var days = -DaysUntil(item.Deadline);
        var when = days > 0 ? $"{days}日超過" : "本日が期限です";
        return Deadline(item, NotificationCategories.Overdue, $"{item.OrganizationName}: {item.ItemKind}「{item.ItemTitle}」の期限を過ぎています（{when}）",
            $"{item.ItemKind}「{item.ItemTitle}」の期限を過ぎていますが、まだ完了していません。状況をご確認ください。", when);
    }

    /// <summary>Something new to act on: 「豊中市: 新しい照会「…」（期限 令和8年12月4日（2026-12-04））」.</summary>
    public NotificationMessage NewItem(DeadlineItem item) =>
        Deadline(item, NotificationCategories.NewItem, $"{item.OrganizationName}: 新しい{item.ItemKind}「{item.ItemTitle}」",
            $"新しい{item.ItemKind}「{item.ItemTitle}」が届きました。", null);

    private NotificationMessage Deadline(DeadlineItem item, string category, string title, string lead, string? when)
    {
        var body = new StringBuilder()
            .AppendLine(lead)
            .AppendLine()
            .AppendLine($"団体: {item.OrganizationName}")
            .AppendLine($"対象: {item.ItemKind}「{item.ItemTitle}」")
            .Append($"期限: {JapaneseCalendar.FormatWithWestern(item.Deadline)}")
            .Append(when is null ? "" : $"（{when}）")
            .ToString();
        return new NotificationMessage(category, title, body, item.Link) { SourceKey = item.SourceKey };
    }

    /// <summary>The e-mail sent at once for one notice.</summary>
    public (string Subject, string Body) ImmediateEmail(string displayName, string tenantName, string tenantIdentifier, NotificationMessage message)
    {
        var body = new StringBuilder()
            .AppendLine($"{displayName} 様")
            .AppendLine()
            .AppendLine(message.Body.TrimEnd());
        if (message.Link is not null) body.AppendLine().AppendLine("詳しくは次のページをご覧ください。").AppendLine(AbsoluteUrl(message.Link));
        AppendFooter(body, tenantName, tenantIdentifier);
        return (message.EmailSubject ?? SubjectPrefix + message.Title, body.ToString());
    }

    /// <summary>One notice as it appears inside a digest (kept as a pending item until the digest is sent).</summary>
    public (string Subject, string Body) DigestItem(NotificationMessage message)
    {
        var body = message.Body.TrimEnd();
        if (message.Link is not null) body += "\n" + AbsoluteUrl(message.Link);
        return (message.Title, body);
    }

    /// <summary>One e-mail with all of a user's collected notices:
    /// 「【DxCollab】お知らせのまとめ（令和8年12月4日（2026-12-04）・3件）」.</summary>
    public (string Subject, string Body) Digest(string displayName, string tenantName, string tenantIdentifier,
        IReadOnlyList<(string Title, string Body)> items)
    {
        var today = JapaneseCalendar.TodayInTokyo(clock.GetUtcNow());
        var body = new StringBuilder()
            .AppendLine($"{displayName} 様")
            .AppendLine()
            .AppendLine($"DxCollab（{tenantName}）の新しいお知らせが {items.Count} 件あります。");
        for (var i = 0; i < items.Count; i++)
        {
            body.AppendLine()
                .AppendLine($"■ {i + 1}. {items[i].Title}")
                .AppendLine(items[i].Body.TrimEnd());
        }
        AppendFooter(body, tenantName, tenantIdentifier);
        return ($"{SubjectPrefix}お知らせのまとめ（{JapaneseCalendar.FormatWithWestern(today)}・{items.Count}件）", body.ToString());
    }

    private void AppendFooter(StringBuilder body, string tenantName, string tenantIdentifier) => body
        .AppendLine()
        .AppendLine("――")
        .AppendLine($"このメールは DxCollab（{tenantName}）から自動で送信しています。返信はできません。")
        .AppendLine("お知らせの一覧と、メールの受け取り方（すぐに送る／1日1回まとめて送る）の変更はこちら:")
        .AppendLine(AbsoluteUrl($"/{tenantIdentifier}/notifications"));

    private int DaysUntil(DateOnly deadline) => deadline.DayNumber - JapaneseCalendar.TodayInTokyo(clock.GetUtcNow()).DayNumber;
}
