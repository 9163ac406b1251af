using System.Security.Claims;
using DxCollab.Platform.Calendar;
using DxCollab.Platform.Data;
using DxCollab.Platform.Files;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Notifications;
using DxCollab.Platform.Results;
using DxCollab.Platform.Text;
using DxCollab.Platform.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Platform.Threads;

/// <summary>Conversation threads between a 団体 and its prefecture, about a subject a module defines. The 団体's officers
/// open and follow up; the prefecture's staff answer (and, where the subject allows, open one to ask the 団体). A new
/// question (or a follow-up) tells the prefecture's staff, an answer tells the 団体's officers; the notice commits with
/// the message. Another 団体's threads, and threads of
/// another subject type, are "not found". What only the module knows comes from its <see cref="IThreadSubject"/>.</summary>
public sealed class ThreadService(DxCollabDbContext db, FileStore files, NotificationService notifications, BusinessCalendar calendar,
    TimeProvider clock, IEnumerable<IThreadSubject> subjects)
{
    public const int MaxTitle = 200, MaxBody = 4000;

    public IThreadSubject Subject(string subjectType) =>
        subjects.FirstOrDefault(s => s.SubjectType == subjectType)
        ?? throw new InvalidOperationException($"No thread subject '{subjectType}' is registered (ModuleServices.AddThreadSubject).");

    /// <summary>The prefecture's staff see every thread of the subject type; a municipality's officers their 団体's;
    /// others none (null). Modules narrow it further with their own filters (by subject key, status …).</summary>
    public IQueryable<ConversationThread>? Visible(string subjectType, ClaimsPrincipal user)
    {
        var all = db.Set<ConversationThread>().Where(t => t.SubjectType == subjectType);
        if (user.IsPrefectureStaff()) return all;
        var own = user.OwnOrganizationCode();
        return own is null ? null : all.Where(t => t.OrganizationCode == own);
    }

    /// <summary>The visible threads that <paramref name="filter"/> keeps: longest waiting first, then latest activity.</summary>
    public async Task<Outcome<IReadOnlyList<ThreadSummary>>> ListAsync(string subjectType, ClaimsPrincipal user,
        Func<IQueryable<ConversationThread>, IQueryable<ConversationThread>>? filter = null, CancellationToken ct = default)
    {
        var subject = Subject(subjectType);
        var visible = Visible(subjectType, user);
        if (visible is null) return Outcome<IReadOnlyList<ThreadSummary>>.Forbidden($"{subject.Noun}を見られるのは、団体の担当者と都道府県の職員だけです。");
        var rows = (await (filter?.Invoke(visible) ?? visible).AsNoTracking().ToListAsync(ct)).Where(t => subject.MayTakePart(user, t)).ToList();
        var summaries = await SummarizeAsync(rows, ct);
        return Outcome<IReadOnlyList<ThreadSummary>>.Ok(summaries
            .OrderBy(s => s.WaitingSince is null).ThenBy(s => s.WaitingSince).ThenByDescending(s => s.LastActivityAt).ThenByDescending(s => s.Id).ToList());
    }

    /// <summary>Opens a thread with its first question and tells the other side: an officer of the asking 団体 opens it
    /// waiting (回答待ち) for the prefecture's staff; the staff, where the subject lets them
    /// (<see cref="IThreadSubject.PrefectureMayOpen"/>), open it answered (回答済み: the 団体 owes the next word).</summary>
    public async Task<Outcome<ThreadView>> OpenAsync(NewThread request, IReadOnlyList<IFormFile> attachments, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var subject = Subject(request.SubjectType);
        var byPrefecture = subject.PrefectureMayOpen && user.IsPrefectureStaff();
        if (!byPrefecture && !user.IsOfficerOf(request.OrganizationCode))
            return Outcome<ThreadView>.Forbidden(subject.PrefectureMayOpen
                ? $"{subject.Noun}を登録できるのは、その団体の担当者と都道府県の職員だけです。"
                : $"{subject.Noun}を登録できるのは、その団体の担当者だけです（都道府県の職員は回答する側です）。");
        var org = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == request.OrganizationCode && o.AbolishedOn == null, ct);
        if (org is null) return Outcome<ThreadView>.NotFound($"団体コード「{request.OrganizationCode}」の団体はこの都道府県にありません。");
        if (InputRefusals.Text<ThreadView>("title", request.Title, "件名を入力してください。") is { } typed) return typed;
        var title = request.Title?.Trim() ?? "";
        if (title.Length == 0) return Outcome<ThreadView>.Invalid("title", "件名を入力してください。");
        if (title.Length > MaxTitle) return Outcome<ThreadView>.Invalid("title", $"件名は {MaxTitle} 文字以内にしてください。");
        var bodyError = CheckBody(request.Body, "質問の内容");
        if (bodyError is not null) return Outcome<ThreadView>.Invalid("body", bodyError);
        var (checkedFiles, refusal) = await CheckFilesAsync(subject, attachments, ct);
        if (refusal is not null) return refusal;

        var now = clock.GetUtcNow().UtcDateTime;
        var thread = new ConversationThread
        {
            SubjectType = subject.SubjectType, SubjectKey = request.SubjectKey, OrganizationCode = org.Code, Title = title,
            Status = ThreadStatus.Open, CreatedAt = now, CreatedBy = user.ActorLabel(), LastActivityAt = now,
        };
        // The opener's side has spoken: the same lifecycle as a reply from that side.
        Answer(thread, byPrefecture, now);
        db.Add(thread);
        await AttachAndSaveAsync(thread, () => NewMessage(thread, ThreadEntryKind.Message, request.Body!.Trim(), user, now), checkedFiles, user, async () =>
        {
            if (byPrefecture)
                await notifications.NotifyOrganizationAsync(org.Code, Notice(subject, thread,
                    $"都道府県から{subject.Noun}「{JapaneseText.Shorten(title)}」が届きました", $"都道府県から新しい{subject.Noun}が届きました。"), ct);
            else
                await notifications.NotifyPrefectureStaffAsync(Notice(subject, thread,
                    $"{org.Name}から{subject.Noun}「{JapaneseText.Shorten(title)}」", $"{org.Name}から新しい{subject.Noun}が届きました。"), ct);
        }, ct);
        return await GetAsync(subject.SubjectType, thread.Id, user, ct);
    }

    public async Task<Outcome<ThreadView>> GetAsync(string subjectType, long id, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var thread = await FindAsync(subjectType, id, user, tracked: false, ct);
        if (thread is null) return NotFound<ThreadView>(subjectType);
        var summary = (await SummarizeAsync([thread], ct))[0];
        var messages = await db.Set<ThreadMessage>().AsNoTracking().Where(m => m.ThreadId == id).OrderBy(m => m.PostedAt).ThenBy(m => m.Id).ToListAsync(ct);
        var attachments = (await (from a in db.Set<ThreadAttachment>().AsNoTracking()
                                  join f in db.Set<StoredFile>().AsNoTracking() on a.FileId equals f.Id
                                  where a.ThreadId == id
                                  orderby a.Id
                                  select new { a.MessageId, View = new AttachmentView(a.Id, f.FileName, f.ContentType, f.Length) }).ToListAsync(ct))
            .ToLookup(a => a.MessageId, a => a.View);
        var entries = messages.Select(m => new ThreadEntryView(m.Id, m.Kind, m.Body, m.FromPrefecture, m.AuthorName, m.PostedAt.AsUtc(),
            attachments[m.Id].ToList())).ToList();
        var closed = thread.Status == ThreadStatus.Closed;
        return Outcome<ThreadView>.Ok(new ThreadView(summary, entries, CanReply: !closed, CanClose: !closed, CanReopen: closed));
    }

    /// <summary>The prefecture's reply answers (回答済み) and tells the 団体; the 団体's follow-up waits again and tells
    /// the prefecture. A closed thread takes no reply until it is reopened.</summary>
    public async Task<Outcome<ThreadView>> ReplyAsync(string subjectType, long id, string? body, IReadOnlyList<IFormFile> attachments, ClaimsPrincipal user,
        CancellationToken ct = default)
    {
        var subject = Subject(subjectType);
        var thread = await FindAsync(subjectType, id, user, tracked: true, ct);
        if (thread is null) return NotFound<ThreadView>(subjectType);
        if (thread.Status == ThreadStatus.Closed)
            return Outcome<ThreadView>.Conflict($"この{subject.Noun}は終了しています。再開してから返信してください。", "body");
        var bodyError = CheckBody(body, "返信の内容");
        if (bodyError is not null) return Outcome<ThreadView>.Invalid("body", bodyError);
        var (checkedFiles, refusal) = await CheckFilesAsync(subject, attachments, ct);
        if (refusal is not null) return refusal;

        var now = clock.GetUtcNow().UtcDateTime;
        var fromPrefecture = user.IsPrefectureStaff();
        Answer(thread, fromPrefecture, now);
        var orgName = await OrganizationNameAsync(thread.OrganizationCode, ct);
        await AttachAndSaveAsync(thread, () => NewMessage(thread, ThreadEntryKind.Message, body!.Trim(), user, now), checkedFiles, user, async () =>
        {
            if (fromPrefecture)
                await notifications.NotifyOrganizationAsync(thread.OrganizationCode, Notice(subject, thread,
                    $"{subject.Noun}「{JapaneseText.Shorten(thread.Title)}」に回答がありました", "都道府県から回答がありました。"), ct);
            else
                await notifications.NotifyPrefectureStaffAsync(Notice(subject, thread,
                    $"{orgName}から{subject.Noun}「{JapaneseText.Shorten(thread.Title)}」への追加の質問", $"{orgName}が{subject.Noun}に書き込みました。"), ct);
        }, ct);
        return await GetAsync(subjectType, id, user, ct);
    }

    /// <summary>Either side closes (終了) or reopens (回答待ち again); the change is an entry of the thread.</summary>
    public async Task<Outcome<ThreadView>> SetClosedAsync(string subjectType, long id, bool close, string? comment, ClaimsPrincipal user,
        CancellationToken ct = default)
    {
        var subject = Subject(subjectType);
        var thread = await FindAsync(subjectType, id, user, tracked: true, ct);
        if (thread is null) return NotFound<ThreadView>(subjectType);
        if (InputRefusals.Text<ThreadView>("comment", comment) is { } typed) return typed;
        if (comment is { Length: > MaxBody }) return Outcome<ThreadView>.Invalid("comment", $"コメントは {MaxBody} 文字以内にしてください。");
        if ((thread.Status == ThreadStatus.Closed) == close)
            return Outcome<ThreadView>.Conflict(close ? $"この{subject.Noun}はすでに終了しています。" : $"この{subject.Noun}は終了していません。");
        var now = clock.GetUtcNow().UtcDateTime;
        db.Add(NewMessage(thread, close ? ThreadEntryKind.Closed : ThreadEntryKind.Reopened, comment?.Trim() ?? "", user, now));
        SetClosed(thread, close, user.ActorLabel(), now);
        await db.SaveChangesAsync(ct);
        return await GetAsync(subjectType, id, user, ct);
    }

    public async Task<Outcome<AttachmentDownload>> DownloadAttachmentAsync(string subjectType, long threadId, long attachmentId, ClaimsPrincipal user,
        CancellationToken ct = default)
    {
        const string notFound = "添付ファイルが見つかりません。";
        if (await FindAsync(subjectType, threadId, user, tracked: false, ct) is null) return Outcome<AttachmentDownload>.NotFound(notFound);
        var file = await (from a in db.Set<ThreadAttachment>().AsNoTracking()
                          join f in db.Set<StoredFile>().AsNoTracking() on a.FileId equals f.Id
                          where a.Id == attachmentId && a.ThreadId == threadId
                          select f).FirstOrDefaultAsync(ct);
        var content = file is null ? null : await files.ReadAsync(file, ct);
        return content is null
            ? Outcome<AttachmentDownload>.NotFound(notFound)
            : Outcome<AttachmentDownload>.Ok(new AttachmentDownload(file!.FileName, file.ContentType, content));
    }

    /// <summary>Threads waiting for the prefecture's answer, among those the user may see (a dashboard's count).</summary>
    public async Task<int> CountOpenAsync(string subjectType, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (Visible(subjectType, user) is not { } visible) return 0;
        var open = await visible.AsNoTracking().Where(t => t.Status == ThreadStatus.Open).ToListAsync(ct);
        return open.Count(t => MayTakePart(subjectType, user, t));
    }

    /// <summary>The module's own, possibly narrower, rule on top of <see cref="Visible"/>: apply it to every row read
    /// through <see cref="Visible"/> outside this service.</summary>
    public bool MayTakePart(string subjectType, ClaimsPrincipal user, ConversationThread thread) => Subject(subjectType).MayTakePart(user, thread);

    /// <summary>The list view of <paramref name="rows"/>: the 団体's name, the count of messages, 開庁日 waited.</summary>
    public async Task<List<ThreadSummary>> SummarizeAsync(IReadOnlyList<ConversationThread> rows, CancellationToken ct = default)
    {
        var codes = rows.Select(r => r.OrganizationCode).Distinct().ToList();
        var names = await db.Organizations.AsNoTracking().Where(o => codes.Contains(o.Code)).ToDictionaryAsync(o => o.Code, o => o.Name, ct);
        var ids = rows.Select(r => r.Id).ToList();
        var counts = await db.Set<ThreadMessage>().AsNoTracking().Where(m => ids.Contains(m.ThreadId) && m.Kind == ThreadEntryKind.Message)
            .GroupBy(m => m.ThreadId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return rows.Select(t => new ThreadSummary(t.Id, t.SubjectType, t.SubjectKey, t.OrganizationCode,
            names.GetValueOrDefault(t.OrganizationCode, t.OrganizationCode), t.Title, t.Status, t.Status.JapaneseName(), t.CreatedAt.AsUtc(), t.CreatedBy,
            t.WaitingSince.AsUtc(), t.WaitingSince is { } since ? WaitingBusinessDays(since) : null,
            counts.GetValueOrDefault(t.Id), t.LastActivityAt.AsUtc())).ToList();
    }

    /// <summary>開庁日 waited: the days after the question was posted up to today (Asia/Tokyo), closed days not counted.</summary>
    public int WaitingBusinessDays(DateTime waitingSinceUtc) => WaitingBusinessDays(calendar, waitingSinceUtc, calendar.Today(clock));

    /// <summary>Asked on a Friday and read the next Tuesday: 2 (Monday and Tuesday); asked today: 0. The day of asking
    /// does not count, and neither do 土日・祝日・年末年始.</summary>
    public static int WaitingBusinessDays(BusinessCalendar calendar, DateTime waitingSinceUtc, DateOnly todayInTokyo) =>
        calendar.BusinessDaysBetween(JapaneseCalendar.TokyoDate(waitingSinceUtc), todayInTokyo);

    /// <summary>The lifecycle on a reply: the prefecture's answers it; the 団体's follow-up waits again (from now, unless
    /// an earlier question is still unanswered).</summary>
    public static void Answer(ConversationThread thread, bool fromPrefecture, DateTime now)
    {
        thread.LastActivityAt = now;
        if (fromPrefecture)
        {
            thread.Status = ThreadStatus.Answered;
            thread.WaitingSince = null;
        }
        else
        {
            thread.Status = ThreadStatus.Open;
            thread.WaitingSince ??= now;
        }
    }

    /// <summary>The lifecycle on closing (nothing waits any more) and reopening (waits again from now).</summary>
    public static void SetClosed(ConversationThread thread, bool close, string actor, DateTime now)
    {
        thread.LastActivityAt = now;
        thread.Status = close ? ThreadStatus.Closed : ThreadStatus.Open;
        thread.WaitingSince = close ? null : now;
        thread.ClosedAt = close ? now : null;
        thread.ClosedBy = close ? actor : null;
    }

    private async Task<ConversationThread?> FindAsync(string subjectType, long id, ClaimsPrincipal user, bool tracked, CancellationToken ct)
    {
        var visible = Visible(subjectType, user);
        if (visible is null) return null;
        if (!tracked) visible = visible.AsNoTracking();
        var thread = await visible.FirstOrDefaultAsync(t => t.Id == id, ct);
        return thread is not null && Subject(subjectType).MayTakePart(user, thread) ? thread : null;
    }

    private async Task<(List<CheckedFile> Files, Outcome<ThreadView>? Refusal)> CheckFilesAsync(IThreadSubject subject, IReadOnlyList<IFormFile> attachments,
        CancellationToken ct)
    {
        // A file input left empty still posts a part with no name and no bytes: that is "no attachment", not an error.
        var present = attachments.Where(f => !(f.Length == 0 && string.IsNullOrWhiteSpace(f.FileName))).ToList();
        var policy = files.Policy(subject.UploadPurpose);
        if (present.Count > policy.MaxFilesPerRequest)
            return ([], Outcome<ThreadView>.Invalid("files", $"添付できるファイルは 1 回に {policy.MaxFilesPerRequest} 個までです。"));
        var result = new List<CheckedFile>();
        foreach (var upload in present)
        {
            var check = await files.CheckAsync(upload, subject.UploadPurpose, ct);
            if (!check.Accepted)
                return ([], check.Refusal == FileRefusal.Missing
                    ? Outcome<ThreadView>.Invalid("files", $"添付ファイル「{FileTypes.CleanName(upload.FileName)}」が空です。")
                    : check.ToOutcome<ThreadView>("files"));
            result.Add(check.File!);
        }
        return (result, null);
    }

    /// <summary>Saves the thread (new or changed), its new message, the files (bytes included) and the notice in one
    /// transaction (the caller's, when a module opens the thread together with its own row). The message is made once the
    /// thread has its id.</summary>
    private async Task AttachAndSaveAsync(ConversationThread thread, Func<ThreadMessage> makeMessage, List<CheckedFile> attachments, ClaimsPrincipal user,
        Func<Task> notify, CancellationToken ct)
    {
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        if (db.Entry(thread).State == EntityState.Added) await db.SaveChangesAsync(ct);
        var message = makeMessage();
        db.Add(message);
        var stored = attachments.Select(f => files.Add(thread.OrganizationCode, f, user.ActorLabel(), user.UserId())).ToList();
        await notify();
        await files.SaveAsync(() =>
        {
            foreach (var file in stored)
                db.Add(new ThreadAttachment { ThreadId = thread.Id, MessageId = message.Id, FileId = file.Id });
        }, ct);
        if (transaction is not null) await transaction.CommitAsync(ct);
    }

    private NotificationMessage Notice(IThreadSubject subject, ConversationThread thread, string title, string lead) =>
        new(subject.NotificationCategory, title, $"{lead}\n\n{subject.Describe(thread)}\n件名: {thread.Title}", subject.Link(db.CurrentTenantId ?? "", thread))
        {
            SourceKey = subject.SourceKey(thread),
        };

    private static ThreadMessage NewMessage(ConversationThread thread, ThreadEntryKind kind, string body, ClaimsPrincipal user, DateTime now) => new()
    {
        ThreadId = thread.Id, Kind = kind, Body = body, FromPrefecture = user.IsPrefectureStaff(), AuthorName = user.DisplayName(),
        AuthorEmail = user.ActorLabel(), AuthorUserId = user.UserId(), PostedAt = now,
    };

    private static string? CheckBody(string? body, string what)
    {
        // The shared rules (NUL, bidi overrides, invisible-only text): a thread's page and the API refuse the same body.
        if (InputRules.TextError(body, $"{what}を入力してください。") is { } refused) return refused;
        var text = body?.Trim() ?? "";
        if (text.Length == 0) return $"{what}を入力してください。";
        return text.Length > MaxBody ? $"{what}は {MaxBody} 文字以内にしてください。" : null;
    }

    private async Task<string> OrganizationNameAsync(string code, CancellationToken ct) =>
        await db.Organizations.AsNoTracking().Where(o => o.Code == code).Select(o => o.Name).FirstOrDefaultAsync(ct) ?? code;

    private Outcome<T> NotFound<T>(string subjectType) => Outcome<T>.NotFound($"{Subject(subjectType).Noun}が見つかりません。");
}
