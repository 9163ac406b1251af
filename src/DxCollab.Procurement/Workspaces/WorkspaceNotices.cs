using DxCollab.Platform.Data;
using DxCollab.Platform.Notifications;
using DxCollab.Procurement.Domain;

namespace DxCollab.Procurement.Workspaces;

/// <summary>Who is told of a workspace's changes: the invited 団体's officers of an invitation, the lead of answers and
/// departures, a removed 団体 of its removal, every active member of a phase move. Notices join the caller's unit of work.</summary>
public sealed class WorkspaceNotices(DxCollabDbContext db, NotificationService notifications)
{
    public const string Category = "procurement";

    public Task InvitedAsync(Workspace w, WorkspaceMember m, string leadName, CancellationToken ct) =>
        notifications.NotifyOrganizationAsync(m.OrganizationCode, new NotificationMessage(Category, $"共同調達への招待: {w.Title}",
            $"{leadName}（代表団体）から、共同調達「{w.Title}」（{w.Subject}）に{m.Role.ToJapanese()}として招待されました。参加するか辞退するかをお答えください。",
            Link("procurement")) { SourceKey = Key(m, $"invited:{m.InvitedAt.Ticks}") }, ct);

    public Task AnsweredAsync(Workspace w, WorkspaceMember m, CancellationToken ct) =>
        notifications.NotifyOrganizationAsync(w.LeadOrganizationCode, new NotificationMessage(Category,
            $"{m.OrganizationName}が{(m.IsActive ? "参加しました" : "招待を辞退しました")}: {w.Title}",
            m.IsActive ? $"{m.OrganizationName}が共同調達「{w.Title}」に{m.Role.ToJapanese()}として参加しました。"
                : $"{m.OrganizationName}が共同調達「{w.Title}」への招待を辞退しました。{m.EndedReason}",
            Link($"procurement/{w.Id}/members")) { SourceKey = Key(m, m.State.ToString()) }, ct);

    public Task LeftAsync(Workspace w, WorkspaceMember m, CancellationToken ct) =>
        notifications.NotifyOrganizationAsync(w.LeadOrganizationCode, new NotificationMessage(Category, $"{m.OrganizationName}が離脱しました: {w.Title}",
            $"{m.OrganizationName}が共同調達「{w.Title}」から離脱しました。理由: {m.EndedReason}", Link($"procurement/{w.Id}/members"))
        { SourceKey = Key(m, "left") }, ct);

    public Task RemovedAsync(Workspace w, WorkspaceMember m, CancellationToken ct) =>
        notifications.NotifyOrganizationAsync(m.OrganizationCode, new NotificationMessage(Category, $"共同調達から除外されました: {w.Title}",
            $"代表団体が、共同調達「{w.Title}」の参加団体から貴団体を除外しました。理由: {m.EndedReason}", Link("procurement"))
        { SourceKey = Key(m, "removed") }, ct);

    /// <summary>Every active member of this tenant but the one who made the change.</summary>
    public async Task MembersAsync(Workspace w, IEnumerable<WorkspaceMember> members, string? exceptCode, string title, string body, string anchor,
        CancellationToken ct)
    {
        foreach (var m in members.Where(m => m.IsActive && !m.IsRemote && m.OrganizationCode != exceptCode))
            await notifications.NotifyOrganizationAsync(m.OrganizationCode, new NotificationMessage(Category, $"{title}: {w.Title}", body,
                Link($"procurement/{w.Id}{anchor}")) { SourceKey = $"procurement:{w.Id}:{title}" }, ct);
    }

    private static string Key(WorkspaceMember m, string what) => $"procurement:member:{m.Id}:{what}";

    private string Link(string relative) => $"/{db.TenantInfo?.Identifier}/{relative}";
}
