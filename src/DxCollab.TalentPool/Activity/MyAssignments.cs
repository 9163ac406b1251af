using System.Security.Claims;
using DxCollab.Platform.Calendar;
using DxCollab.Platform.Data;
using DxCollab.Platform.Identity;
using DxCollab.TalentPool.Access;
using DxCollab.TalentPool.Domain;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.TalentPool.Activity;

/// <summary>One of the signed-in expert's assignments, with the report due next (if any).</summary>
public sealed record MyAssignment(long Id, long RequestId, string RequestTitle, string OrganizationName, DateOnly StartMonth, DateOnly EndMonth,
    int HoursPerMonth, AssignmentState State, string StateName, ReportKind? NextReportKind, DateOnly? NextReportDue, int? NextReportDaysLeft);

/// <summary>The expert's own assignments (「担当の支援」): only those of the profile linked to the signed-in account.</summary>
public sealed class MyAssignments(DxCollabDbContext db, BusinessCalendar calendar, TimeProvider clock)
{
    public async Task<IReadOnlyList<MyAssignment>> ListAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!user.IsExpert() || user.UserId() is not { } userId) return [];
        var rows = await (from a in db.Set<Assignment>().AsNoTracking()
                          join e in db.Set<Expert>().AsNoTracking() on a.ExpertId equals e.Id
                          join r in db.Set<SupportRequest>().AsNoTracking() on a.RequestId equals r.Id
                          where e.UserId == userId && a.State != AssignmentState.Cancelled
                          select new { a, r.Title }).ToListAsync(ct);
        var ids = rows.Select(x => x.a.Id).ToList();
        var open = await db.Set<SupportReport>().AsNoTracking().Where(r => ids.Contains(r.AssignmentId) && r.SubmittedAt == null)
            .Select(r => new { r.AssignmentId, r.Kind, r.DueDate }).ToListAsync(ct);
        var codes = rows.Select(x => x.a.OrganizationCode).Distinct().ToList();
        var names = await db.Organizations.AsNoTracking().Where(o => codes.Contains(o.Code)).ToDictionaryAsync(o => o.Code, o => o.Name, ct);
        var today = calendar.Today(clock);
        return [.. rows.Select(x =>
        {
            var next = open.Where(r => r.AssignmentId == x.a.Id).OrderBy(r => r.DueDate).FirstOrDefault();
            return new MyAssignment(x.a.Id, x.a.RequestId, x.Title, names.GetValueOrDefault(x.a.OrganizationCode, x.a.OrganizationCode), x.a.StartMonth,
                x.a.EndMonth, x.a.HoursPerMonth, x.a.State, x.a.State.ToJapanese(), next?.Kind, next?.DueDate,
                next is null ? null : calendar.BusinessDaysLeft(today, next.DueDate));
        }).OrderBy(m => m.State == AssignmentState.Completed).ThenBy(m => m.NextReportDue ?? DateOnly.MaxValue).ThenBy(m => m.Id)];
    }
}
