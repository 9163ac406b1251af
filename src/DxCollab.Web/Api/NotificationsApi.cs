using System.Security.Claims;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Notifications;
using DxCollab.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DxCollab.Web.Api;

public sealed record NotificationItem(long Id, string Category, string? SourceKey, string Title, string Body, string? Link,
    DateTime CreatedAt, DateTime? ReadAt, bool IsRead);

public sealed record NotificationsResponse(NotificationItem[] Items, int Page, int PageSize, int TotalCount, int UnreadCount);

public sealed record MarkAllReadResponse(int Marked);

/// <summary>The signed-in user's own inbox. Every query is by the user's id within the URL's tenant, so a user never
/// reads or marks someone else's notifications.</summary>
public static class NotificationsApi
{
    public static RouteGroupBuilder MapNotificationsApi(this RouteGroupBuilder group)
    {
        group.MapGet("", List).WithSummary("自分のお知らせ（新しい順、ページ単位）")
            .WithDescription($"page（1 から）と pageSize（最大 {NotificationService.MaxPageSize}）でページを指定します。unreadCount は未読の件数です。")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapPost("/{id:long}/read", MarkRead).WithSummary("お知らせを既読にする")
            .WithDescription("自分宛てのお知らせだけを既読にできます。他の利用者のお知らせや存在しない ID は 404 です。")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/read-all", MarkAllRead).WithSummary("自分のお知らせをすべて既読にする");
        return group;
    }

    public static async Task<Results<Ok<NotificationsResponse>, ProblemHttpResult>> List(ClaimsPrincipal user, NotificationService notifications,
        CancellationToken ct, int page = 1, int pageSize = NotificationService.DefaultPageSize)
    {
        var errors = new Dictionary<string, string[]>();
        if (page < 1) errors["page"] = ["ページ（page）は 1 以上で指定してください。"];
        if (pageSize is < 1 or > NotificationService.MaxPageSize) errors["pageSize"] = [$"1 ページの件数（pageSize）は 1 から {NotificationService.MaxPageSize} の範囲で指定してください。"];
        if (errors.Count > 0) return Problems.Invalid(errors);
        var result = await notifications.ListAsync(UserId(user), page, pageSize, ct);
        return TypedResults.Ok(new NotificationsResponse(
            result.Items.Select(n => new NotificationItem(n.Id, n.Category, n.SourceKey, n.Title, n.Body, n.Link, n.CreatedAt, n.ReadAt, n.IsRead)).ToArray(),
            result.Page, result.PageSize, result.TotalCount, result.UnreadCount));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> MarkRead(long id, ClaimsPrincipal user, NotificationService notifications, CancellationToken ct) =>
        await notifications.MarkReadAsync(UserId(user), id, ct)
            ? TypedResults.NoContent()
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "お知らせが見つかりません。",
                detail: $"ID {id} のお知らせはあなた宛てにありません。");

    public static async Task<Ok<MarkAllReadResponse>> MarkAllRead(ClaimsPrincipal user, NotificationService notifications, CancellationToken ct) =>
        TypedResults.Ok(new MarkAllReadResponse(await notifications.MarkAllReadAsync(UserId(user), ct)));

    private static string UserId(ClaimsPrincipal user) =>
        user.UserId() ?? throw new InvalidOperationException("The signed-in principal has no user id.");
}
