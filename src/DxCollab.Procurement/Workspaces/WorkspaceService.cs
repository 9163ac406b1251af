using System.Security.Claims;
using DxCollab.Platform.Data;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Organizations;
using DxCollab.Platform.Results;
using DxCollab.Platform.Text;
using DxCollab.Platform.Validation;
using DxCollab.Procurement.Access;
using DxCollab.Procurement.Domain;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Procurement.Workspaces;

/// <summary>Workspaces of the tenant: opening one (the opener's organisation becomes the lead body), the list each user
/// may see, one workspace with its members, and <see cref="SeatAsync"/> — the one way every slice learns what the user
/// may do in a workspace.</summary>
public sealed class WorkspaceService(DxCollabDbContext db, TimeProvider clock, OrganizationDirectory organizations)
{
    public async Task<Outcome<WorkspaceView>> CreateAsync(WorkspaceInput input, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!user.MayCreateWorkspace()) return Outcome<WorkspaceView>.Forbidden("共同調達の場を作れるのは、市区町村の担当者と都道府県の職員です。");
        // Typed text is refused, not silently cleaned, when it holds NUL, other control characters or bidi overrides (the same
        // rule and message as the API): what is stored is what the user saw they typed. JapaneseText.Clean then only trims and
        // treats invisible-only text as missing. File names are another matter: FileTypes.CleanName keeps stripping them, since
        // a name comes from the user's disk rather than their typing, and refusing the upload for it would help no one.
        if ((InputRefusals.Text<WorkspaceView>("subject", input.Subject, "調達の対象（例: ビジネスチャット）を入力してください。")
             ?? InputRefusals.Text<WorkspaceView>("title", input.Title, "名称（例: ビジネスチャット共同調達 令和8年度）を入力してください。")
             ?? InputRefusals.Text<WorkspaceView>("description", input.Description)) is { } refused) return refused;
        if (JapaneseText.Clean(input.Subject) is not { Length: > 0 } subject) return Outcome<WorkspaceView>.Invalid("subject", "調達の対象（例: ビジネスチャット）を入力してください。");
        if (subject.Length > 100) return Outcome<WorkspaceView>.Invalid("subject", "調達の対象は100文字以内で入力してください。");
        if (JapaneseText.Clean(input.Title) is not { Length: > 0 } title) return Outcome<WorkspaceView>.Invalid("title", "名称（例: ビジネスチャット共同調達 令和8年度）を入力してください。");
        if (title.Length > 200) return Outcome<WorkspaceView>.Invalid("title", "名称は200文字以内で入力してください。");
        var description = JapaneseText.Clean(input.Description);
        if (description is { Length: > 4000 }) return Outcome<WorkspaceView>.Invalid("description", "説明は4000文字以内で入力してください。");

        // An officer leads for its own 団体; the prefecture's staff for the prefecture or a 団体 of the tenant they name.
        var leadCode = user.ActingOrganizationCode()!;
        if (!string.IsNullOrWhiteSpace(input.LeadOrganizationCode) && input.LeadOrganizationCode.Trim() != leadCode)
        {
            if (!user.IsPrefectureStaff()) return Outcome<WorkspaceView>.Forbidden("代表団体を自団体以外にできるのは都道府県の職員です。");
            leadCode = input.LeadOrganizationCode.Trim();
        }
        if (await organizations.FindAsync(leadCode, ct) is not { } lead)
            return Outcome<WorkspaceView>.Invalid("leadOrganizationCode", $"団体コード「{leadCode}」の団体はこの都道府県にありません。");

