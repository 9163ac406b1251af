using System.Security.Claims;
using System.Text.Json;
using DxCollab.Platform.Calendar;
using DxCollab.Platform.Data;
using DxCollab.Platform.Files;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Results;
using DxCollab.TalentPool.Domain;
using DxCollab.TalentPool.Matching;
using DxCollab.TalentPool.Requests;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.TalentPool.Activity;

/// <summary>Support reports (支援報告) of an assignment and its completion. A report is written as a draft and submitted
/// once (then locked); attachments are files of the Platform file store belonging to the supported 団体.</summary>
public sealed class SupportReportService(DxCollabDbContext db, BusinessCalendar calendar, CapacityLedger ledger, FileStore files, TimeProvider clock)
{
    public const int MaxFiles = 5;

    private readonly AssignmentLoader loader = new(db);

    public async Task<Outcome<IReadOnlyList<ReportView>>> ListAsync(long assignmentId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var loaded = await loader.ReadAsync(assignmentId, user, ct);
        if (!loaded.Succeeded) return loaded.As<IReadOnlyList<ReportView>>();
        var today = calendar.Today(clock);
        var reports = await db.Set<SupportReport>().AsNoTracking().Where(r => r.AssignmentId == assignmentId).ToListAsync(ct);
        return Outcome<IReadOnlyList<ReportView>>.Ok([.. reports.OrderBy(r => r.DueDate).ThenBy(r => r.Id).Select(r => View(r, today))]);
    }

    public async Task<Outcome<ReportView>> SaveAsync(long assignmentId, long reportId, ReportInput input, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var loaded = await loader.ForLoggingAsync(assignmentId, user, ct);
        if (!loaded.Succeeded) return loaded.As<ReportView>();
        var report = await db.Set<SupportReport>().FirstOrDefaultAsync(r => r.Id == reportId && r.AssignmentId == assignmentId, ct);
        if (report is null) return Outcome<ReportView>.NotFound("報告が見つかりません。");
        if (report.SubmittedAt is not null) return Outcome<ReportView>.Conflict("この報告は提出済みです。提出後は変更できません。");
        var body = input.Body?.Trim();
        if (body is { Length: > 8000 }) return Outcome<ReportView>.Invalid("body", "報告は8000文字以内にしてください。");
        if (input.Submit && string.IsNullOrWhiteSpace(body)) return Outcome<ReportView>.Invalid("body", "提出する前に報告の内容を入力してください。");
        var fileIds = (input.FileIds ?? []).Distinct().ToList();
        if (fileIds.Count > MaxFiles) return Outcome<ReportView>.Invalid("fileIds", $"添付できるファイルは {MaxFiles} 件までです。");
        if (fileIds.Count > 0)
        {
            var known = await files.DescribeAsync(fileIds, ct);
            var organization = loaded.Value!.Assignment.OrganizationCode;
            if (fileIds.Any(id => !known.Any(f => f.Id == id && f.DeletedAt is null && f.OrganizationCode == organization)))
                return Outcome<ReportView>.Invalid("fileIds", "添付ファイルが見つかりません。アップロードし直してください。");
        }

        report.Body = string.IsNullOrEmpty(body) ? null : body;
        report.FileIdsJson = JsonSerializer.Serialize(fileIds);
        if (input.Submit)
        {
            report.SubmittedAt = clock.GetUtcNow().UtcDateTime;
            report.SubmittedBy = user.ActorLabel();
        }
        await db.SaveChangesAsync(ct);
        return Outcome<ReportView>.Ok(View(report, calendar.Today(clock)));
    }

    /// <summary>Ends the assignment (the expert or the staff): the final report becomes due 5 開庁日 from today, the hours
    /// booked in the months after this one go back to the expert's capacity, and when every assignment of the request has
    /// ended the request is 完了.</summary>
    public async Task<Outcome<ReportView>> CompleteAsync(long assignmentId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var loaded = await loader.ForLoggingAsync(assignmentId, user, ct);
        if (!loaded.Succeeded) return loaded.As<ReportView>();
        var assignment = loaded.Value!.Assignment;
        var today = calendar.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Claimed by one conditional update (the row read above may be stale): of a double submit, the expert and the
        // staff at once, or a completion racing a cancel, only one ends the assignment and gives its hours back.
        var claimed = await db.Set<Assignment>().Where(a => a.Id == assignment.Id && (a.State == AssignmentState.Planned || a.State == AssignmentState.Active))
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.State, AssignmentState.Completed).SetProperty(a => a.CompletedAt, now), ct);
        if (claimed == 0) return Outcome<ReportView>.Conflict(AssignmentLoader.EndedMessage);
        db.Entry(assignment).State = EntityState.Detached; // changed by the update above
        var final = await db.Set<SupportReport>().FirstOrDefaultAsync(r => r.AssignmentId == assignment.Id && r.Kind == ReportKind.Final, ct);
        var due = ReportDue.Final(calendar, assignment.EndMonth, today);
        if (final is null) db.Add(final = new SupportReport { AssignmentId = assignment.Id, Kind = ReportKind.Final, DueDate = due });
        else if (final.SubmittedAt is null && due < final.DueDate) final.DueDate = due;

        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var unused = CapacityLedger.Months(assignment.StartMonth, assignment.EndMonth).Where(m => m > thisMonth).ToList();
        if (unused.Count > 0) await ledger.ReleaseAsync(assignment.ExpertId, unused, assignment.HoursPerMonth, ct);

        var request = await db.Set<SupportRequest>().FirstAsync(r => r.Id == assignment.RequestId, ct);
        if (!await RequestStateMove.SaveAsync(db, request, r => RequestStateMove.SettleAsync(db, r, now, ct), ct))
            return Outcome<ReportView>.Conflict(RequestStateMove.Conflict);
        await transaction.CommitAsync(ct);
        return Outcome<ReportView>.Ok(View(final, today));
    }

    internal ReportView View(SupportReport r, DateOnly today) => new(r.Id, r.AssignmentId, r.Kind, r.Kind.ToJapanese(), r.ActivityId, r.DueDate, r.Body,
        JsonSerializer.Deserialize<List<long>>(r.FileIdsJson) ?? [], r.SubmittedAt, r.SubmittedBy, calendar.BusinessDaysLeft(today, r.DueDate));
}
