using System.Security.Claims;
using DxCollab.Platform.Calendar;
using DxCollab.Platform.Data;
using DxCollab.Platform.Identity;
using DxCollab.Platform.ReferenceData;
using DxCollab.Platform.Results;
using DxCollab.Platform.Threads;
using DxCollab.Standardization.Tracking;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Standardization.Inquiries;

public sealed record NewInquiry(string OrganizationCode, int? Business, int? Step, string? Title, string? Body);

/// <summary>課題・質問 threads between a 団体 and its prefecture, about a step of a 業務, a 業務, or the 団体 in general: the
/// platform's <see cref="ThreadService"/> with the subject <see cref="InquirySubject"/> (the lifecycle, attachments,
/// notices and 開庁日 waited are the platform's). This layer checks the 業務 and step and speaks in their words.</summary>
public sealed class InquiryService(ThreadService threads, DxCollabDbContext db)
{
    public const int MaxTitle = ThreadService.MaxTitle, MaxBody = ThreadService.MaxBody;
    public const string NotificationCategory = "migration-inquiry";

    public async Task<Outcome<IReadOnlyList<InquirySummary>>> ListAsync(InquiryFilter filter, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var outcome = await threads.ListAsync(InquirySubject.Type, user, visible =>
        {
            if (filter.Status is { } status) visible = visible.Where(t => t.Status == status);
            if (!string.IsNullOrWhiteSpace(filter.OrganizationCode)) visible = visible.Where(t => t.OrganizationCode == filter.OrganizationCode);
            if (filter.Business is { } business)
            {
                var (alone, withStep) = InquirySubject.BusinessPatterns(business);
                visible = visible.Where(t => EF.Functions.Like(t.SubjectKey, alone) || EF.Functions.Like(t.SubjectKey, withStep));
            }
            return visible;
        }, ct);
        return outcome.Succeeded ? Outcome<IReadOnlyList<InquirySummary>>.Ok(outcome.Value!.Select(Summary).ToList()) : outcome.As<IReadOnlyList<InquirySummary>>();
    }

    public async Task<Outcome<InquiryThread>> CreateAsync(NewInquiry request, IReadOnlyList<IFormFile> attachments, ClaimsPrincipal user,
        CancellationToken ct = default)
    {
        // The 業務 and step are checked against the 団体's kind before the platform checks title, body and files.
        if (user.IsOfficerOf(request.OrganizationCode))
        {
            var org = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == request.OrganizationCode && o.AbolishedOn == null, ct);
            if (org is not null && request.Business is { } business && !MigrationCatalog.BusinessesOf(org.Type).Contains(business))
                return Outcome<InquiryThread>.Invalid("business", $"業務番号 {business} は{org.Name}が報告する業務ではありません。");
            if (org is not null && request.Step is { } step)
            {
                if (request.Business is null) return Outcome<InquiryThread>.Invalid("step", "ステップについて質問するときは業務も選んでください。");
                if (step is < 1 or > MigrationCatalog.StepCount) return Outcome<InquiryThread>.Invalid("step", "ステップは 1〜40 で指定してください。");
            }
        }
        var subject = new InquirySubject(request.OrganizationCode, request.Business, request.Step);
        return Thread(await threads.OpenAsync(new NewThread(InquirySubject.Type, subject.Key, request.OrganizationCode, request.Title, request.Body),
            attachments, user, ct));
    }

    public async Task<Outcome<InquiryThread>> GetAsync(long id, ClaimsPrincipal user, CancellationToken ct = default) =>
        Thread(await threads.GetAsync(InquirySubject.Type, id, user, ct));

    public async Task<Outcome<InquiryThread>> ReplyAsync(long id, string? body, IReadOnlyList<IFormFile> attachments, ClaimsPrincipal user,
        CancellationToken ct = default) =>
        Thread(await threads.ReplyAsync(InquirySubject.Type, id, body, attachments, user, ct));

    /// <summary>Either side closes (終了) or reopens (回答待ち again); the change is an entry of the thread.</summary>
    public async Task<Outcome<InquiryThread>> SetClosedAsync(long id, bool close, string? comment, ClaimsPrincipal user, CancellationToken ct = default) =>
        Thread(await threads.SetClosedAsync(InquirySubject.Type, id, close, comment, user, ct));

    public Task<Outcome<AttachmentDownload>> DownloadAttachmentAsync(long inquiryId, long attachmentId, ClaimsPrincipal user, CancellationToken ct = default) =>
        threads.DownloadAttachmentAsync(InquirySubject.Type, inquiryId, attachmentId, user, ct);

    /// <summary>Threads waiting for the prefecture's answer, among those the user may see (the dashboard's count).</summary>
    public Task<int> CountOpenAsync(ClaimsPrincipal user, CancellationToken ct = default) => threads.CountOpenAsync(InquirySubject.Type, user, ct);

    /// <summary>Threads about one step of one 団体 (for the step page), as the user may see them, latest activity first.</summary>
    public async Task<IReadOnlyList<InquirySummary>> ForStepAsync(string organizationCode, int business, int step, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var visible = threads.Visible(InquirySubject.Type, user);
        if (visible is null) return [];
        var key = new InquirySubject(organizationCode, business, step).Key;
        var rows = await visible.AsNoTracking().Where(t => t.OrganizationCode == organizationCode && t.SubjectKey == key)
            .OrderByDescending(t => t.LastActivityAt).ToListAsync(ct);
        rows = [.. rows.Where(t => threads.MayTakePart(InquirySubject.Type, user, t))];
        return (await threads.SummarizeAsync(rows, ct)).Select(Summary).ToList();
    }

    /// <summary>Asked on a Friday and read the next Tuesday: 2 (Monday and Tuesday); asked today: 0 (the platform's rule).</summary>
    public static int WaitingBusinessDays(BusinessCalendar calendar, DateTime waitingSinceUtc, DateOnly todayInTokyo) =>
        ThreadService.WaitingBusinessDays(calendar, waitingSinceUtc, todayInTokyo);

    public static string? BusinessName(int? number) => number is null ? null : StandardBusiness.All.FirstOrDefault(b => b.Number == number)?.OfficialName;

    public static string? StepId(int? number) => number is null ? null : MigrationStepDefinition.All.FirstOrDefault(s => s.Number == number)?.StepId;

    private static InquirySummary Summary(ThreadSummary t)
    {
        var subject = InquirySubject.Parse(t.SubjectKey);
        return new(t.Id, t.OrganizationCode, t.OrganizationName, subject.Business, BusinessName(subject.Business), subject.Step, StepId(subject.Step),
            t.Title, t.Status, t.StatusName, t.CreatedAt, t.CreatedBy, t.WaitingSince, t.WaitingBusinessDays, t.MessageCount, t.LastActivityAt);
    }

    private static Outcome<InquiryThread> Thread(Outcome<ThreadView> outcome) => outcome.Succeeded
        ? Outcome<InquiryThread>.Ok(new InquiryThread(Summary(outcome.Value!.Thread), outcome.Value.Entries, outcome.Value.CanReply,
            outcome.Value.CanClose, outcome.Value.CanReopen))
        : outcome.As<InquiryThread>();
}
