using System.Security.Claims;
using DxCollab.Platform.Calendar;
using DxCollab.Platform.Data;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Results;
using DxCollab.Platform.Text;
using DxCollab.Platform.Validation;
using DxCollab.Procurement.Access;
using DxCollab.Procurement.Domain;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Procurement.Workspaces;

/// <summary>Milestones of a workspace: the lead plans them (title, Tokyo due day, an owner among the active members);
/// the lead or the owner marks one done or not done. Readers see them by date, overdue ones marked.</summary>
public sealed class MilestoneService(DxCollabDbContext db, WorkspaceService workspaces, BusinessCalendar calendar, TimeProvider clock)
{
    public async Task<Outcome<IReadOnlyList<MilestoneView>>> ListAsync(long workspaceId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var (workspace, _) = await workspaces.SeatAsync(workspaceId, user, ct);
        if (workspace is null) return Outcome<IReadOnlyList<MilestoneView>>.NotFound("共同調達が見つかりません。");
        var today = calendar.Today(clock);
        var rows = await db.Set<Milestone>().AsNoTracking().Where(m => m.WorkspaceId == workspaceId).ToListAsync(ct);
        return Outcome<IReadOnlyList<MilestoneView>>.Ok([.. rows.OrderBy(m => m.DueOn).ThenBy(m => m.Id).Select(m => MilestoneView.Of(m, today))]);
    }

    public async Task<Outcome<MilestoneView>> AddAsync(long workspaceId, MilestoneInput input, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var (workspace, seat) = await workspaces.SeatAsync(workspaceId, user, ct);
        if (workspace is null) return Outcome<MilestoneView>.NotFound("共同調達が見つかりません。");
        if (!seat.MayManage) return Outcome<MilestoneView>.Forbidden("マイルストーンを決められるのは代表団体です。");
        var checkedInput = await CheckAsync(workspaceId, input, ct);
        if (!checkedInput.Succeeded) return checkedInput.As<MilestoneView>();
        var (title, due, owner) = checkedInput.Value!;
        var milestone = new Milestone
        {
            WorkspaceId = workspaceId, Title = title, DueOn = due, OwnerOrganizationCode = owner.OrganizationCode, OwnerOrganizationName = owner.OrganizationName,
            CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = user.ActorLabel(),
        };
        db.Add(milestone);
        workspace.UpdatedAt = milestone.CreatedAt;
        await db.SaveChangesAsync(ct);
        return Outcome<MilestoneView>.Ok(MilestoneView.Of(milestone, calendar.Today(clock)));
    }

    public async Task<Outcome<MilestoneView>> UpdateAsync(long workspaceId, long milestoneId, MilestoneInput input, ClaimsPrincipal user,
        CancellationToken ct = default)
    {
        var (workspace, seat) = await workspaces.SeatAsync(workspaceId, user, ct);
        if (workspace is null) return Outcome<MilestoneView>.NotFound("共同調達が見つかりません。");
        if (!seat.MayManage) return Outcome<MilestoneView>.Forbidden("マイルストーンを変えられるのは代表団体です。");
        var milestone = await db.Set<Milestone>().FirstOrDefaultAsync(m => m.Id == milestoneId && m.WorkspaceId == workspaceId, ct);
        if (milestone is null) return Outcome<MilestoneView>.NotFound("マイルストーンが見つかりません。");
        var checkedInput = await CheckAsync(workspaceId, input, ct);
        if (!checkedInput.Succeeded) return checkedInput.As<MilestoneView>();
        (milestone.Title, milestone.DueOn, var owner) = checkedInput.Value!;
        (milestone.OwnerOrganizationCode, milestone.OwnerOrganizationName) = (owner.OrganizationCode, owner.OrganizationName);
        workspace.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return Outcome<MilestoneView>.Ok(MilestoneView.Of(milestone, calendar.Today(clock)));
    }

    /// <summary>Done or not done again: the lead, or an officer of the owner organisation.</summary>
    public async Task<Outcome<MilestoneView>> MarkAsync(long workspaceId, long milestoneId, bool done, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var (workspace, seat) = await workspaces.SeatAsync(workspaceId, user, ct);
        if (workspace is null) return Outcome<MilestoneView>.NotFound("共同調達が見つかりません。");
        var milestone = await db.Set<Milestone>().FirstOrDefaultAsync(m => m.Id == milestoneId && m.WorkspaceId == workspaceId, ct);
        if (milestone is null) return Outcome<MilestoneView>.NotFound("マイルストーンが見つかりません。");
        if (!seat.MayManage && !(seat.IsMember && seat.OrganizationCode == milestone.OwnerOrganizationCode))
            return Outcome<MilestoneView>.Forbidden("完了にできるのは代表団体と担当の団体です。");
        var now = clock.GetUtcNow().UtcDateTime;
        if (!done) (milestone.DoneAt, milestone.DoneBy) = ((DateTime?)null, (string?)null);
        else if (milestone.DoneAt is null) (milestone.DoneAt, milestone.DoneBy) = (now, user.ActorLabel());
        workspace.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return Outcome<MilestoneView>.Ok(MilestoneView.Of(milestone, calendar.Today(clock)));
    }

    public async Task<Outcome<bool>> DeleteAsync(long workspaceId, long milestoneId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var (workspace, seat) = await workspaces.SeatAsync(workspaceId, user, ct);
        if (workspace is null) return Outcome<bool>.NotFound("共同調達が見つかりません。");
        if (!seat.MayManage) return Outcome<bool>.Forbidden("マイルストーンを削除できるのは代表団体です。");
        var milestone = await db.Set<Milestone>().FirstOrDefaultAsync(m => m.Id == milestoneId && m.WorkspaceId == workspaceId, ct);
        if (milestone is null) return Outcome<bool>.NotFound("マイルストーンが見つかりません。");
        db.Remove(milestone);
        workspace.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return Outcome<bool>.Ok(true);
    }

    private async Task<Outcome<(string Title, DateOnly Due, WorkspaceMember Owner)>> CheckAsync(long workspaceId, MilestoneInput input, CancellationToken ct)
    {
        if (InputRefusals.Text<(string, DateOnly, WorkspaceMember)>("title", input.Title, "マイルストーンの名称（例: 仕様書案の確定）を入力してください。") is { } refused) return refused;
        if (JapaneseText.Clean(input.Title) is not { Length: > 0 } title)
            return Outcome<(string, DateOnly, WorkspaceMember)>.Invalid("title", "マイルストーンの名称（例: 仕様書案の確定）を入力してください。");
        if (title.Length > 200) return Outcome<(string, DateOnly, WorkspaceMember)>.Invalid("title", "名称は200文字以内で入力してください。");
        if (TokyoDates.Parse(input.DueOn) is not { } due)
            return Outcome<(string, DateOnly, WorkspaceMember)>.Invalid("dueOn", "期日を「2026-12-25」の形で入力してください。");
        if (InputRefusals.Date<(string, DateOnly, WorkspaceMember)>("dueOn", due) is { } outOfRange) return outOfRange;
        var code = input.OwnerOrganizationCode?.Trim();
        var owner = string.IsNullOrEmpty(code) ? null : await db.Set<WorkspaceMember>().AsNoTracking()
            .FirstOrDefaultAsync(m => m.WorkspaceId == workspaceId && m.OrganizationCode == code && m.State == MemberState.Active, ct);
        if (owner is null)
            return Outcome<(string, DateOnly, WorkspaceMember)>.Invalid("ownerOrganizationCode", "担当の団体は、参加中の団体から選んでください。");
        return Outcome<(string, DateOnly, WorkspaceMember)>.Ok((title, due, owner));
    }
}
