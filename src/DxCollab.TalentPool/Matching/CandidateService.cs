using System.Security.Claims;
using DxCollab.Platform.Data;
using DxCollab.Platform.Results;
using DxCollab.Platform.Text;
using DxCollab.TalentPool.Access;
using DxCollab.TalentPool.Domain;
using DxCollab.TalentPool.Requests;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.TalentPool.Matching;

public sealed record CandidateView(long ExpertId, string Name, string EngagementFormName, int Score, int MonthlyCapacityHours,
    int MinRemainingHours, int? OnSiteDaysCap, int? OnlineHoursCap, IReadOnlyList<ScoreReason> Reasons);

/// <summary>The ranked candidates of a request over <see cref="FromMonth"/>..<see cref="ToMonth"/> (yyyy-MM).</summary>
public sealed record CandidateList(long RequestId, string OrganizationCode, string? ThemeKey, string? ThemeTitle, IReadOnlyList<string> SkillAreas,
    string FromMonth, string ToMonth, SupportMode Mode, RequestState State, IReadOnlyList<long> AssignedExpertIds, IReadOnlyList<CandidateView> Candidates);

/// <summary>Ranks the pool's active experts for a request (the prefecture's staff). The facts come from a fixed handful of
/// queries, aggregated in the database (never one query per expert); the score is <see cref="CandidateScoring"/>'s.
/// Experts already assigned to the request are left out (listed in <see cref="CandidateList.AssignedExpertIds"/>).</summary>
public sealed class CandidateService(DxCollabDbContext db, TimeProvider clock)
{
    /// <summary>A request without a preferred period is ranked over this many months from the current month (Tokyo).</summary>
    public const int DefaultMonths = 3;

