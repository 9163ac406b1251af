using System.Globalization;
using System.Security.Claims;
using DxCollab.Platform.Data;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Results;
using DxCollab.TalentPool.Access;
using DxCollab.TalentPool.Domain;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.TalentPool.Matching;

/// <summary>Months are written yyyy-MM (e.g. "2026-12").</summary>
public sealed record AssignmentInput(long RequestId, long ExpertId, string? StartMonth, string? EndMonth, int HoursPerMonth, SupportMode? Mode);

public sealed record AssignmentView(long Id, long RequestId, long ExpertId, string ExpertName, string OrganizationCode, string StartMonth,
    string EndMonth, int HoursPerMonth, SupportMode Mode, string ModeName, AssignmentState State, string StateName, DateTime CreatedAt);

/// <summary>Assigning experts to requests (the prefecture's staff). The skeleton: assign within capacity (the ledger)
/// and read; the matching slice adds the caps per assignment, notifications, reminders, the list and cancelling.</summary>
public sealed class AssignmentService(DxCollabDbContext db, CapacityLedger ledger, TimeProvider clock)
{
    public const int MaxMonths = 12;

    public async Task<Outcome<AssignmentView>> AssignAsync(AssignmentInput input, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!user.MayManagePool()) return Outcome<AssignmentView>.Forbidden("専門人材を割り当てられるのは都道府県の職員です。");
        if (!TryMonth(input.StartMonth, out var start)) return Outcome<AssignmentView>.Invalid("startMonth", "開始月を yyyy-MM（例: 2026-12）で入力してください。");
        if (!TryMonth(input.EndMonth, out var end)) return Outcome<AssignmentView>.Invalid("endMonth", "終了月を yyyy-MM（例: 2027-03）で入力してください。");
        if (end < start) return Outcome<AssignmentView>.Invalid("endMonth", "終了月は開始月以降にしてください。");
        var months = CapacityLedger.Months(start, end).ToList();
        if (months.Count > MaxMonths) return Outcome<AssignmentView>.Invalid("endMonth", $"一度に割り当てられるのは {MaxMonths} か月までです。");
        if (input.HoursPerMonth is < 1 or > Pool.ExpertService.MaxMonthlyHours)
            return Outcome<AssignmentView>.Invalid("hoursPerMonth", "月あたりの時間を 1 時間以上で入力してください。");
        var request = await db.Set<SupportRequest>().FirstOrDefaultAsync(r => r.Id == input.RequestId, ct);
        if (request is null) return Outcome<AssignmentView>.Invalid("requestId", "依頼が見つかりません。");
        if (request.State is RequestState.Completed or RequestState.Withdrawn)
            return Outcome<AssignmentView>.Conflict($"この依頼は{request.State.ToJapanese()}のため、割り当てられません。");
        var expert = await db.Set<Expert>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == input.ExpertId, ct);
        if (expert is null) return Outcome<AssignmentView>.Invalid("expertId", "専門人材が見つかりません。");
        if (!expert.Active) return Outcome<AssignmentView>.Conflict($"{expert.Name} さんは退任しているため、割り当てられません。");

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
            HoursPerMonth = input.HoursPerMonth, Mode = input.Mode ?? request.Mode, CreatedAt = now, CreatedBy = user.ActorLabel(),
        };
        db.Add(assignment);
        if (request.State is RequestState.Received or RequestState.Coordinating) request.State = RequestState.Assigned;
        request.FirstAssignedAt ??= now;
        request.Version++;
        request.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Outcome<AssignmentView>.Ok(View(assignment, expert.Name));
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

    public static bool TryMonth(string? text, out DateOnly month)
    {
        month = default;
        if (!DateOnly.TryParseExact(text?.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)) return false;
        if (parsed.Year is < 2000 or > 2100) return false;
        month = parsed;
        return true;
    }

    public static string MonthText(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static AssignmentView View(Assignment a, string expertName) => new(a.Id, a.RequestId, a.ExpertId, expertName, a.OrganizationCode,
        MonthText(a.StartMonth), MonthText(a.EndMonth), a.HoursPerMonth, a.Mode, a.Mode.ToJapanese(), a.State, a.State.ToJapanese(), a.CreatedAt);
}
