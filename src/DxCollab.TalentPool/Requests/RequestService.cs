using System.Security.Claims;
using System.Text.Json;
using DxCollab.Platform.Data;
using DxCollab.Platform.Files;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Notifications;
using DxCollab.Platform.Organizations;
using DxCollab.Platform.Results;
using DxCollab.Platform.Text;
using DxCollab.Platform.Threads;
using DxCollab.TalentPool.Access;
using DxCollab.TalentPool.Domain;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.TalentPool.Requests;

public sealed record RequestInput(string? ThemeKey, string? Title, string? Description, IReadOnlyDictionary<string, string>? Intake,
    Urgency? Urgency, DateOnly? PreferredFrom, DateOnly? PreferredTo, SupportMode? Mode, IReadOnlyList<long>? FileIds);

public sealed record RequestView(long Id, string OrganizationCode, string? ThemeKey, string Title, string? Description,
    IReadOnlyDictionary<string, string> Intake, Urgency Urgency, string UrgencyName, DateOnly? PreferredFrom, DateOnly? PreferredTo,
    SupportMode Mode, string ModeName, RequestState State, string StateName, DateTime CreatedAt, string CreatedBy,
    DateTime? FirstAssignedAt, IReadOnlyList<long> FileIds, int Version, string? WithdrawnReason = null, RequestDetails? Details = null);

