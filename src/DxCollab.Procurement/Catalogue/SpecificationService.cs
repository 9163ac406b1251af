using System.Security.Claims;
using DxCollab.Platform.Data;
using DxCollab.Platform.Files;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Messaging;
using DxCollab.Platform.Organizations;
using DxCollab.Platform.Results;
using DxCollab.Platform.Text;
using DxCollab.Platform.Validation;
using DxCollab.Procurement.Access;
using DxCollab.Procurement.CrossTenant;
using DxCollab.Procurement.Workspaces;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Procurement.Catalogue;

/// <summary>The specification on request: a reader of any tenant asks (a message to the source tenant), the source's lead
/// body approves or refuses (a message back). Only messages cross tenants; each side keeps its own record.</summary>
public sealed class SpecificationService(DxCollabDbContext db, TimeProvider clock, WorkspaceService workspaces, OrganizationDirectory organizations,
    LeadTenantClient sourceTenant, FileGrants grants)
{
    public async Task<Outcome<SpecificationAskView>> RequestAsync(long caseId, SpecificationRequestInput input, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (user.ActingOrganizationCode() is not { } code || await organizations.FindAsync(code, ct) is not { } organization)
            return Outcome<SpecificationAskView>.Forbidden("仕様書の提供を求められるのは、団体の担当者と都道府県の職員です。");
        var row = await db.Set<CatalogueCase>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId, ct);
        if (row is null) return Outcome<SpecificationAskView>.NotFound("事例が見つかりません。");
        if (!row.SpecificationShareable) return Outcome<SpecificationAskView>.Conflict("この事例の仕様書は提供の対象ではありません。");
        if (InputRefusals.Text<SpecificationAskView>("reason", input.Reason) is { } refused) return refused;
        var reason = JapaneseText.Clean(input.Reason);
        if (reason is { Length: > 2000 }) return Outcome<SpecificationAskView>.Invalid("reason", "利用目的は2000文字以内で入力してください。");
        if (await db.Set<SpecificationAsk>().AnyAsync(a => a.CaseKey == row.CaseKey && a.OrganizationCode == code
                && a.State == SpecificationRequestState.Pending, ct))
            return Outcome<SpecificationAskView>.Conflict("この事例の仕様書はすでに求めています。回答をお待ちください。");
        var now = clock.GetUtcNow().UtcDateTime;
        var tenant = db.CurrentTenantId!;
        var ask = new SpecificationAsk
        {
            RequestKey = Guid.NewGuid(), CaseKey = row.CaseKey, CaseTitle = row.Title, SourceTenant = row.SourceTenant, OrganizationCode = code,
            RequestedBy = user.ActorLabel(), Reason = reason, RequestedAt = now, State = SpecificationRequestState.Pending,
        };
        db.Add(ask);
        db.SendToTenant(new SpecificationRequested(row.SourceTenant, ask.RequestKey, row.CaseKey, tenant, code,
            organization.Name, user.ActorLabel(), reason, now), $"specification-request:{ask.RequestKey}", now);
        await db.SaveChangesAsync(ct);
        return Outcome<SpecificationAskView>.Ok(View(ask));
    }

    /// <summary>The requests the user's organisation sent (the prefecture's staff: every one of the tenant).</summary>
    public async Task<IReadOnlyList<SpecificationAskView>> MyAsksAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var asks = db.Set<SpecificationAsk>().AsNoTracking();
        if (!user.IsPrefectureStaff()) { var code = user.ActingOrganizationCode(); asks = asks.Where(a => a.OrganizationCode == code); }
        return [.. (await asks.OrderByDescending(a => a.Id).ToListAsync(ct)).Select(View)];
    }

    /// <summary>The specification of an approved request, as the source tenant grants it now (its latest revision). The
    /// requester's record says only whether to ask: the source checks its own record of the approval at each download.</summary>
    public async Task<Outcome<GrantedFile>> DownloadAsync(long askId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var asks = db.Set<SpecificationAsk>().AsNoTracking().Where(a => a.Id == askId);
        if (!user.IsPrefectureStaff()) { var code = user.ActingOrganizationCode(); asks = asks.Where(a => a.OrganizationCode == code); }
        if (await asks.FirstOrDefaultAsync(ct) is not { } ask) return Outcome<GrantedFile>.NotFound("仕様書の提供依頼が見つかりません。");
        if (ask.State == SpecificationRequestState.Pending) return Outcome<GrantedFile>.Conflict("代表団体がまだ回答していません。提供が決まるとダウンロードできます。");
        if (ask.State == SpecificationRequestState.Refused) return Outcome<GrantedFile>.Forbidden("この依頼では仕様書は提供されませんでした。");
        var asked = await sourceTenant.AskAsync<SpecificationFileRequested, SpecificationFileAnswer>(
            new SpecificationFileRequested(ask.SourceTenant, ask.RequestKey, db.CurrentTenantId!, ask.OrganizationCode), ask.SourceTenant, ct);
        if (!asked.Succeeded) return asked.As<GrantedFile>();
        if (!asked.Value!.Granted) return Outcome<GrantedFile>.NotFound("代表団体の都道府県から仕様書を受け取れませんでした（提供が取り消されたか、文書がありません）。");
        return await grants.OpenAsync(asked.Value.Grant, ct) is { } file
            ? Outcome<GrantedFile>.Ok(file)
            : Outcome<GrantedFile>.NotFound("ファイルを開けませんでした。もう一度ダウンロードしてください。");
    }

    /// <summary>Requests for a workspace's specification: the lead body (and the prefecture's staff, reading) see them.</summary>
    public async Task<Outcome<IReadOnlyList<SpecificationRequestView>>> RequestsAsync(long workspaceId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var (workspace, seat) = await workspaces.SeatAsync(workspaceId, user, ct);
        if (workspace is null) return Outcome<IReadOnlyList<SpecificationRequestView>>.NotFound("共同調達が見つかりません。");
        if (!seat.MayManage && seat.Seat != Seat.StaffReader)
            return Outcome<IReadOnlyList<SpecificationRequestView>>.Forbidden("仕様書の提供依頼を見られるのは代表団体です。");
        var rows = await db.Set<SpecificationRequest>().AsNoTracking().Where(r => r.WorkspaceId == workspaceId).OrderByDescending(r => r.Id).ToListAsync(ct);
        return Outcome<IReadOnlyList<SpecificationRequestView>>.Ok([.. rows.Select(View)]);
    }

    public async Task<Outcome<SpecificationRequestView>> DecideAsync(long workspaceId, long requestId, SpecificationDecisionInput input, ClaimsPrincipal user,
        CancellationToken ct = default)
    {
        var (workspace, seat) = await workspaces.SeatAsync(workspaceId, user, ct);
        if (workspace is null) return Outcome<SpecificationRequestView>.NotFound("共同調達が見つかりません。");
        var request = await db.Set<SpecificationRequest>().FirstOrDefaultAsync(r => r.Id == requestId && r.WorkspaceId == workspaceId, ct);
        if (request is null) return Outcome<SpecificationRequestView>.NotFound("提供依頼が見つかりません。");
        if (!seat.MayManage) return Outcome<SpecificationRequestView>.Forbidden("仕様書の提供を決めるのは代表団体です。");
        if (input.Approve is not { } approve) return Outcome<SpecificationRequestView>.Invalid("approve", "提供するか（true）しないか（false）を選んでください。");
        if (InputRefusals.Text<SpecificationRequestView>("note", input.Note) is { } refused) return refused;
        var note = JapaneseText.Clean(input.Note);
        if (note is { Length: > 2000 }) return Outcome<SpecificationRequestView>.Invalid("note", "連絡事項は2000文字以内で入力してください。");
        if (request.State != SpecificationRequestState.Pending) return Outcome<SpecificationRequestView>.Conflict("この依頼にはすでに回答しています。");
        var now = clock.GetUtcNow().UtcDateTime;
        request.State = approve ? SpecificationRequestState.Approved : SpecificationRequestState.Refused;
        (request.DecidedAt, request.DecidedBy, request.DecisionNote) = (now, user.ActorLabel(), note);
        db.SendToTenant(new SpecificationRequestDecided(request.RequesterTenant, request.RequestKey, approve,
            note, now), $"specification-request:{request.RequestKey}", now);
        await db.SaveChangesAsync(ct);
        return Outcome<SpecificationRequestView>.Ok(View(request));
    }

    private static SpecificationAskView View(SpecificationAsk a) => new(a.Id, a.RequestKey, a.CaseKey, a.CaseTitle, a.SourceTenant, a.RequestedBy,
        a.Reason, a.RequestedAt, a.State, a.State.ToJapanese(), a.DecidedAt, a.DecisionNote);

    private static SpecificationRequestView View(SpecificationRequest r) => new(r.Id, r.RequestKey, r.RequesterTenant, r.RequesterOrganizationCode,
        r.RequesterOrganizationName, r.RequestedBy, r.Reason, r.RequestedAt, r.State, r.State.ToJapanese(), r.DecidedAt, r.DecidedBy, r.DecisionNote);
}
