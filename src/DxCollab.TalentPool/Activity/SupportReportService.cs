using System.Security.Claims;
using System.Text.Json;
using DxCollab.Platform.Calendar;
using DxCollab.Platform.Data;
using DxCollab.Platform.Files;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Results;
using DxCollab.Platform.Threads;
using DxCollab.Platform.Validation;
using DxCollab.TalentPool.Access;
using DxCollab.TalentPool.Domain;
using DxCollab.TalentPool.Matching;
using DxCollab.TalentPool.Requests;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.TalentPool.Activity;

/// <summary>Support reports (支援報告) of an assignment and its completion. A report is written as a draft and submitted
/// once (then locked); attachments are files of the Platform file store belonging to the supported 団体.</summary>
public sealed class SupportReportService(DxCollabDbContext db, BusinessCalendar calendar, CapacityLedger ledger, FileStore files, AssignmentNotices notices,
    TimeProvider clock)
{
    public const int MaxFiles = 5;
    private const string SubmittedMessage = "この報告は提出済みです。提出後は変更できません。";
    /// <summary>Attachments of support reports (議事メモ, 資料の添削版 …): 10 MB a file, <see cref="MaxFiles"/> per report.</summary>
    public const string UploadPurpose = "talent-report";

    private readonly AssignmentLoader loader = new(db);

    public async Task<Outcome<IReadOnlyList<ReportView>>> ListAsync(long assignmentId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var loaded = await loader.ReadAsync(assignmentId, user, ct);
        if (!loaded.Succeeded) return loaded.As<IReadOnlyList<ReportView>>();
        var today = calendar.Today(clock);
        var reports = await db.Set<SupportReport>().AsNoTracking().Where(r => r.AssignmentId == assignmentId).ToListAsync(ct);
        var described = await files.DescribeAsync([.. reports.SelectMany(FileIdsOf).Distinct()], ct);
        // A draft is the writer's own until it is submitted: the 団体's officers see that it is due, not what it says yet.
        var writer = user.MayLog(loaded.Value!.Assignment, loaded.Value.Expert);
        return Outcome<IReadOnlyList<ReportView>>.Ok([.. reports.OrderBy(r => r.DueDate).ThenBy(r => r.Id).Select(r => View(r, today, described))
            .Select(v => writer || v.SubmittedAt is not null ? v : v with { Body = null, FileIds = [], Files = [] })]);
    }

    /// <summary>Saves a report's text and attachments, or submits it. <paramref name="uploads"/> (the page's file input) are
    /// checked all before anything is stored, then stored with the report in one transaction: a refused file leaves
    /// nothing behind, and the page shows the text again.</summary>
    public async Task<Outcome<ReportView>> SaveAsync(long assignmentId, long reportId, ReportInput input, ClaimsPrincipal user, CancellationToken ct = default,
        IReadOnlyList<IFormFile>? uploads = null)
    {
        var loaded = await loader.ForLoggingAsync(assignmentId, user, ct);
        if (!loaded.Succeeded) return loaded.As<ReportView>();
        var report = await db.Set<SupportReport>().FirstOrDefaultAsync(r => r.Id == reportId && r.AssignmentId == assignmentId, ct);
        if (report is null) return Outcome<ReportView>.NotFound("報告が見つかりません。");
        if (report.SubmittedAt is not null) return Outcome<ReportView>.Conflict(SubmittedMessage);
        if (InputRefusals.Text<ReportView>("body", input.Body, input.Submit ? "提出する前に報告の内容を入力してください。" : null) is { } typed) return typed;
        var body = input.Body?.Trim();
        if (body is { Length: > 8000 }) return Outcome<ReportView>.Invalid("body", "報告は8000文字以内にしてください。");
        if (input.Submit && string.IsNullOrWhiteSpace(body)) return Outcome<ReportView>.Invalid("body", "提出する前に報告の内容を入力してください。");

        var organization = loaded.Value!.Assignment.OrganizationCode;
        var current = FileIdsOf(report);
        var fileIds = (input.FileIds ?? current).Distinct().ToList();
        var newFiles = (uploads ?? []).Where(u => u.Length > 0).ToList();
        if (fileIds.Count + newFiles.Count > MaxFiles)
            return Outcome<ReportView>.Invalid(newFiles.Count > 0 ? "uploads" : "fileIds",
                $"1 つの報告に添付できるファイルは {MaxFiles} 件までです（添付済み {fileIds.Count} 件、新しく {newFiles.Count} 件）。");
        var added = fileIds.Except(current).ToList();
        if (added.Count > 0)
        {
            // Only a file this user uploaded for the supported 団体 (never another 団体's, nor another user's by its number).
            var known = await files.DescribeAsync(added, ct);
            var userId = user.UserId();
            var missing = added.FirstOrDefault(id => !known.Any(f => f.Id == id && f.DeletedAt is null && f.OrganizationCode == organization
                && userId is not null && f.UploadedByUserId == userId));
            if (missing != 0) return Outcome<ReportView>.Invalid("fileIds", $"添付ファイル（番号 {missing}）が見つかりません。アップロードし直してください。");
        }
        var accepted = new List<CheckedFile>();
        foreach (var upload in newFiles)
        {
            var check = await files.CheckAsync(upload, UploadPurpose, ct);
            if (!check.Accepted) return check.ToOutcome<ReportView>("uploads");
            accepted.Add(check.File!);
        }

        // The row is claimed while still a draft (the read above may be stale): of a double 提出する, or a draft save racing
        // the submit, the later one finds it submitted — one submission, one notice, no text changed after it.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await db.Set<SupportReport>().Where(r => r.Id == report.Id && r.SubmittedAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(r => r.DueDate, r => r.DueDate), ct) == 0)
            return Outcome<ReportView>.Conflict(SubmittedMessage);
        report.Body = string.IsNullOrEmpty(body) ? null : body;
        if (input.Submit)
        {
            report.SubmittedAt = clock.GetUtcNow().UtcDateTime;
            report.SubmittedBy = user.ActorLabel();
            await notices.ReportSubmittedAsync(report, loaded.Value!.Assignment, loaded.Value.Expert, ct);
        }
        var stored = accepted.Select(f => files.Add(organization, f, user.ActorLabel(), user.UserId())).ToList();
        await files.SaveAsync(() => report.FileIdsJson = JsonSerializer.Serialize<List<long>>([.. fileIds, .. stored.Select(f => f.Id)]), ct);
        await transaction.CommitAsync(ct);
        return Outcome<ReportView>.Ok(View(report, calendar.Today(clock), await files.DescribeAsync(FileIdsOf(report), ct)));
    }

    /// <summary>Stores a file for a report of the assignment (its id then goes in <see cref="ReportInput.FileIds"/>), owned
    /// by the supported 団体: only the assigned expert and the prefecture's staff may upload.</summary>
    public async Task<Outcome<ReportFileView>> UploadAsync(long assignmentId, IFormFile? upload, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var loaded = await loader.ForLoggingAsync(assignmentId, user, ct);
        if (!loaded.Succeeded) return loaded.As<ReportFileView>();
        var check = await files.CheckAsync(upload, UploadPurpose, ct);
        if (!check.Accepted) return check.ToOutcome<ReportFileView>("file");
        var stored = files.Add(loaded.Value!.Assignment.OrganizationCode, check.File!, user.ActorLabel(), user.UserId());
        await files.SaveAsync(ct: ct);
        return Outcome<ReportFileView>.Ok(new(stored.Id, stored.FileName, stored.ContentType, stored.Length));
    }

    /// <summary>A file attached to a report of the assignment, for whoever may read the assignment (the expert, the 団体's
    /// officers, the staff); a file not attached to that report is "not found".</summary>
    public async Task<Outcome<AttachmentDownload>> DownloadAsync(long assignmentId, long reportId, long fileId, ClaimsPrincipal user,
        CancellationToken ct = default)
    {
        const string notFound = "添付ファイルが見つかりません。";
        var loaded = await loader.ReadAsync(assignmentId, user, ct);
        if (!loaded.Succeeded) return loaded.As<AttachmentDownload>();
        var report = await db.Set<SupportReport>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == reportId && r.AssignmentId == assignmentId, ct);
        if (report is null || !FileIdsOf(report).Contains(fileId)) return Outcome<AttachmentDownload>.NotFound(notFound);
        // A draft's files, like its text, are the writer's until it is submitted.
        if (report.SubmittedAt is null && !user.MayLog(loaded.Value!.Assignment, loaded.Value.Expert)) return Outcome<AttachmentDownload>.NotFound(notFound);
        var file = (await files.DescribeAsync([fileId], ct)).FirstOrDefault();
        var content = file is null ? null : await files.ReadAsync(file, ct);
        return file is null || content is null ? Outcome<AttachmentDownload>.NotFound(notFound)
            : Outcome<AttachmentDownload>.Ok(new AttachmentDownload(file.FileName, file.ContentType, content));
    }

    public UploadPolicy UploadPolicy => files.Policy(UploadPurpose);

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
        var wasCompleted = request.State == RequestState.Completed;
        if (!await RequestStateMove.SaveAsync(db, request, r => RequestStateMove.SettleAsync(db, r, now, ct), ct))
            return Outcome<ReportView>.Conflict(RequestStateMove.Conflict);
        if (!wasCompleted && request.State == RequestState.Completed)
        {
            await notices.RequestCompletedAsync(request, ct);
            await db.SaveChangesAsync(ct);
        }
        await transaction.CommitAsync(ct);
        return Outcome<ReportView>.Ok(View(final, today, await files.DescribeAsync(FileIdsOf(final), ct)));
    }

    private static List<long> FileIdsOf(SupportReport r) => JsonSerializer.Deserialize<List<long>>(r.FileIdsJson) ?? [];

    private ReportView View(SupportReport r, DateOnly today, IReadOnlyList<StoredFile> described)
    {
        var ids = FileIdsOf(r);
        var attached = described.Where(f => ids.Contains(f.Id) && f.DeletedAt is null)
            .Select(f => new ReportFileView(f.Id, f.FileName, f.ContentType, f.Length)).ToList();
        return new(r.Id, r.AssignmentId, r.Kind, r.Kind.ToJapanese(), r.ActivityId, r.DueDate, r.Body, ids, r.SubmittedAt, r.SubmittedBy,
            calendar.BusinessDaysLeft(today, r.DueDate), attached);
    }
}