/// <summary>Support requests of the 団体 (支援依頼): the guided intake (a theme card and its questions, or 「相談したい」
/// with a conversation thread), attachments in the platform file store, the lists and the detail. State moves are in
/// <see cref="RequestMoves"/>.</summary>
public sealed class RequestService(DxCollabDbContext db, TimeProvider clock, FileStore files, ThreadService threads,
    NotificationService notifications, OrganizationDirectory organizations)
{
    public const string ConsultKey = "consult";
    public const string ConsultTitle = "相談したい（テーマ未分類）";

    public DateOnly TodayInTokyo => JapaneseCalendar.TodayInTokyo(clock.GetUtcNow());

    public async Task<Outcome<RequestView>> CreateAsync(RequestInput input, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (user.OwnOrganizationCode() is not { } code || !user.MayRequestFor(code))
            return Outcome<RequestView>.Forbidden("支援を依頼できるのは市区町村の担当者です。");
        if (IntakeRules.Check(input, TodayInTokyo) is [var first, ..]) return Outcome<RequestView>.Invalid(first.Field, first.Message);
        var fileIds = (input.FileIds ?? []).Distinct().ToList();
        if (await CheckFilesAsync(fileIds, code, user, ct) is { } refusal) return refusal;

        var theme = ThemeCatalog.Find(input.ThemeKey?.Trim());
        var now = clock.GetUtcNow().UtcDateTime;
        var request = new SupportRequest
        {
            OrganizationCode = code, ThemeKey = theme?.Key,
            Title = string.IsNullOrWhiteSpace(input.Title) ? theme!.Title : input.Title.Trim(), Description = input.Description?.Trim() is { Length: > 0 } d ? d : null,
            IntakeJson = JsonSerializer.Serialize(theme is null ? [] : Answers(theme, input.Intake)),
            Urgency = input.Urgency ?? Urgency.Normal, PreferredFrom = input.PreferredFrom, PreferredTo = input.PreferredTo,
            Mode = input.Mode ?? SupportMode.Either, FileIdsJson = JsonSerializer.Serialize(fileIds),
            CreatedAt = now, CreatedBy = user.ActorLabel(), UpdatedAt = now,
        };
        if (theme is null)
        {
            // 「相談したい」: the free text opens the conversation, and the platform tells the prefecture's staff. Both or
            // neither: a refused thread leaves no request behind (a retry would make a second one).
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            db.Add(request);
            await db.SaveChangesAsync(ct);
            var opened = await threads.OpenAsync(new NewThread(RequestThreadSubject.Type, RequestThreadSubject.Key(request.Id), code, request.Title,
                request.Description), [], user, ct);
            if (!opened.Succeeded)
            {
                db.Entry(request).State = EntityState.Detached;
                return opened.As<RequestView>();
            }
            await transaction.CommitAsync(ct);
        }
        else
        {
            // The notice links to the request, so it is written once the id is known, in the same transaction.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            db.Add(request);
            await db.SaveChangesAsync(ct);
            var orgName = (await organizations.FindAsync(code, ct))?.Name ?? code;
            await notifications.NotifyPrefectureStaffAsync(Notice(request, $"{orgName}から支援依頼「{JapaneseText.Shorten(request.Title)}」",
                $"{orgName}から新しい支援依頼（{theme.Title}）が届きました。"), ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        return Outcome<RequestView>.Ok(View(request));
    }

    public async Task<Outcome<RequestView>> GetAsync(long id, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var request = await ReadableAsync(id, user, ct);
        if (request is null) return Outcome<RequestView>.NotFound("依頼が見つかりません。");
        return Outcome<RequestView>.Ok(View(request) with { Details = await DetailsAsync(request, user, ct) });
    }

    /// <summary>The requests the user may see: the staff all, an officer its 団体's, an expert those of their assignments;
    /// still waiting ones (受付・調整中) first, the oldest first, then the latest changed.</summary>
    public async Task<Outcome<IReadOnlyList<RequestSummary>>> ListAsync(RequestFilter filter, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var query = Visible(user);
        if (query is null) return Outcome<IReadOnlyList<RequestSummary>>.Forbidden("支援依頼を見られるのは、都道府県の職員と市区町村の担当者です。");
        if (!string.IsNullOrWhiteSpace(filter.State))
        {
            if (!TryState(filter.State, out var state))
                return Outcome<IReadOnlyList<RequestSummary>>.Invalid("state",
                    $"状態「{filter.State}」はありません。{string.Join("・", Enum.GetValues<RequestState>().Select(s => s.ToJapanese()))}から選んでください。");
            query = query.Where(r => r.State == state);
        }
        if (!string.IsNullOrWhiteSpace(filter.Theme))
        {
            var key = filter.Theme.Trim();
            if (key == ConsultKey) query = query.Where(r => r.ThemeKey == null);
            else if (ThemeCatalog.Find(key) is null) return Outcome<IReadOnlyList<RequestSummary>>.Invalid("theme", $"テーマ「{key}」はありません。");
            else query = query.Where(r => r.ThemeKey == key);
        }
        if (!string.IsNullOrWhiteSpace(filter.Organization))
        {
            var org = filter.Organization.Trim();
            query = query.Where(r => r.OrganizationCode == org);
        }
        var rows = await query.AsNoTracking().ToListAsync(ct);
        var names = await OrganizationNamesAsync(ct);
        return Outcome<IReadOnlyList<RequestSummary>>.Ok(rows
            .OrderByDescending(IsWaiting).ThenBy(r => IsWaiting(r) ? r.CreatedAt.Ticks : -r.UpdatedAt.Ticks).ThenBy(r => r.Id)
            .Select(r => new RequestSummary(r.Id, r.OrganizationCode, names.GetValueOrDefault(r.OrganizationCode, r.OrganizationCode), r.ThemeKey,
                ThemeTitle(r.ThemeKey), r.Title, r.Urgency, r.Urgency.ToJapanese(), r.State, r.State.ToJapanese(), r.CreatedAt, IsWaiting(r), r.Version))
            .ToList());
    }

    /// <summary>Stores a document for a request the officer is about to make (its id goes in <see cref="RequestInput.FileIds"/>).</summary>
    public async Task<Outcome<UploadedFile>> UploadAsync(IFormFile? upload, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (user.OwnOrganizationCode() is not { } code || !user.MayRequestFor(code))
            return Outcome<UploadedFile>.Forbidden("依頼の資料を添付できるのは市区町村の担当者です。");
        var check = await files.CheckAsync(upload, RequestThreadSubject.UploadPurposeName, ct);
        if (!check.Accepted) return check.ToOutcome<UploadedFile>("file");
        var stored = files.Add(code, check.File!, user.ActorLabel(), user.UserId());
        await files.SaveAsync(ct: ct);
        return Outcome<UploadedFile>.Ok(new UploadedFile(stored.Id, stored.FileName, stored.ContentType, stored.Length));
    }

    /// <summary>A document attached to the request, for the request's readers only (another request's file is "not found").</summary>
    public async Task<Outcome<AttachmentDownload>> DownloadAsync(long id, long fileId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        const string notFound = "添付ファイルが見つかりません。";
        var request = await ReadableAsync(id, user, ct);
        if (request is null || !FileIds(request).Contains(fileId)) return Outcome<AttachmentDownload>.NotFound(notFound);
        var file = (await files.DescribeAsync([fileId], ct)).FirstOrDefault();
        var content = file is null ? null : await files.ReadAsync(file, ct);
        return file is null || content is null ? Outcome<AttachmentDownload>.NotFound(notFound)
            : Outcome<AttachmentDownload>.Ok(new AttachmentDownload(file.FileName, file.ContentType, content));
    }

    public UploadPolicy UploadPolicy => files.Policy(RequestThreadSubject.UploadPurposeName);

    internal async Task<SupportRequest?> ReadableAsync(long id, ClaimsPrincipal user, CancellationToken ct)
    {
        var request = await db.Set<SupportRequest>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (request is null) return null;
        var assigned = user.IsExpert() && await AssignedToUserAsync(request.Id, user, ct);
        return user.MayRead(request, assigned) ? request : null;
    }

    /// <summary>Is the signed-in expert assigned to this request (an expert sees only the requests of their assignments)?</summary>
    internal async Task<bool> AssignedToUserAsync(long requestId, ClaimsPrincipal user, CancellationToken ct)
    {
        var userId = user.UserId();
        return userId is not null && await (from a in db.Set<Assignment>()
                                            join e in db.Set<Expert>() on a.ExpertId equals e.Id
                                            where a.RequestId == requestId && e.UserId == userId && a.State != AssignmentState.Cancelled
                                            select a.Id).AnyAsync(ct);
    }

    private IQueryable<SupportRequest>? Visible(ClaimsPrincipal user)
    {
        var all = db.Set<SupportRequest>();
        if (user.MayManagePool()) return all;
        if (user.OwnOrganizationCode() is { } own && user.IsOfficerOf(own)) return all.Where(r => r.OrganizationCode == own);
        if (!user.IsExpert() || user.UserId() is not { } userId) return null;
        var mine = from a in db.Set<Assignment>()
                   join e in db.Set<Expert>() on a.ExpertId equals e.Id
                   where e.UserId == userId && a.State != AssignmentState.Cancelled
                   select a.RequestId;
        return all.Where(r => mine.Contains(r.Id));
    }

    private async Task<RequestDetails> DetailsAsync(SupportRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        var answers = Intake(request);
        var theme = ThemeCatalog.Find(request.ThemeKey);
        var answerViews = theme is null
            ? answers.Select(a => new IntakeAnswerView(a.Key, a.Key, a.Value)).ToList()
            : theme.Questions.Where(q => answers.ContainsKey(q.Key)).Select(q => new IntakeAnswerView(q.Key, q.Text, answers[q.Key])).ToList();
        var fileViews = (await files.DescribeAsync(FileIds(request), ct)).Where(f => f.DeletedAt is null)
            .Select(f => new RequestFileView(f.Id, f.FileName, f.ContentType, f.Length)).ToList();
        var assignments = (await (from a in db.Set<Assignment>().AsNoTracking()
                                  join e in db.Set<Expert>().AsNoTracking() on a.ExpertId equals e.Id
                                  where a.RequestId == request.Id
                                  orderby a.Id
                                  select new { a, e.Name, e.UserId }).ToListAsync(ct))
            // An expert who reads the request through an assignment sees only their own, never other experts' (名前・時間).
            .Where(x => user.MayManagePool() || user.IsOfficerOf(request.OrganizationCode) || (x.UserId is { Length: > 0 } id && id == user.UserId()))
            .Select(x => new RequestAssignmentView(x.a.Id, x.Name, Matching.AssignmentService.MonthText(x.a.StartMonth),
                Matching.AssignmentService.MonthText(x.a.EndMonth), x.a.HoursPerMonth, x.a.State.ToJapanese())).ToList();
        long? threadId = null;
        if (threads.Visible(RequestThreadSubject.Type, user) is { } visible)
        {
            var key = RequestThreadSubject.Key(request.Id);
            threadId = await visible.Where(t => t.SubjectKey == key).OrderBy(t => t.Id).Select(t => (long?)t.Id).FirstOrDefaultAsync(ct);
        }
        var orgName = (await organizations.FindAsync(request.OrganizationCode, ct))?.Name ?? request.OrganizationCode;
        return new RequestDetails(ThemeTitle(request.ThemeKey), orgName, answerViews, fileViews, assignments, threadId,
            MayMarkCoordinating: RequestMoves.MayMarkCoordinating(user, request), MayWithdraw: RequestMoves.MayWithdraw(user, request),
            MayClassify: RequestMoves.MayClassify(user, request), MayAssign: user.MayManagePool() && request.State is not (RequestState.Completed or RequestState.Withdrawn));
    }

    private async Task<Outcome<RequestView>?> CheckFilesAsync(List<long> fileIds, string code, ClaimsPrincipal user, CancellationToken ct)
    {
        if (fileIds.Count == 0) return null;
        var max = UploadPolicy.MaxFilesPerRequest;
        if (fileIds.Count > max) return Outcome<RequestView>.Invalid("fileIds", $"添付できる資料は {max} 件までです。");
        var found = await files.DescribeAsync(fileIds, ct);
        var userId = user.UserId();
        // Only documents this officer uploaded for its own 団体 (never another 団体's file by its number).
        var missing = fileIds.FirstOrDefault(id => !found.Any(f => f.Id == id && f.OrganizationCode == code && f.DeletedAt is null && f.UploadedByUserId == userId));
        if (missing != 0) return Outcome<RequestView>.Invalid("fileIds", $"添付ファイル（番号 {missing}）が見つかりません。もう一度添付してください。");
        foreach (var id in fileIds)
        {
            // The text search narrows to the few requests whose list could hold the number; the parsed list decides.
            var number = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var lists = await db.Set<SupportRequest>().AsNoTracking()
                .Where(r => r.OrganizationCode == code && r.FileIdsJson.Contains(number)).Select(r => r.FileIdsJson).ToListAsync(ct);
            if (lists.Any(json => (JsonSerializer.Deserialize<List<long>>(json) ?? []).Contains(id)))
                return Outcome<RequestView>.Invalid("fileIds", $"添付ファイル（番号 {id}）は別の依頼に添付済みです。もう一度添付してください。");
        }
        return null;
    }

    /// <summary>A notice about the request, linking to its page.</summary>
    internal NotificationMessage Notice(SupportRequest request, string title, string body) =>
        new(RequestThreadSubject.NotificationCategoryName, title, body, $"/{db.TenantInfo?.Identifier}/talent/requests/{request.Id}")
        { SourceKey = SourceKey(request.Id) };

    public static string SourceKey(long requestId) => $"TalentRequest:{requestId}";

    private async Task<Dictionary<string, string>> OrganizationNamesAsync(CancellationToken ct) =>
        (await organizations.SearchAsync(ct: ct)).ToDictionary(o => o.Code, o => o.Name);

    private static Dictionary<string, string> Answers(SupportTheme theme, IReadOnlyDictionary<string, string>? intake) =>
        theme.Questions.Where(q => intake?.GetValueOrDefault(q.Key)?.Trim() is { Length: > 0 })
            .ToDictionary(q => q.Key, q => intake![q.Key].Trim());

    private static bool IsWaiting(SupportRequest r) => r.State is RequestState.Received or RequestState.Coordinating;

    public static string ThemeTitle(string? themeKey) => ThemeCatalog.Find(themeKey)?.Title ?? ConsultTitle;

    public static bool TryState(string text, out RequestState state)
    {
        var value = text.Trim();
        foreach (var candidate in Enum.GetValues<RequestState>())
            if (string.Equals(candidate.ToString(), value, StringComparison.OrdinalIgnoreCase) || candidate.ToJapanese() == value)
            {
                state = candidate;
                return true;
            }
        state = default;
        return false;
    }

    private static Dictionary<string, string> Intake(SupportRequest r) => JsonSerializer.Deserialize<Dictionary<string, string>>(r.IntakeJson) ?? [];

    internal static List<long> FileIds(SupportRequest r) => JsonSerializer.Deserialize<List<long>>(r.FileIdsJson) ?? [];

    public static RequestView View(SupportRequest r) => new(r.Id, r.OrganizationCode, r.ThemeKey, r.Title, r.Description,
        Intake(r), r.Urgency, r.Urgency.ToJapanese(), r.PreferredFrom, r.PreferredTo, r.Mode, r.Mode.ToJapanese(), r.State, r.State.ToJapanese(),
        r.CreatedAt, r.CreatedBy, r.FirstAssignedAt, FileIds(r), r.Version, r.WithdrawnReason);
}
