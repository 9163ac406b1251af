using System.Globalization;
using System.Security.Claims;
using DxCollab.Platform.Calendar;
using DxCollab.Platform.Data;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Results;
using DxCollab.Platform.Validation;
using DxCollab.TalentPool.Domain;
using DxCollab.TalentPool.Matching;
using DxCollab.TalentPool.Requests;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.TalentPool.Activity;

/// <summary>An assignment's activity log (活動記録): the assigned expert (or the staff for them) logs what was done; the
/// hours roll up against the hours booked per month and the expert's caps per assignment, and logging beyond them is
/// refused. The first activity starts the support (支援中); each on-site visit brings a report due 5 開庁日 later.</summary>
public sealed class ActivityLogService(DxCollabDbContext db, BusinessCalendar calendar, TimeProvider clock)
{
    public const decimal MaxHoursPerEntry = 24m;

    internal AssignmentLoader Loader { get; } = new(db);

    public async Task<Outcome<ActivityLogView>> GetAsync(long assignmentId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var loaded = await Loader.ReadAsync(assignmentId, user, ct);
        return loaded.Succeeded ? Outcome<ActivityLogView>.Ok(await ViewAsync(loaded.Value!, ct)) : loaded.As<ActivityLogView>();
    }

    /// <summary>May the user log and report on this assignment (the page shows the forms only then)?</summary>
    public async Task<bool> MayLogAsync(long assignmentId, ClaimsPrincipal user, CancellationToken ct = default) =>
        (await Loader.ForLoggingAsync(assignmentId, user, ct)).Succeeded;

