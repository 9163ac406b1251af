using DxCollab.Platform.Identity;
using DxCollab.Platform.Notifications;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.Web.Pages.Tenant;

/// <summary>The signed-in user's inbox (newest first, unread marked), marking read, and how e-mails arrive
/// (at once or one daily digest).</summary>
public sealed class NotificationsModel(NotificationService notifications) : TenantPageModel
{
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    [BindProperty] public EmailDelivery Delivery { get; set; }

    public NotificationPage Result { get; private set; } = null!;

    private string UserId => User.UserId() ?? throw new InvalidOperationException("No user id.");

    public async Task OnGetAsync(CancellationToken ct)
    {
        Result = await notifications.ListAsync(UserId, Math.Max(1, PageNumber), ct: ct);
        Delivery = await notifications.GetEmailDeliveryAsync(UserId, ct);
        SetBreadcrumbs(new Breadcrumb("お知らせ"));
    }

    public async Task<IActionResult> OnPostReadAsync(long id, CancellationToken ct)
    {
        if (await notifications.MarkReadAsync(UserId, id, ct)) TempData["Notice"] = "お知らせを既読にしました。";
        else TempData["Error"] = "お知らせが見つかりません。";
        return RedirectToPage(new { p = PageNumber > 1 ? PageNumber : (int?)null });
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        var count = await notifications.MarkAllReadAsync(UserId, ct);
        TempData["Notice"] = count > 0 ? $"{count} 件のお知らせを既読にしました。" : "未読のお知らせはありません。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeliveryAsync(CancellationToken ct)
    {
        if (!Enum.IsDefined(Delivery))
        {
            TempData["Error"] = "メールの受け取り方を選んでください。";
            return RedirectToPage();
        }
        await notifications.SetEmailDeliveryAsync(UserId, Delivery, ct);
        TempData["Notice"] = Delivery == EmailDelivery.DailyDigest
            ? "メールは 1 日 1 回（平日の朝）まとめて届くようになりました。"
            : "メールはお知らせのたびにすぐ届くようになりました。";
        return RedirectToPage();
    }

    public string PageUrl(int page) => TenantUrl("notifications") + (page > 1 ? $"?p={page}" : "");
}
