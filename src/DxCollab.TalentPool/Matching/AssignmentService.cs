using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Serialization;
using DxCollab.Platform.Data;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Results;
using JapaneseCalendar = DxCollab.Platform.Text.JapaneseCalendar;
using DxCollab.TalentPool.Access;
using DxCollab.TalentPool.Domain;
using DxCollab.TalentPool.Pool;
using DxCollab.TalentPool.Requests;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.TalentPool.Matching;

/// <summary>Months are written yyyy-MM (e.g. "2026-12").</summary>
public sealed record AssignmentInput(long RequestId, long ExpertId, string? StartMonth, string? EndMonth, int HoursPerMonth, SupportMode? Mode);

public sealed record AssignmentView(long Id, long RequestId, long ExpertId, string ExpertName, string OrganizationCode, string StartMonth,
    string EndMonth, int HoursPerMonth, SupportMode Mode, string ModeName, AssignmentState State, string StateName, DateTime CreatedAt)
{
    /// <summary>Only in the answer to an assignment: whether the expert was told (false when the profile has no account).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public bool? ExpertNotified { get; init; }

    /// <summary>Only in the answer to an assignment, when the expert was not told: what the staff should do about it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Warning { get; init; }
}

/// <summary>Filters of the assignment list (all optional; the staff's — others see only theirs anyway).</summary>
public sealed record AssignmentFilter(long? RequestId = null, long? ExpertId = null, string? OrganizationCode = null, AssignmentState? State = null);

/// <summary>Assigning experts to requests (the prefecture's staff): within the expert's monthly capacity (the ledger,
/// enforced in the database) and the caps per assignment (<see cref="AssignmentCaps"/>); several experts may serve one
/// request. The expert and the 団体's officers are told. Cancelling gives back every month when nothing was logged, else the months not yet begun.</summary>
public sealed class AssignmentService(DxCollabDbContext db, CapacityLedger ledger, AssignmentNotices notices, ExpertService experts, TimeProvider clock)
{
    public const int MaxMonths = 12;