    public async Task<Outcome<ActivityView>> LogAsync(long assignmentId, ActivityInput input, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var loaded = await Loader.ForLoggingAsync(assignmentId, user, ct);
        if (!loaded.Succeeded) return loaded.As<ActivityView>();
        var (assignment, expert) = loaded.Value!;
        if (assignment.State == AssignmentState.Completed) return Outcome<ActivityView>.Conflict("この割当は終了しています。活動は記録できません。");

        var today = calendar.Today(clock);
        var lastDay = assignment.EndMonth.AddMonths(1).AddDays(-1);
        if (input.Date is not { } date) return Outcome<ActivityView>.Invalid("date", "活動した日を入力してください。");
        if (InputRefusals.Date<ActivityView>("date", date) is { } outOfRange) return outOfRange;
        if (date < assignment.StartMonth || date > lastDay)
            return Outcome<ActivityView>.Invalid("date", $"活動した日は割当の期間（{Period(assignment)}）の日付にしてください。");
        if (date > today) return Outcome<ActivityView>.Invalid("date", "これから行う活動は記録できません。活動した日（今日まで）を入力してください。");
        if (input.Hours is not { } hours || hours <= 0 || hours > MaxHoursPerEntry)
            return Outcome<ActivityView>.Invalid("hours", $"時間を 0 より大きく {MaxHoursPerEntry:0} 時間以下で入力してください。");
        if (hours * 4 != decimal.Truncate(hours * 4)) return Outcome<ActivityView>.Invalid("hours", "時間は 15 分（0.25 時間）単位で入力してください。");
        if (input.Mode is not (SupportMode.OnSite or SupportMode.Online))
            return Outcome<ActivityView>.Invalid("mode", "訪問かオンラインかを選んでください。");
        if (InputRefusals.Text<ActivityView>("summary", input.Summary, "行ったことを入力してください。") is { } typed) return typed;
        if (string.IsNullOrWhiteSpace(input.Summary)) return Outcome<ActivityView>.Invalid("summary", "行ったことを入力してください。");
        if (input.Summary!.Trim().Length > 4000) return Outcome<ActivityView>.Invalid("summary", "行ったことは4000文字以内にしてください。");

        // The roll-up and the new row in one transaction, the assignment row updated first: a second log of the same
        // assignment waits on its lock (PostgreSQL) or the write lock (SQLite) and then sees this one's hours. The update
        // is conditional on the assignment being open (the state read above may be stale): a log never revives a
        // cancelled assignment nor lands on a completed one.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var open = await db.Set<Assignment>().Where(a => a.Id == assignment.Id && (a.State == AssignmentState.Planned || a.State == AssignmentState.Active))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.HoursPerMonth, a => a.HoursPerMonth), ct);
        if (open == 0) return Outcome<ActivityView>.Conflict(AssignmentLoader.EndedMessage);
        var logged = await db.Set<SupportActivity>().AsNoTracking().Where(a => a.AssignmentId == assignment.Id)
            .Select(a => new { a.Date, a.Hours, a.Mode }).ToListAsync(ct);
        var monthUsed = logged.Where(a => a.Date.Year == date.Year && a.Date.Month == date.Month).Sum(a => a.Hours);
        if (monthUsed + hours > assignment.HoursPerMonth)
            return Outcome<ActivityView>.Conflict(
                $"{date.Year}年{date.Month}月 の割当は {assignment.HoursPerMonth} 時間で、記録済みは {Hours(monthUsed)} 時間です（残り {Hours(assignment.HoursPerMonth - monthUsed)} 時間）。" +
                $"{Hours(hours)} 時間は記録できません。時間を増やすには都道府県の担当者に割当の変更を依頼してください。", "hours");
        if (input.Mode == SupportMode.OnSite && expert.OnSiteDaysCap is { } dayCap)
        {
            var days = logged.Where(a => a.Mode == SupportMode.OnSite).Select(a => a.Date).Append(date).Distinct().Count();
            if (days > dayCap)
                return Outcome<ActivityView>.Conflict($"{expert.Name} さんの訪問はこの割当で {dayCap} 日までです（記録済み {days - 1} 日）。この日の訪問は記録できません。", "mode");
        }
        if (input.Mode == SupportMode.Online && expert.OnlineHoursCap is { } hourCap)
        {
            var online = logged.Where(a => a.Mode == SupportMode.Online).Sum(a => a.Hours);
            if (online + hours > hourCap)
                return Outcome<ActivityView>.Conflict(
                    $"{expert.Name} さんのオンライン支援はこの割当で {hourCap} 時間までです（記録済み {Hours(online)} 時間、残り {Hours(hourCap - online)} 時間）。", "hours");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var activity = new SupportActivity
        {
            AssignmentId = assignment.Id, Date = date, Hours = hours, Mode = input.Mode.Value, Summary = input.Summary.Trim(),
            LoggedBy = user.ActorLabel(), LoggedAt = now,
        };
        db.Add(activity);
        if (logged.Count == 0)
        {
            if (!await StartSupportAsync(assignment, now, ct)) return Outcome<ActivityView>.Conflict(RequestStateMove.Conflict);
        }
        else await db.SaveChangesAsync(ct);
        if (activity.Mode == SupportMode.OnSite)
            db.Add(new SupportReport { AssignmentId = assignment.Id, Kind = ReportKind.AfterVisit, ActivityId = activity.Id, DueDate = ReportDue.AfterVisit(calendar, date) });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Outcome<ActivityView>.Ok(ActivityViewing.View(activity));
    }

    /// <summary>The first activity: the assignment is under way, the request is 支援中, and the final report is on the
    /// calendar (due 5 開庁日 after the last month unless completed earlier).</summary>
    /// Saves the pending changes; false when the request's move collided twice (<see cref="RequestStateMove"/>).
    private async Task<bool> StartSupportAsync(Assignment assignment, DateTime now, CancellationToken ct)
    {
        if (assignment.State == AssignmentState.Planned) assignment.State = AssignmentState.Active;
        if (!await db.Set<SupportReport>().AnyAsync(r => r.AssignmentId == assignment.Id && r.Kind == ReportKind.Final, ct))
            db.Add(new SupportReport { AssignmentId = assignment.Id, Kind = ReportKind.Final, DueDate = ReportDue.Final(calendar, assignment.EndMonth, null) });
        var request = await db.Set<SupportRequest>().FirstAsync(r => r.Id == assignment.RequestId, ct);
        return await RequestStateMove.SaveAsync(db, request, r =>
        {
            if (r.State is RequestState.Received or RequestState.Coordinating or RequestState.Assigned)
            {
                r.State = RequestState.InSupport;
                r.UpdatedAt = now;
                r.Version++;
            }
            return Task.FromResult(true);
        }, ct);
    }

    internal async Task<ActivityLogView> ViewAsync(LoadedAssignment loaded, CancellationToken ct)
    {
        var (assignment, expert) = loaded;
        var activities = await db.Set<SupportActivity>().AsNoTracking().Where(a => a.AssignmentId == assignment.Id).ToListAsync(ct);
        activities = [.. activities.OrderByDescending(a => a.Date).ThenByDescending(a => a.Id)];
        var months = CapacityLedger.Months(assignment.StartMonth, assignment.EndMonth).Select(m =>
        {
            var used = activities.Where(a => a.Date.Year == m.Year && a.Date.Month == m.Month).Sum(a => a.Hours);
            return new MonthUse(AssignmentService.MonthText(m), assignment.HoursPerMonth, used, Math.Max(0, assignment.HoursPerMonth - used));
        }).ToList();
        return new ActivityLogView(assignment.Id, months,
            activities.Where(a => a.Mode == SupportMode.OnSite).Select(a => a.Date).Distinct().Count(), expert.OnSiteDaysCap,
            activities.Where(a => a.Mode == SupportMode.Online).Sum(a => a.Hours), expert.OnlineHoursCap,
            [.. activities.Select(ActivityViewing.View)]);
    }

    private static string Period(Assignment a) => $"{a.StartMonth.Year}年{a.StartMonth.Month}月〜{a.EndMonth.Year}年{a.EndMonth.Month}月";

    private static string Hours(decimal hours) => hours.ToString("0.##", CultureInfo.InvariantCulture);
}