        var now = clock.GetUtcNow().UtcDateTime;
        var workspace = new Workspace
        {
            Subject = subject, Title = title, Description = description, LeadOrganizationCode = lead.Code, Phase = ProcurementPhase.Study,
            CreatedAt = now, CreatedBy = user.ActorLabel(), UpdatedAt = now,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Add(workspace);
        await db.SaveChangesAsync(ct);
        db.Add(new WorkspaceMember
        {
            WorkspaceId = workspace.Id, OrganizationCode = lead.Code, OrganizationName = lead.Name, Role = MemberRole.Lead, State = MemberState.Active,
            InvitedAt = now, InvitedBy = user.ActorLabel(), JoinedAt = now,
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (await GetAsync(workspace.Id, user, ct));
    }

    /// <summary>The workspace (tracked) and the user's seat in it; a workspace the user may not read is reported as absent
    /// (<c>null</c>), so its existence is not learnt.</summary>
    public async Task<(Workspace? Workspace, WorkspaceSeat Seat)> SeatAsync(long workspaceId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var workspace = await db.Set<Workspace>().FirstOrDefaultAsync(w => w.Id == workspaceId, ct);
        if (workspace is null) return (null, WorkspaceSeat.None);
        var code = user.ActingOrganizationCode();
        var own = code is null ? [] : await db.Set<WorkspaceMember>().AsNoTracking()
            .Where(m => m.WorkspaceId == workspaceId && m.OrganizationCode == code).ToListAsync(ct);
        var seat = user.SeatIn(workspace, own);
        return seat.MayRead ? (workspace, seat) : (null, WorkspaceSeat.None);
    }

    public async Task<Outcome<WorkspaceView>> GetAsync(long id, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var (workspace, seat) = await SeatAsync(id, user, ct);
        if (workspace is null) return Outcome<WorkspaceView>.NotFound("共同調達が見つかりません。");
        var members = await db.Set<WorkspaceMember>().AsNoTracking().Where(m => m.WorkspaceId == id)
            .OrderBy(m => m.Role).ThenBy(m => m.OrganizationCode).ToListAsync(ct);
        var leadName = members.FirstOrDefault(m => m.OrganizationCode == workspace.LeadOrganizationCode)?.OrganizationName ?? workspace.LeadOrganizationCode;
        return Outcome<WorkspaceView>.Ok(new WorkspaceView(workspace.Id, workspace.Subject, workspace.Title, workspace.Description,
            workspace.LeadOrganizationCode, leadName, workspace.Phase, workspace.Phase.ToJapanese(), workspace.CreatedAt, workspace.UpdatedAt,
            workspace.FinishedAt, seat.Seat, [.. members.Select(MemberView.Of)]));
    }

    /// <summary>The workspaces the user may see: the prefecture's staff all of the tenant's, an officer those its 団体 is an
    /// active member of; the latest changed first.</summary>
    public async Task<Outcome<IReadOnlyList<WorkspaceSummary>>> ListAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var code = user.ActingOrganizationCode();
        if (code is null && !user.IsPrefectureStaff())
            return Outcome<IReadOnlyList<WorkspaceSummary>>.Forbidden("共同調達を見られるのは、参加する団体の担当者と都道府県の職員です。");
        var workspaces = db.Set<Workspace>().AsNoTracking();
        var mine = db.Set<WorkspaceMember>().Where(m => m.OrganizationCode == code && m.State == MemberState.Active && m.OrganizationTenant == null);
        if (!user.IsPrefectureStaff()) workspaces = workspaces.Where(w => mine.Any(m => m.WorkspaceId == w.Id));
        var rows = await workspaces.OrderByDescending(w => w.UpdatedAt).ToListAsync(ct);
        var ids = rows.Select(w => w.Id).ToList();
        var members = await db.Set<WorkspaceMember>().AsNoTracking().Where(m => ids.Contains(m.WorkspaceId)).ToListAsync(ct);
        var byWorkspace = members.ToLookup(m => m.WorkspaceId);
        return Outcome<IReadOnlyList<WorkspaceSummary>>.Ok([.. rows.Select(w => new WorkspaceSummary(w.Id, w.Subject, w.Title,
            byWorkspace[w.Id].FirstOrDefault(m => m.Role == MemberRole.Lead)?.OrganizationName ?? w.LeadOrganizationCode, w.Phase, w.Phase.ToJapanese(),
            byWorkspace[w.Id].Count(m => m.IsActive), w.UpdatedAt, user.SeatIn(w, byWorkspace[w.Id]).Seat))]);
    }
}