    public async Task<Outcome<CandidateList>> RankAsync(long requestId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!user.MayManagePool()) return Outcome<CandidateList>.Forbidden("候補を見られるのは都道府県の職員です。");
        var request = await db.Set<SupportRequest>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is null) return Outcome<CandidateList>.NotFound("依頼が見つかりません。");
        var today = JapaneseCalendar.TodayInTokyo(clock.GetUtcNow());
        var (from, to) = Period(request.PreferredFrom, request.PreferredTo, today);
        var months = CapacityLedger.Months(from, to).Select(ExpertMonthLoad.MonthKey).ToList();
        var thisMonth = ExpertMonthLoad.MonthKey(today);
        var theme = ThemeCatalog.Find(request.ThemeKey);
        var areas = theme?.SkillAreas ?? [];

        var experts = await db.Set<Expert>().AsNoTracking().Where(e => e.Active)
            .Select(e => new { e.Id, e.Name, e.EngagementForm, e.MonthlyCapacityHours, e.OnSiteDaysCap, e.OnlineHoursCap }).ToListAsync(ct);
        var skills = areas.Count == 0 ? [] : await (from s in db.Set<ExpertSkill>().AsNoTracking()
                                                    join a in db.Set<SkillArea>().AsNoTracking() on s.SkillAreaId equals a.Id
                                                    // by the seeded default (a renamed area still answers its themes; an area the
                                                    // staff added answers none); shown by its current name
                                                    where a.SeedName != null && areas.Contains(a.SeedName)
                                                    select new { s.ExpertId, a.Name, s.Level }).ToListAsync(ct);
        var loadKeys = months.Append(thisMonth).Distinct().ToList();
        var loads = await db.Set<ExpertMonthLoad>().AsNoTracking().Where(l => loadKeys.Contains(l.Month))
            .Select(l => new { l.ExpertId, l.Month, l.CapacityHours, l.BookedHours }).ToListAsync(ct);
        var history = await db.Set<Assignment>().AsNoTracking()
            .Where(a => a.OrganizationCode == request.OrganizationCode && a.RequestId != request.Id && a.State != AssignmentState.Cancelled)
            .GroupBy(a => a.ExpertId).Select(g => new { ExpertId = g.Key, Count = g.Count() }).ToListAsync(ct);
        var todayMonth = new DateOnly(today.Year, today.Month, 1);
        var concurrent = await db.Set<Assignment>().AsNoTracking()
            .Where(a => (a.State == AssignmentState.Planned || a.State == AssignmentState.Active) && a.OrganizationCode != request.OrganizationCode
                        && a.StartMonth <= todayMonth && a.EndMonth >= todayMonth)
            .Select(a => new { a.ExpertId, a.OrganizationCode }).Distinct().ToListAsync(ct);
        var periodStart = from;
        var periodEnd = to.AddMonths(1).AddDays(-1);
        var availability = await db.Set<ExpertAvailability>().AsNoTracking()
            .Select(a => new { a.ExpertId, a.From, a.To }).ToListAsync(ct);
        var assigned = await db.Set<Assignment>().AsNoTracking()
            .Where(a => a.RequestId == request.Id && a.State != AssignmentState.Cancelled).Select(a => a.ExpertId).Distinct().ToListAsync(ct);

        var skillsBy = skills.ToLookup(s => s.ExpertId);
        var loadsBy = loads.ToLookup(l => l.ExpertId);
        var historyBy = history.ToDictionary(h => h.ExpertId, h => h.Count);
        var concurrentBy = concurrent.GroupBy(c => c.ExpertId).ToDictionary(g => g.Key, g => g.Count());
        var availabilityBy = availability.ToLookup(a => a.ExpertId);
        var facts = experts.Where(e => !assigned.Contains(e.Id)).Select(e =>
        {
            var own = loadsBy[e.Id].ToDictionary(l => l.Month);
            var remaining = months.Min(m => own.TryGetValue(m, out var l) ? l.CapacityHours - l.BookedHours : e.MonthlyCapacityHours);
            var periods = availabilityBy[e.Id].Select(a => (a.From, a.To)).ToList();
            return new CandidateFacts(e.Id, e.Name, e.EngagementForm, e.MonthlyCapacityHours,
                skillsBy[e.Id].GroupBy(s => s.Name).ToDictionary(g => g.Key, g => g.Max(s => s.Level)), areas.Count, Math.Max(0, remaining),
                own.TryGetValue(thisMonth, out var current) ? current.BookedHours : 0, historyBy.GetValueOrDefault(e.Id),
                concurrentBy.GetValueOrDefault(e.Id), Fit(periods, periodStart, periodEnd), e.OnSiteDaysCap, e.OnlineHoursCap);
        });
        var ranked = CandidateScoring.Rank(facts, request.Mode);
        return Outcome<CandidateList>.Ok(new CandidateList(request.Id, request.OrganizationCode, request.ThemeKey, theme?.Title, areas,
            AssignmentService.MonthText(from), AssignmentService.MonthText(to), request.Mode, request.State, assigned,
            [.. ranked.Select(c => new CandidateView(c.Facts.ExpertId, c.Facts.Name, c.Facts.EngagementForm.ToJapanese(), c.Score,
                c.Facts.MonthlyCapacityHours, c.Facts.MinRemainingHours, c.Facts.OnSiteDaysCap, c.Facts.OnlineHoursCap, c.Reasons))]));
    }

    /// <summary>The months a request is ranked over (first days): its preferred period, or <see cref="DefaultMonths"/> from
    /// the current month; never before the current month (it cannot be assigned) nor more than
    /// <see cref="AssignmentService.MaxMonths"/>.</summary>
    public static (DateOnly From, DateOnly To) Period(DateOnly? preferredFrom, DateOnly? preferredTo, DateOnly today)
    {
        var from = FirstOfMonth(preferredFrom is { } asked && asked > today ? asked : today);
        var to = preferredTo is { } end && end >= from ? FirstOfMonth(end) : from.AddMonths(DefaultMonths - 1);
        if (to > from.AddMonths(AssignmentService.MaxMonths - 1)) to = from.AddMonths(AssignmentService.MaxMonths - 1);
        return (from, to);
    }

    private static DateOnly FirstOfMonth(DateOnly d) => new(d.Year, d.Month, 1);

    /// <summary>No period recorded: any time. Else whether the periods together cover every day of [from, to].</summary>
    public static AvailabilityFit Fit(IReadOnlyList<(DateOnly From, DateOnly To)> periods, DateOnly from, DateOnly to)
    {
        if (periods.Count == 0) return AvailabilityFit.Always;
        var overlapping = periods.Where(p => p.To >= from && p.From <= to).OrderBy(p => p.From).ToList();
        if (overlapping.Count == 0) return AvailabilityFit.None;
        var covered = from.AddDays(-1);
        foreach (var p in overlapping)
        {
            if (p.From > covered.AddDays(1)) return AvailabilityFit.Partly;
            if (p.To > covered) covered = p.To;
            if (covered >= to) return AvailabilityFit.Covers;
        }
        return AvailabilityFit.Partly;
    }
}
