using System.Security.Claims;
using DxCollab.Platform.Data;
using DxCollab.Platform.Files;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Results;
using DxCollab.Platform.Validation;
using DxCollab.Procurement.Domain;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Procurement.Workspaces;

/// <summary>The 協定 record of a workspace (one per workspace, replaced as a whole by the lead): kind, signed day,
/// signatories among the active members, and the signed document kept in the Platform file store under
/// <see cref="UploadPurpose"/>. Every reader of the workspace may read it and download the document.</summary>
public sealed class AgreementService(DxCollabDbContext db, WorkspaceService workspaces, FileStore files, TimeProvider clock)
{
    public const string UploadPurpose = "procurement-agreement";

    public async Task<Outcome<AgreementView?>> GetAsync(long workspaceId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var (workspace, _) = await workspaces.SeatAsync(workspaceId, user, ct);
        if (workspace is null) return Outcome<AgreementView?>.NotFound("共同調達が見つかりません。");
        var record = await db.Set<AgreementRecord>().AsNoTracking().FirstOrDefaultAsync(a => a.WorkspaceId == workspaceId, ct);
        return Outcome<AgreementView?>.Ok(record is null ? null : await ViewAsync(record, ct));
    }

    /// <summary>Records (or replaces) the agreement; <paramref name="document"/>, when given, replaces the stored document.</summary>
    public async Task<Outcome<AgreementView?>> RecordAsync(long workspaceId, AgreementInput input, IFormFile? document, ClaimsPrincipal user,
        CancellationToken ct = default)
    {
        var (workspace, seat) = await workspaces.SeatAsync(workspaceId, user, ct);
        if (workspace is null) return Outcome<AgreementView?>.NotFound("共同調達が見つかりません。");
        if (!seat.MayManage) return Outcome<AgreementView?>.Forbidden("協定を記録できるのは代表団体です。");
        if (input.Kind is not { } kind || !Enum.IsDefined(kind))
            return Outcome<AgreementView?>.Invalid("kind", "種類（協定 Agreement・事務委託 Delegation）を選んでください。");
        if (TokyoDates.Parse(input.SignedOn) is not { } signedOn)
            return Outcome<AgreementView?>.Invalid("signedOn", "締結日を「2026-12-25」の形で入力してください。");
        if (InputRefusals.Date<AgreementView?>("signedOn", signedOn) is { } refused) return refused;
        var codes = (input.SignatoryCodes ?? []).Select(c => c?.Trim()).OfType<string>().Where(c => c.Length > 0).Distinct().ToList();
        if (codes.Count == 0) return Outcome<AgreementView?>.Invalid("signatoryCodes", "締結した団体を1つ以上選んでください。");
        var members = await db.Set<WorkspaceMember>().AsNoTracking().Where(m => m.WorkspaceId == workspaceId && m.State == MemberState.Active)
            .Select(m => m.OrganizationCode).ToListAsync(ct);
        if (codes.FirstOrDefault(c => !members.Contains(c)) is { } stranger)
            return Outcome<AgreementView?>.Invalid("signatoryCodes", $"団体コード「{stranger}」は参加中の団体ではありません。締結した団体は参加中の団体から選んでください。");

        FileCheck? check = null;
        if (document is not null)
        {
            check = await files.CheckAsync(document, UploadPurpose, ct);
            if (!check.Accepted) return check.ToOutcome<AgreementView?>("document");
        }
        var record = await db.Set<AgreementRecord>().FirstOrDefaultAsync(a => a.WorkspaceId == workspaceId, ct);
        if (record is null) db.Add(record = new AgreementRecord { WorkspaceId = workspaceId, RecordedBy = "" });
        record.Kind = kind;
        record.SignedOn = signedOn;
        record.SignatoryCodes = string.Join(',', codes);
        record.RecordedAt = workspace.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        record.RecordedBy = user.ActorLabel();
        var stored = check?.File is { } file ? files.Add(workspace.LeadOrganizationCode, file, user.ActorLabel(), user.UserId()) : null;
        await files.SaveAsync(() => { if (stored is not null) record.FileId = stored.Id; }, ct);
        return Outcome<AgreementView?>.Ok(await ViewAsync(record, ct));
    }

    /// <summary>Stores the signed document of an agreement already recorded (the API's separate upload).</summary>
    public async Task<Outcome<AgreementView?>> AttachAsync(long workspaceId, IFormFile? document, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var (workspace, seat) = await workspaces.SeatAsync(workspaceId, user, ct);
        if (workspace is null) return Outcome<AgreementView?>.NotFound("共同調達が見つかりません。");
        if (!seat.MayManage) return Outcome<AgreementView?>.Forbidden("協定書を登録できるのは代表団体です。");
        var record = await db.Set<AgreementRecord>().FirstOrDefaultAsync(a => a.WorkspaceId == workspaceId, ct);
        if (record is null) return Outcome<AgreementView?>.Conflict("先に協定（種類・締結日・締結した団体）を記録してください。");
        var check = await files.CheckAsync(document, UploadPurpose, ct);
        if (!check.Accepted) return check.ToOutcome<AgreementView?>("file");
        var stored = files.Add(workspace.LeadOrganizationCode, check.File!, user.ActorLabel(), user.UserId());
        record.RecordedAt = workspace.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        record.RecordedBy = user.ActorLabel();
        await files.SaveAsync(() => record.FileId = stored.Id, ct);
        return Outcome<AgreementView?>.Ok(await ViewAsync(record, ct));
    }

    public async Task<Outcome<AgreementDocument>> DocumentAsync(long workspaceId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var (workspace, _) = await workspaces.SeatAsync(workspaceId, user, ct);
        if (workspace is null) return Outcome<AgreementDocument>.NotFound("共同調達が見つかりません。");
        var fileId = await db.Set<AgreementRecord>().AsNoTracking().Where(a => a.WorkspaceId == workspaceId).Select(a => a.FileId).FirstOrDefaultAsync(ct);
        var file = fileId is { } id ? await files.FindAsync(id, ct) : null;
        var content = file is null ? null : await files.OpenReadAsync(file, ct);
        return content is null ? Outcome<AgreementDocument>.NotFound("協定書のファイルがありません。")
            : Outcome<AgreementDocument>.Ok(new(file!.FileName, file.ContentType, content));
    }

    private async Task<AgreementView> ViewAsync(AgreementRecord record, CancellationToken ct)
    {
        var codes = record.Signatories;
        var names = await db.Set<WorkspaceMember>().AsNoTracking().Where(m => m.WorkspaceId == record.WorkspaceId && codes.Contains(m.OrganizationCode))
            .ToDictionaryAsync(m => m.OrganizationCode, m => m.OrganizationName, ct);
        var file = record.FileId is { } id ? await files.FindAsync(id, ct) : null;
        return new(record.Id, record.Kind, record.Kind.ToJapanese(), record.SignedOn, Platform.Text.JapaneseCalendar.Format(record.SignedOn),
            [.. codes.Select(c => new Signatory(c, names.GetValueOrDefault(c, c)))], record.FileId, file?.FileName, record.RecordedAt, record.RecordedBy);
    }
}
