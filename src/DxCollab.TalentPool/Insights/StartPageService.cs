using System.Security.Claims;
using DxCollab.Platform.Data;
using DxCollab.Platform.Identity;
using DxCollab.TalentPool.Access;
using DxCollab.TalentPool.Domain;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.TalentPool.Insights;

public sealed record OwnRequest(long Id, string Title, RequestState State, string StateName, DateTime CreatedAt);

/// <summary>What the start page shows each role: the staff the requests per state and the pool's size; an officer its
/// 団体's requests; an expert how many assignments are theirs.</summary>
public sealed record StartPageView(IReadOnlyList<StateCount> RequestsByState, int ActiveExperts, int OverdueReports, IReadOnlyList<OwnRequest> OwnRequests,
    int MyAssignments);

public sealed class StartPageService(DxCollabDbContext db, TimeProvider clock)
{
    public async Task<StartPageView> GetAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (user.MayManagePool())
        {
            var counts = await db.Set<SupportRequest>().AsNoTracking().GroupBy(r => r.State).Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
            var today = Platform.Text.JapaneseCalendar.TodayInTokyo(clock.GetUtcNow());
            return new StartPageView([.. Enum.GetValues<RequestState>().Select(s => new StateCount(s, s.ToJapanese(), counts.GetValueOrDefault(s)))],
                await db.Set<Expert>().CountAsync(e => e.Active, ct),
                await Activity.ReportBoard.Unsubmitted(db).CountAsync(r => r.DueDate < today, ct), [], 0);
        }
        if (user.OwnOrganizationCode() is { } code && user.MayRequestFor(code))
        {
            var own = await db.Set<SupportRequest>().AsNoTracking().Where(r => r.OrganizationCode == code).OrderByDescending(r => r.CreatedAt).Take(20)
                .Select(r => new { r.Id, r.Title, r.State, r.CreatedAt }).ToListAsync(ct);
            return new StartPageView([], 0, 0, [.. own.Select(r => new OwnRequest(r.Id, r.Title, r.State, r.State.ToJapanese(), r.CreatedAt))], 0);
        }
        var userId = user.UserId();
        var mine = user.IsExpert() && userId is not null
            ? await (from a in db.Set<Assignment>() join e in db.Set<Expert>() on a.ExpertId equals e.Id
                     where e.UserId == userId && a.State != AssignmentState.Cancelled && a.State != AssignmentState.Completed
                     select a.Id).CountAsync(ct)
            : 0;
        return new StartPageView([], 0, 0, [], mine);
    }
}
