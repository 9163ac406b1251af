using System.Security.Claims;
using DxCollab.Platform.Data;
using DxCollab.Platform.Exports;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Results;
using DxCollab.Platform.Text;
using DxCollab.Platform.Validation;
using DxCollab.Procurement.Domain;
using DxCollab.Procurement.Workspaces;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Procurement.Documents;

/// <summary>The decisions register of a workspace: the lead records (日付, 決定事項, 根拠となる版, 出席団体); everyone who
/// reads the workspace reads it and may export it as xlsx.</summary>
public sealed class DecisionService(DxCollabDbContext db, WorkspaceService workspaces, TimeProvider clock)
{
    public static readonly IReadOnlyList<string> ExportHeaders = ["決定日", "決定日（和暦）", "決定事項", "根拠となる版", "出席団体", "記録者"];

    public async Task<Outcome<IReadOnlyList<DecisionView>>> ListAsync(long workspaceId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var (workspace, seat) = await workspaces.SeatAsync(workspaceId, user, ct);
        if (workspace is null) return Outcome<IReadOnlyList<DecisionView>>.NotFound("共同調達が見つかりません。");
        return Outcome<IReadOnlyList<DecisionView>>.Ok(await ViewsAsync(workspaceId, DocumentAccess.Visible(seat.Seat, workspace.Phase), ct));
    }

    public async Task<Outcome<DecisionView>> RecordAsync(long workspaceId, DecisionInput input, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var (workspace, seat) = await workspaces.SeatAsync(workspaceId, user, ct);
        if (workspace is null) return Outcome<DecisionView>.NotFound("共同調達が見つかりません。");
        if (!seat.MayManage) return Outcome<DecisionView>.Forbidden("決定事項を記録できるのは代表団体です。");
        if (input.DecidedOn is not { } date) return Outcome<DecisionView>.Invalid("decidedOn", "決定日を入力してください。");
        if (date > JapaneseCalendar.TodayInTokyo(clock.GetUtcNow())) return Outcome<DecisionView>.Invalid("decidedOn", "決定日に未来の日付は入力できません。");
        if ((InputRefusals.Date<DecisionView>("decidedOn", input.DecidedOn)
             ?? InputRefusals.Text<DecisionView>("matter", input.Matter, "決定事項を入力してください。")) is { } refused) return refused;
        if (JapaneseText.Clean(input.Matter) is not { Length: > 0 } matter) return Outcome<DecisionView>.Invalid("matter", "決定事項を入力してください。");
        if (matter.Length > 4000) return Outcome<DecisionView>.Invalid("matter", "決定事項は4000文字以内で入力してください。");
        if (input.BasisRevisionId is { } basis && !await db.Set<DocumentRevision>().AnyAsync(r => r.Id == basis && r.WorkspaceId == workspaceId, ct))
            return Outcome<DecisionView>.Invalid("basisRevisionId", "根拠となる版が、この共同調達の文書にありません。");
        var codes = (input.AttendeeCodes ?? []).OfType<string>().Select(c => c.Trim()).Where(c => c.Length > 0).Distinct().ToList();
        if (codes.Count == 0) return Outcome<DecisionView>.Invalid("attendeeCodes", "出席団体を1つ以上選んでください。");
        var members = await db.Set<WorkspaceMember>().AsNoTracking().Where(m => m.WorkspaceId == workspaceId).Select(m => m.OrganizationCode).ToListAsync(ct);
        if (codes.FirstOrDefault(c => !members.Contains(c)) is { } stranger)
            return Outcome<DecisionView>.Invalid("attendeeCodes", $"団体コード「{stranger}」はこの共同調達の参加団体ではありません。");
        var decision = new Decision
        {
            WorkspaceId = workspaceId, DecidedOn = date, Matter = matter, BasisRevisionId = input.BasisRevisionId, AttendeeCodes = string.Join(',', codes),
            RecordedAt = clock.GetUtcNow().UtcDateTime, RecordedBy = user.ActorLabel(),
        };
        db.Add(decision);
        await db.SaveChangesAsync(ct);
        return Outcome<DecisionView>.Ok((await ViewsAsync(workspaceId, DocumentAccess.Visible(seat.Seat, workspace.Phase), ct)).First(d => d.Id == decision.Id));
    }

    /// <summary>The register as an xlsx workbook (bytes: a register is a few dozen rows), with its file name.</summary>
    public async Task<Outcome<(string FileName, byte[] Content)>> ExportAsync(long workspaceId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var (workspace, seat) = await workspaces.SeatAsync(workspaceId, user, ct);
        if (workspace is null) return Outcome<(string, byte[])>.NotFound("共同調達が見つかりません。");
        var rows = (await ViewsAsync(workspaceId, DocumentAccess.Visible(seat.Seat, workspace.Phase), ct)).Select(d => (IReadOnlyList<object?>)
            [d.DecidedOn.ToString("yyyy-MM-dd"), d.DecidedOnJapanese, d.Matter, d.Basis ?? "", string.Join("、", d.Attendees.Select(a => a.OrganizationName)), d.RecordedBy]);
        using var buffer = new MemoryStream();
        TabularExport.WriteXlsx(buffer, ExportHeaders, rows, "決定事項");
        return Outcome<(string, byte[])>.Ok(($"決定事項_{workspace.Title}.xlsx", buffer.ToArray()));
    }

    /// <summary>The register oldest first, with 「仕様書 第3版」 for the basis and the attendees' names from the member rows
    /// (which are never deleted, so a 団体 that left keeps its name here).</summary>
    /// A basis in a document the reader may not see (機微 before the tender) is named 「閲覧できない文書」 without its id.
    private async Task<List<DecisionView>> ViewsAsync(long workspaceId, IReadOnlyList<Confidentiality> visible, CancellationToken ct)
    {
        var decisions = await db.Set<Decision>().AsNoTracking().Where(d => d.WorkspaceId == workspaceId).OrderBy(d => d.DecidedOn).ThenBy(d => d.Id).ToListAsync(ct);
        var basisIds = decisions.Where(d => d.BasisRevisionId is not null).Select(d => d.BasisRevisionId!.Value).Distinct().ToList();
        var bases = await (from r in db.Set<DocumentRevision>()
                           join doc in db.Set<ProcurementDocument>() on r.DocumentId equals doc.Id
                           where basisIds.Contains(r.Id)
                           select new { r.Id, doc.Title, r.Number, doc.Confidentiality }).ToListAsync(ct);
        var shown = bases.Where(x => visible.Contains(x.Confidentiality)).ToDictionary(x => x.Id, x => $"{x.Title} {RevisionLabels.Label(x.Number)}");
        var names = await db.Set<WorkspaceMember>().AsNoTracking().Where(m => m.WorkspaceId == workspaceId)
            .ToDictionaryAsync(m => m.OrganizationCode, m => m.OrganizationName, ct);
        return [.. decisions.Select(d => new DecisionView(d.Id, d.DecidedOn, JapaneseCalendar.Format(d.DecidedOn), d.Matter,
            d.BasisRevisionId is { } b && shown.ContainsKey(b) ? b : null,
            d.BasisRevisionId is { } c ? shown.GetValueOrDefault(c, "閲覧できない文書") : null,
            [.. d.Attendees.Select(c => new AttendeeView(c, names.GetValueOrDefault(c, c)))], d.RecordedAt, d.RecordedBy))];
    }
}