    public async Task<Outcome<AssignmentView>> AssignAsync(AssignmentInput input, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!user.MayManagePool()) return Outcome<AssignmentView>.Forbidden("専門人材を割り当てられるのは都道府県の職員です。");
        if (!TryMonth(input.StartMonth, out var start)) return Outcome<AssignmentView>.Invalid("startMonth", "開始月を yyyy-MM（例: 2026-12）で入力してください。");
        if (!TryMonth(input.EndMonth, out var end)) return Outcome<AssignmentView>.Invalid("endMonth", "終了月を yyyy-MM（例: 2027-03）で入力してください。");
        var today = JapaneseCalendar.TodayInTokyo(clock.GetUtcNow());
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        // A month already over cannot be worked, and hours booked there could never be given back.
        if (start < thisMonth) return Outcome<AssignmentView>.Invalid("startMonth", $"開始月は今月（{MonthText(thisMonth)}）以降にしてください。");
        if (end < start) return Outcome<AssignmentView>.Invalid("endMonth", "終了月は開始月以降にしてください。");
        var months = CapacityLedger.Months(start, end).ToList();
        if (months.Count > MaxMonths) return Outcome<AssignmentView>.Invalid("endMonth", $"一度に割り当てられるのは {MaxMonths} か月までです。");
        if (input.HoursPerMonth is < 1 or > Pool.ExpertService.MaxMonthlyHours)
            return Outcome<AssignmentView>.Invalid("hoursPerMonth", $"月あたりの時間を 1〜{Pool.ExpertService.MaxMonthlyHours} 時間の整数で入力してください。");
        if (input.Mode is { } asked && !Enum.IsDefined(asked)) return Outcome<AssignmentView>.Invalid("mode", "支援方法を選んでください。");
        var request = await db.Set<SupportRequest>().FirstOrDefaultAsync(r => r.Id == input.RequestId, ct);
        if (request is null) return Outcome<AssignmentView>.Invalid("requestId", "依頼が見つかりません。");
        if (request.State is RequestState.Completed or RequestState.Withdrawn)
            return Outcome<AssignmentView>.Conflict($"この依頼は{request.State.ToJapanese()}のため、割り当てられません。");
        var expert = await db.Set<Expert>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == input.ExpertId, ct);
        if (expert is null) return Outcome<AssignmentView>.Invalid("expertId", "専門人材が見つかりません。");
        if (!expert.Active) return Outcome<AssignmentView>.Conflict($"{expert.Name} さんは退任しているため、割り当てられません。");
        var mode = input.Mode ?? request.Mode;
        if (AssignmentCaps.Exceeded(expert, mode, input.HoursPerMonth, months.Count) is { } capped)
            return Outcome<AssignmentView>.Invalid("hoursPerMonth", capped);
        if (await db.Set<Assignment>().AnyAsync(a => a.RequestId == request.Id && a.ExpertId == expert.Id && a.State != AssignmentState.Cancelled, ct))
            return Outcome<AssignmentView>.Conflict($"{expert.Name} さんはこの依頼に割当済みです。");

        await ledger.EnsureMonthsAsync(expert, months, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await ledger.TryBookAsync(expert.Id, months, input.HoursPerMonth, ct) is { } shortfall)
            return Outcome<AssignmentView>.Conflict(
                $"{expert.Name} さんの {shortfall.Month.Year}年{shortfall.Month.Month}月 の残りは {shortfall.Remaining} 時間です" +
                $"（上限 {shortfall.CapacityHours} 時間、割当済み {shortfall.BookedHours} 時間）。月 {input.HoursPerMonth} 時間は割り当てられません。", "hoursPerMonth");
        var assignment = new Assignment
        {
            RequestId = request.Id, ExpertId = expert.Id, OrganizationCode = request.OrganizationCode, StartMonth = start, EndMonth = months[^1],
            HoursPerMonth = input.HoursPerMonth, Mode = mode, CreatedAt = now, CreatedBy = user.ActorLabel(),
        };
        db.Add(assignment);
        // An Expert account made after the profile (e.g. by the administrator) is linked now, so the notice reaches it.
        if (expert.UserId is null && await experts.ExpertAccountAsync(expert.Email, ct) is { } account)
        {
            expert.UserId = account;
            await db.Set<Expert>().Where(e => e.Id == expert.Id && e.UserId == null).ExecuteUpdateAsync(u => u.SetProperty(e => e.UserId, account), ct);
        }
        // Two staff assigning experts to one request at once both move it: the later one re-reads it and moves it again.
        // The "already assigned" check is asked again here: after a clash the other save may have been this very expert
        // (a double click on 割り当てる), which the check before the transaction could not see.
        if (!await RequestStateMove.SaveAsync(db, request, async r =>
            {
                if (r.State is RequestState.Completed or RequestState.Withdrawn) return false;
                if (await db.Set<Assignment>().AnyAsync(a => a.RequestId == r.Id && a.ExpertId == expert.Id && a.State != AssignmentState.Cancelled, ct))
                    return false;
                if (r.State is RequestState.Received or RequestState.Coordinating) r.State = RequestState.Assigned;
                r.FirstAssignedAt ??= now;
                r.Version++;
                r.UpdatedAt = now;
                return true;
            }, ct))
            return Outcome<AssignmentView>.Conflict(RequestStateMove.Conflict);
        await notices.AssignedAsync(assignment, expert, request, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Outcome<AssignmentView>.Ok(View(assignment, expert.Name) with
        {
            ExpertNotified = expert.UserId is not null,
            Warning = expert.UserId is null ? NotNotified(expert) : null,
        });
    }

    public async Task<Outcome<AssignmentView>> GetAsync(long id, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var found = await (from a in db.Set<Assignment>().AsNoTracking()
                           join e in db.Set<Expert>().AsNoTracking() on a.ExpertId equals e.Id
                           where a.Id == id
                           select new { a, e }).FirstOrDefaultAsync(ct);
        return found is not null && user.MayRead(found.a, found.e)
            ? Outcome<AssignmentView>.Ok(View(found.a, found.e.Name)) : Outcome<AssignmentView>.NotFound("割当が見つかりません。");
    }

    /// <summary>The staff see every assignment (filtered as asked); an expert only their own; an officer its 団体's;
    /// anyone else none. Newest first.</summary>
    public async Task<IReadOnlyList<AssignmentView>> ListAsync(AssignmentFilter filter, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var query = from a in db.Set<Assignment>().AsNoTracking()
                    join e in db.Set<Expert>().AsNoTracking() on a.ExpertId equals e.Id
                    select new { a, e };
        if (user.MayManagePool()) { }
        else if (user.IsExpert() && user.UserId() is { } userId) query = query.Where(x => x.e.UserId == userId);
        else if (user.OwnOrganizationCode() is { } code && user.IsOfficerOf(code)) query = query.Where(x => x.a.OrganizationCode == code);
        else return [];
        if (filter.RequestId is { } requestId) query = query.Where(x => x.a.RequestId == requestId);
        if (filter.ExpertId is { } expertId) query = query.Where(x => x.a.ExpertId == expertId);
        if (!string.IsNullOrWhiteSpace(filter.OrganizationCode)) query = query.Where(x => x.a.OrganizationCode == filter.OrganizationCode.Trim());
        if (filter.State is { } state) query = query.Where(x => x.a.State == state);
        var rows = await query.OrderByDescending(x => x.a.Id).Take(500).ToListAsync(ct);
        return [.. rows.Select(x => View(x.a, x.e.Name))];
    }

    /// <summary>取消 (the staff): an assignment with no activity logged gives all its months back to the expert's capacity;
    /// one with activity gives back the months not yet begun (after the current month, Tokyo), the months already begun
    /// stay booked (the work was done there). The request is settled from the assignments left: none open and one
    /// completed → 完了, none open nor completed → 調整中.</summary>
    public async Task<Outcome<AssignmentView>> CancelAsync(long id, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!user.MayManagePool()) return Outcome<AssignmentView>.Forbidden("割当を取り消せるのは都道府県の職員です。");
        var assignment = await db.Set<Assignment>().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (assignment is null) return Outcome<AssignmentView>.NotFound("割当が見つかりません。");
        if (assignment.State is AssignmentState.Cancelled or AssignmentState.Completed)
            return Outcome<AssignmentView>.Conflict($"この割当は{assignment.State.ToJapanese()}のため、取り消せません。");
        var expert = await db.Set<Expert>().AsNoTracking().FirstAsync(e => e.Id == assignment.ExpertId, ct);
        var today = JapaneseCalendar.TodayInTokyo(clock.GetUtcNow());
        var firstNotBegun = new DateOnly(today.Year, today.Month, 1).AddMonths(1);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Claimed by one conditional update: two staff cancelling at once give the hours back only once.
        var claimed = await db.Set<Assignment>().Where(a => a.Id == id && (a.State == AssignmentState.Planned || a.State == AssignmentState.Active))
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.State, AssignmentState.Cancelled), ct);
        if (claimed == 0) return Outcome<AssignmentView>.Conflict("この割当はすでに取り消されています。");
        // Read after the claim: a first activity logged meanwhile has committed (it locks the same row) or never will.
        var worked = await db.Set<SupportActivity>().AnyAsync(a => a.AssignmentId == id, ct);
        var releaseFrom = worked && firstNotBegun > assignment.StartMonth ? firstNotBegun : assignment.StartMonth;
        var release = CapacityLedger.Months(releaseFrom, assignment.EndMonth).ToList();
        if (release.Count > 0) await ledger.ReleaseAsync(assignment.ExpertId, release, assignment.HoursPerMonth, ct);
        db.Entry(assignment).State = Microsoft.EntityFrameworkCore.EntityState.Detached; // changed by the update above
        var request = await db.Set<SupportRequest>().FirstAsync(r => r.Id == assignment.RequestId, ct);
        var wasCompleted = request.State == RequestState.Completed;
        if (!await RequestStateMove.SaveAsync(db, request, r => RequestStateMove.SettleAsync(db, r, now, ct), ct))
            return Outcome<AssignmentView>.Conflict(RequestStateMove.Conflict);
        await notices.CancelledAsync(assignment, expert, ct);
        if (!wasCompleted && request.State == RequestState.Completed) await notices.RequestCompletedAsync(request, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        assignment.State = AssignmentState.Cancelled;
        return Outcome<AssignmentView>.Ok(View(assignment, expert.Name));
    }

    public static bool TryMonth(string? text, out DateOnly month)
    {
        month = default;
        if (!DateOnly.TryParseExact(text?.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)) return false;
        if (parsed.Year is < 2000 or > 2100) return false;
        month = parsed;
        return true;
    }

    public static string MonthText(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>The platform tells accounts only: a profile without one learns nothing until the staff invite it (the
    /// assignment then shows on the expert's 「担当の支援」 as soon as they sign in).</summary>
    public static string NotNotified(Expert expert) => string.IsNullOrWhiteSpace(expert.Email)
        ? $"{expert.Name}さんはアカウントが未作成のため通知されていません。プロフィールにメールアドレスを登録して、アカウントを招待してください。"
        : $"{expert.Name}さんはアカウントが未作成のため通知されていません。招待してください（招待メールは {expert.Email.Trim()} に届きます）。";

    public static AssignmentView View(Assignment a, string expertName) => new(a.Id, a.RequestId, a.ExpertId, expertName, a.OrganizationCode,
        MonthText(a.StartMonth), MonthText(a.EndMonth), a.HoursPerMonth, a.Mode, a.Mode.ToJapanese(), a.State, a.State.ToJapanese(), a.CreatedAt);
}
