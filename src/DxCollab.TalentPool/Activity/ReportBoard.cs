using System.Security.Claims;
using DxCollab.Platform.Calendar;
using DxCollab.Platform.Data;
using DxCollab.Platform.Results;
using DxCollab.TalentPool.Access;
using DxCollab.TalentPool.Domain;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.TalentPool.Activity;

/// <summary>The prefecture's report board: every report not yet submitted, overdue ones first (most 開庁日 overdue
/// first), then the ones due soonest.</summary>
public sealed class ReportBoard(DxCollabDbContext db, BusinessCalendar calendar, TimeProvider clock)
{
    /// <summary>Reports still to be written: not submitted, of an assignment not cancelled (the board and the start
    /// page's count read the same rows).</summary>
    internal static IQueryable<SupportReport> Unsubmitted(DxCollabDbContext db) =>
        from r in db.Set<SupportReport>().AsNoTracking()
        join a in db.Set<Assignment>().AsNoTracking() on r.AssignmentId equals a.Id
        where r.SubmittedAt == null && a.State != AssignmentState.Cancelled
        select r;

    public async Task<Outcome<IReadOnlyList<BoardLine>>> OpenReportsAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!user.MayManagePool()) return Outcome<IReadOnlyList<BoardLine>>.Forbidden("報告の一覧は都道府県の職員だけが見られます。");
        var today = calendar.Today(clock);
        var open = await (from r in Unsubmitted(db)
                          join a in db.Set<Assignment>().AsNoTracking() on r.AssignmentId equals a.Id
                          join e in db.Set<Expert>().AsNoTracking() on a.ExpertId equals e.Id
                          select new { r.Id, r.AssignmentId, r.Kind, r.DueDate, e.Name, a.OrganizationCode }).ToListAsync(ct);
        var codes = open.Select(o => o.OrganizationCode).Distinct().ToList();
        var names = await db.Organizations.AsNoTracking().Where(o => codes.Contains(o.Code)).ToDictionaryAsync(o => o.Code, o => o.Name, ct);
        return Outcome<IReadOnlyList<BoardLine>>.Ok([.. open
            .Select(o => new BoardLine(o.Id, o.AssignmentId, o.Kind, o.Kind.ToJapanese(), o.DueDate, calendar.BusinessDaysBetween(o.DueDate, today),
                calendar.BusinessDaysLeft(today, o.DueDate), o.Name, o.OrganizationCode, names.GetValueOrDefault(o.OrganizationCode, o.OrganizationCode)))
            .OrderByDescending(l => l.DaysOverdue).ThenBy(l => l.DueDate).ThenBy(l => l.ReportId)]);
    }
}
