using System.Security.Claims;
using DxCollab.Platform.Data;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Results;
using DxCollab.Platform.Text;
using DxCollab.Platform.Validation;
using DxCollab.Procurement.Domain;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Procurement.Workspaces;

/// <summary>The lead moves the phase — to any phase, forward or back (a procurement sometimes returns to 仕様書作成 after an
/// RFI); each move is recorded with who and when, and the members are told.</summary>
public sealed class PhaseService(DxCollabDbContext db, WorkspaceService workspaces, WorkspaceNotices notices, TimeProvider clock)
{
    public async Task<Outcome<PhaseChangeView>> MoveAsync(long workspaceId, PhaseInput input, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var (workspace, seat) = await workspaces.SeatAsync(workspaceId, user, ct);
        if (workspace is null) return Outcome<PhaseChangeView>.NotFound("共同調達が見つかりません。");
        if (!seat.MayManage) return Outcome<PhaseChangeView>.Forbidden("フェーズを進められるのは代表団体です。");
        if (input.Phase is not { } phase || !Enum.IsDefined(phase))
            return Outcome<PhaseChangeView>.Invalid("phase", "移るフェーズ（検討・意向調査・仕様書作成・RFI・RFP・入札・契約・導入・運用）を選んでください。");
        if (phase == workspace.Phase) return Outcome<PhaseChangeView>.Conflict($"既に「{phase.ToJapanese()}」です。", "phase");
        if (InputRefusals.Text<PhaseChangeView>("note", input.Note) is { } refused) return refused;
        var note = JapaneseText.Clean(input.Note);
        if (note is { Length: > 1000 }) return Outcome<PhaseChangeView>.Invalid("note", "メモは1000文字以内で入力してください。");

        var change = Record(workspace, phase, user.ActorLabel(), note);
        var members = await db.Set<WorkspaceMember>().AsNoTracking().Where(m => m.WorkspaceId == workspaceId).ToListAsync(ct);
        await notices.MembersAsync(workspace, members, seat.OrganizationCode, $"フェーズが「{phase.ToJapanese()}」になりました",
            $"共同調達「{workspace.Title}」のフェーズが「{change.From.ToJapanese()}」から「{phase.ToJapanese()}」に移りました。{note}", "#phase", ct);
        await db.SaveChangesAsync(ct);
        return Outcome<PhaseChangeView>.Ok(PhaseChangeView.Of(change));
    }

    /// <summary>Moves the phase and records it (not saved): also used when a 意向調査 opens.</summary>
    public PhaseChange Record(Workspace workspace, ProcurementPhase phase, string actor, string? note)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var change = new PhaseChange { WorkspaceId = workspace.Id, From = workspace.Phase, To = phase, ChangedAt = now, ChangedBy = actor, Note = note };
        db.Add(change);
        workspace.Phase = phase;
        workspace.UpdatedAt = now;
        // Reaching 運用 finishes the procurement (the day a published case reports); going back reopens it.
        workspace.FinishedAt = phase == ProcurementPhase.Operation ? workspace.FinishedAt ?? now : null;
        return change;
    }

    public async Task<Outcome<IReadOnlyList<PhaseChangeView>>> HistoryAsync(long workspaceId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var (workspace, _) = await workspaces.SeatAsync(workspaceId, user, ct);
        if (workspace is null) return Outcome<IReadOnlyList<PhaseChangeView>>.NotFound("共同調達が見つかりません。");
        var rows = await db.Set<PhaseChange>().AsNoTracking().Where(c => c.WorkspaceId == workspaceId).OrderBy(c => c.Id).ToListAsync(ct);
        return Outcome<IReadOnlyList<PhaseChangeView>>.Ok([.. rows.Select(PhaseChangeView.Of)]);
    }
}
