using System.Security.Claims;
using DxCollab.Platform.Calendar;
using DxCollab.Platform.Data;
using DxCollab.Platform.Files;
using DxCollab.Platform.Notifications;
using DxCollab.Platform.ReferenceData;
using DxCollab.Platform.Results;
using DxCollab.Platform.Text;
using DxCollab.Standardization.Files;
using DxCollab.Standardization.Tracking;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Standardization.Inquiries;

public sealed record NewInquiry(string OrganizationCode, int? Business, int? Step, string? Title, string? Body);

/// <summary>課題・質問 threads between a 団体 and its prefecture. A 団体's officers ask and follow up; the prefecture's
/// staff answer. A new question (or a follow-up) tells the prefecture's staff, an answer tells the 団体's officers;
/// the notice commits with the message. A municipality never reaches another municipality's threads: they are
/// "not found" to it.</summary>
public sealed class InquiryService(DxCollabDbContext db, FileStore files, NotificationService notifications, BusinessCalendar calendar,
    TimeProvider clock)
{
    public const int MaxTitle = 200, MaxBody = 4000;
    public const string NotificationCategory = "migration-inquiry";

    public async Task<Outcome<IReadOnlyList<InquirySummary>>> ListAsync(InquiryFilter filter, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var visible = Visible(user);
        if (visible is null) return Outcome<IReadOnlyList<InquirySummary>>.Forbidden("課題・質問を見られるのは、団体の担当者と都道府県の職員だけです。");
        if (filter.Status is { } status) visible = visible.Where(i => i.Status == status);
        if (!string.IsNullOrWhiteSpace(filter.OrganizationCode)) visible = visible.Where(i => i.OrganizationCode == filter.OrganizationCode);
        if (filter.Business is { } business) visible = visible.Where(i => i.BusinessNumber == business);
        var rows = await visible.AsNoTracking().ToListAsync(ct);
        var summaries = await SummarizeAsync(rows, ct);
        // Longest waiting first; then the rest, latest activity first.
        return Outcome<IReadOnlyList<InquirySummary>>.Ok(summaries
            .OrderBy(s => s.WaitingSince is null).ThenBy(s => s.WaitingSince).ThenByDescending(s => s.LastActivityAt).ThenByDescending(s => s.Id).ToList());
    }

    public async Task<Outcome<InquiryThread>> CreateAsync(NewInquiry request, IReadOnlyList<IFormFile> attachments, ClaimsPrincipal user,
        CancellationToken ct = default)
    {
        if (OwnRecordsAccess.OwnOrganization(user) != request.OrganizationCode)
            return Outcome<InquiryThread>.Forbidden("課題・質問を登録できるのは、その団体の担当者だけです（都道府県の職員は回答する側です）。");
        var org = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == request.OrganizationCode && o.AbolishedOn == null, ct);
        if (org is null) return Outcome<InquiryThread>.NotFound($"団体コード「{request.OrganizationCode}」の団体はこの都道府県にありません。");
        if (request.Business is { } business && !MigrationCatalog.BusinessesOf(org.Type).Contains(business))
            return Outcome<InquiryThread>.Invalid("business", $"業務番号 {business} は{org.Name}が報告する業務ではありません。");
        if (request.Step is { } step)
        {
            if (request.Business is null) return Outcome<InquiryThread>.Invalid("step", "ステップについて質問するときは業務も選んでください。");
            if (step is < 1 or > MigrationCatalog.StepCount) return Outcome<InquiryThread>.Invalid("step", "ステップは 1〜40 で指定してください。");
        }
        var title = request.Title?.Trim() ?? "";
        if (title.Length == 0) return Outcome<InquiryThread>.Invalid("title", "件名を入力してください。");
        if (title.Length > MaxTitle) return Outcome<InquiryThread>.Invalid("title", $"件名は {MaxTitle} 文字以内にしてください。");
        var bodyError = CheckBody(request.Body, "質問の内容");
        if (bodyError is not null) return Outcome<InquiryThread>.Invalid("body", bodyError);
        var (checkedFiles, refusal) = await CheckFilesAsync(attachments, ct);
        if (refusal is not null) return refusal;

        var now = clock.GetUtcNow().UtcDateTime;
        var inquiry = new Inquiry
        {
            OrganizationCode = org.Code, BusinessNumber = request.Business, StepNumber = request.Step, Title = title, Status = InquiryStatus.Open,
            CreatedAt = now, CreatedBy = OwnRecordsAccess.Actor(user), WaitingSince = now, LastActivityAt = now,
        };
        db.Add(inquiry);
        await AttachAndSaveAsync(inquiry, () => NewMessage(inquiry, InquiryEntryKind.Message, request.Body!.Trim(), user, now), checkedFiles, user, async () =>
            await notifications.NotifyPrefectureStaffAsync(new NotificationMessage(NotificationCategory,
                $"{org.Name}から課題・質問「{Shorten(title)}」", $"{org.Name}から新しい課題・質問が届きました。\n\n{About(inquiry)}\n件名: {title}",
                Link(inquiry)) { SourceKey = SourceKey(inquiry) }, ct), ct);
        return await GetAsync(inquiry.Id, user, ct);
    }

    public async Task<Outcome<InquiryThread>> GetAsync(long id, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var inquiry = await FindAsync(id, user, tracked: false, ct);
        if (inquiry is null) return NotFound<InquiryThread>();
        var summary = (await SummarizeAsync([inquiry], ct))[0];
        var messages = await db.Set<InquiryMessage>().AsNoTracking().Where(m => m.InquiryId == id).OrderBy(m => m.PostedAt).ThenBy(m => m.Id).ToListAsync(ct);
        var attachments = (await (from a in db.Set<InquiryAttachment>().AsNoTracking()
                                  join f in db.Set<StoredFile>().AsNoTracking() on a.FileId equals f.Id
                                  where a.InquiryId == id
                                  orderby a.Id
                                  select new { a.MessageId, View = new AttachmentView(a.Id, f.FileName, f.ContentType, f.Length) }).ToListAsync(ct))
            .ToLookup(a => a.MessageId, a => a.View);
        var entries = messages.Select(m => new InquiryEntryView(m.Id, m.Kind, m.Body, m.FromPrefecture, m.AuthorName, Utc(m.PostedAt),
            attachments[m.Id].ToList())).ToList();
        var closed = inquiry.Status == InquiryStatus.Closed;
        return Outcome<InquiryThread>.Ok(new InquiryThread(summary, entries, CanReply: !closed, CanClose: !closed, CanReopen: closed));
    }

    public async Task<Outcome<InquiryThread>> ReplyAsync(long id, string? body, IReadOnlyList<IFormFile> attachments, ClaimsPrincipal user,
        CancellationToken ct = default)
    {
        var inquiry = await FindAsync(id, user, tracked: true, ct);
        if (inquiry is null) return NotFound<InquiryThread>();
        if (inquiry.Status == InquiryStatus.Closed)
            return Outcome<InquiryThread>.Conflict("この課題・質問は終了しています。再開してから返信してください。", "body");
        var bodyError = CheckBody(body, "返信の内容");
        if (bodyError is not null) return Outcome<InquiryThread>.Invalid("body", bodyError);
        var (checkedFiles, refusal) = await CheckFilesAsync(attachments, ct);
        if (refusal is not null) return refusal;

        var now = clock.GetUtcNow().UtcDateTime;
        var fromPrefecture = OwnRecordsAccess.IsPrefectureStaff(user);
        inquiry.LastActivityAt = now;
        if (fromPrefecture)
        {
            inquiry.Status = InquiryStatus.Answered;
            inquiry.WaitingSince = null;
        }
        else
        {
            // A follow-up question waits again (from now, unless an earlier question is still unanswered).
            inquiry.Status = InquiryStatus.Open;
            inquiry.WaitingSince ??= now;
        }
        var orgName = await OrganizationNameAsync(inquiry.OrganizationCode, ct);
        await AttachAndSaveAsync(inquiry, () => NewMessage(inquiry, InquiryEntryKind.Message, body!.Trim(), user, now), checkedFiles, user, async () =>
        {
            if (fromPrefecture)
                await notifications.NotifyOrganizationAsync(inquiry.OrganizationCode, new NotificationMessage(NotificationCategory,
                    $"課題・質問「{Shorten(inquiry.Title)}」に回答がありました", $"都道府県から回答がありました。\n\n{About(inquiry)}\n件名: {inquiry.Title}",
                    Link(inquiry)) { SourceKey = SourceKey(inquiry) }, ct);
            else
                await notifications.NotifyPrefectureStaffAsync(new NotificationMessage(NotificationCategory,
                    $"{orgName}から課題・質問「{Shorten(inquiry.Title)}」への追加の質問", $"{orgName}が課題・質問に書き込みました。\n\n{About(inquiry)}\n件名: {inquiry.Title}",
                    Link(inquiry)) { SourceKey = SourceKey(inquiry) }, ct);
        }, ct);
        return await GetAsync(id, user, ct);
    }

    /// <summary>Either side closes (終了) or reopens (回答待ち again); the change is an entry of the thread.</summary>
    public async Task<Outcome<InquiryThread>> SetClosedAsync(long id, bool close, string? comment, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var inquiry = await FindAsync(id, user, tracked: true, ct);
        if (inquiry is null) return NotFound<InquiryThread>();
        if (comment is { Length: > MaxBody }) return Outcome<InquiryThread>.Invalid("comment", $"コメントは {MaxBody} 文字以内にしてください。");
        if ((inquiry.Status == InquiryStatus.Closed) == close)
            return Outcome<InquiryThread>.Conflict(close ? "この課題・質問はすでに終了しています。" : "この課題・質問は終了していません。");
        var now = clock.GetUtcNow().UtcDateTime;
        db.Add(NewMessage(inquiry, close ? InquiryEntryKind.Closed : InquiryEntryKind.Reopened, comment?.Trim() ?? "", user, now));
        inquiry.LastActivityAt = now;
        if (close)
        {
            inquiry.Status = InquiryStatus.Closed;
            inquiry.WaitingSince = null;
            inquiry.ClosedAt = now;
            inquiry.ClosedBy = OwnRecordsAccess.Actor(user);
        }
        else
        {
            inquiry.Status = InquiryStatus.Open;
            inquiry.WaitingSince = now;
            inquiry.ClosedAt = null;
            inquiry.ClosedBy = null;
        }
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, user, ct);
    }

    public async Task<Outcome<AttachmentDownload>> DownloadAttachmentAsync(long inquiryId, long attachmentId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (await FindAsync(inquiryId, user, tracked: false, ct) is null) return NotFound<AttachmentDownload>("添付ファイルが見つかりません。");
        var file = await (from a in db.Set<InquiryAttachment>().AsNoTracking()
                          join f in db.Set<StoredFile>().AsNoTracking() on a.FileId equals f.Id
                          where a.Id == attachmentId && a.InquiryId == inquiryId
                          select f).FirstOrDefaultAsync(ct);
        var content = file is null ? null : await files.ReadAsync(file, ct);
        return content is null
            ? NotFound<AttachmentDownload>("添付ファイルが見つかりません。")
            : Outcome<AttachmentDownload>.Ok(new AttachmentDownload(file!.FileName, file.ContentType, content));
    }

    /// <summary>Threads waiting for the prefecture's answer, among those the user may see (the dashboard's count).</summary>
    public async Task<int> CountOpenAsync(ClaimsPrincipal user, CancellationToken ct = default) =>
        Visible(user) is { } visible ? await visible.CountAsync(i => i.Status == InquiryStatus.Open, ct) : 0;

    /// <summary>Threads about one step of one 団体 (for the step page), as the user may see them.</summary>
    public async Task<IReadOnlyList<InquirySummary>> ForStepAsync(string organizationCode, int business, int step, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var visible = Visible(user);
        if (visible is null) return [];
        var rows = await visible.AsNoTracking().Where(i => i.OrganizationCode == organizationCode && i.BusinessNumber == business && i.StepNumber == step)
            .OrderByDescending(i => i.LastActivityAt).ToListAsync(ct);
        return await SummarizeAsync(rows, ct);
    }

    /// <summary>開庁日 waited: the days after the question was posted up to today (Asia/Tokyo), closed days not counted.</summary>
    public int WaitingBusinessDays(DateTime waitingSinceUtc) => WaitingBusinessDays(calendar, waitingSinceUtc, calendar.Today(clock));

    /// <summary>Asked on a Friday and read the next Tuesday: 2 (Monday and Tuesday); asked today: 0. The day of asking
    /// does not count, and neither do 土日・祝日・年末年始.</summary>
    public static int WaitingBusinessDays(BusinessCalendar calendar, DateTime waitingSinceUtc, DateOnly todayInTokyo) =>
        calendar.BusinessDaysBetween(JapaneseCalendar.TokyoDate(waitingSinceUtc), todayInTokyo);

    /// <summary>The prefecture's staff see every thread of the tenant; a municipality's officers their 団体's; others none.</summary>
    private IQueryable<Inquiry>? Visible(ClaimsPrincipal user)
    {
        if (OwnRecordsAccess.IsPrefectureStaff(user)) return db.Set<Inquiry>();
        var own = OwnRecordsAccess.OwnOrganization(user);
        return own is null ? null : db.Set<Inquiry>().Where(i => i.OrganizationCode == own);
    }

    private async Task<Inquiry?> FindAsync(long id, ClaimsPrincipal user, bool tracked, CancellationToken ct)
    {
        var visible = Visible(user);
        if (visible is null) return null;
        if (!tracked) visible = visible.AsNoTracking();
        return await visible.FirstOrDefaultAsync(i => i.Id == id, ct);
    }

    private async Task<List<InquirySummary>> SummarizeAsync(IReadOnlyList<Inquiry> rows, CancellationToken ct)
    {
        var codes = rows.Select(r => r.OrganizationCode).Distinct().ToList();
        var names = await db.Organizations.AsNoTracking().Where(o => codes.Contains(o.Code)).ToDictionaryAsync(o => o.Code, o => o.Name, ct);
        var ids = rows.Select(r => r.Id).ToList();
        var counts = await db.Set<InquiryMessage>().AsNoTracking().Where(m => ids.Contains(m.InquiryId) && m.Kind == InquiryEntryKind.Message)
            .GroupBy(m => m.InquiryId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return rows.Select(i => new InquirySummary(i.Id, i.OrganizationCode, names.GetValueOrDefault(i.OrganizationCode, i.OrganizationCode),
            i.BusinessNumber, BusinessName(i.BusinessNumber), i.StepNumber, StepId(i.StepNumber), i.Title, i.Status, i.Status.JapaneseName(),
            Utc(i.CreatedAt), i.CreatedBy, i.WaitingSince is { } w ? Utc(w) : null, i.WaitingSince is { } since ? WaitingBusinessDays(since) : null,
            counts.GetValueOrDefault(i.Id), Utc(i.LastActivityAt))).ToList();
    }

    private async Task<(List<CheckedFile> Files, Outcome<InquiryThread>? Refusal)> CheckFilesAsync(IReadOnlyList<IFormFile> attachments, CancellationToken ct)
    {
        // A file input left empty still posts a part with no name and no bytes: that is "no attachment", not an error.
        var present = attachments.Where(f => !(f.Length == 0 && string.IsNullOrWhiteSpace(f.FileName))).ToList();
        var policy = files.Policy(MigrationUploads.Files);
        if (present.Count > policy.MaxFilesPerRequest)
            return ([], Outcome<InquiryThread>.Invalid("files", $"添付できるファイルは 1 回に {policy.MaxFilesPerRequest} 個までです。"));
        var result = new List<CheckedFile>();
        foreach (var upload in present)
        {
            var check = await files.CheckAsync(upload, MigrationUploads.Files, ct);
            if (!check.Accepted)
                return ([], check.Refusal == FileRefusal.Missing
                    ? Outcome<InquiryThread>.Invalid("files", $"添付ファイル「{FileTypes.CleanName(upload.FileName)}」が空です。")
                    : check.ToOutcome<InquiryThread>("files"));
            result.Add(check.File!);
        }
        return (result, null);
    }

    /// <summary>Saves the thread (new or changed), its new message, the files (bytes included) and the notice in one
    /// transaction. The message is made once the thread has its id.</summary>
    private async Task AttachAndSaveAsync(Inquiry inquiry, Func<InquiryMessage> makeMessage, List<CheckedFile> attachments, ClaimsPrincipal user,
        Func<Task> notify, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (db.Entry(inquiry).State == EntityState.Added) await db.SaveChangesAsync(ct);
        var message = makeMessage();
        db.Add(message);
        var stored = attachments.Select(f => files.Add(inquiry.OrganizationCode, f, OwnRecordsAccess.Actor(user), OwnRecordsAccess.UserId(user))).ToList();
        await notify();
        await files.SaveAsync(() =>
        {
            foreach (var file in stored)
                db.Add(new InquiryAttachment { InquiryId = inquiry.Id, MessageId = message.Id, FileId = file.Id });
        }, ct);
        await transaction.CommitAsync(ct);
    }

    private static InquiryMessage NewMessage(Inquiry inquiry, InquiryEntryKind kind, string body, ClaimsPrincipal user, DateTime now) => new()
    {
        InquiryId = inquiry.Id, Kind = kind, Body = body, FromPrefecture = OwnRecordsAccess.IsPrefectureStaff(user),
        AuthorName = OwnRecordsAccess.DisplayName(user), AuthorEmail = OwnRecordsAccess.Actor(user), AuthorUserId = OwnRecordsAccess.UserId(user),
        PostedAt = now,
    };

    private static string? CheckBody(string? body, string what)
    {
        var text = body?.Trim() ?? "";
        if (text.Length == 0) return $"{what}を入力してください。";
        return text.Length > MaxBody ? $"{what}は {MaxBody} 文字以内にしてください。" : null;
    }

    private async Task<string> OrganizationNameAsync(string code, CancellationToken ct) =>
        await db.Organizations.AsNoTracking().Where(o => o.Code == code).Select(o => o.Name).FirstOrDefaultAsync(ct) ?? code;

    private string Link(Inquiry inquiry) => $"/{db.CurrentTenantId}/migration/inquiries/{inquiry.Id}";

    private static string SourceKey(Inquiry inquiry) => $"MigrationInquiry:{inquiry.Id}";

    private static string About(Inquiry inquiry) =>
        "対象: " + (inquiry.BusinessNumber is null ? "団体全般" : BusinessName(inquiry.BusinessNumber) + (inquiry.StepNumber is null ? "" : $" ステップ {StepId(inquiry.StepNumber)}"));

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..59] + "…";

    public static string? BusinessName(int? number) => number is null ? null : StandardBusiness.All.FirstOrDefault(b => b.Number == number)?.OfficialName;

    public static string? StepId(int? number) => number is null ? null : MigrationStepDefinition.All.FirstOrDefault(s => s.Number == number)?.StepId;

    private static Outcome<T> NotFound<T>(string message = "課題・質問が見つかりません。") => Outcome<T>.NotFound(message);

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
