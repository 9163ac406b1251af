using System.Globalization;
using JapaneseCalendar = DxCollab.Platform.Text.JapaneseCalendar;
using DxCollab.Platform.Data;
using DxCollab.Platform.Identity;
using DxCollab.Platform.ReferenceData;
using DxCollab.Platform.Reminders;
using DxCollab.Platform.Text;
using DxCollab.Standardization.Tracking;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Standardization.Reminders;

/// <summary>A step past its planned date: not 完了済み or 対象外, its 業務 not switched off, its 団体 not abolished.</summary>
public sealed record OverdueStep(string OrganizationCode, string OrganizationName, int Business, int Step, DateOnly PlannedDate, StepStatus Status)
{
    /// <summary>「住民基本台帳 ②-1 …（予定日 令和8年11月20日、作業中）」</summary>
    public string Describe()
    {
        var step = MigrationStepDefinition.All.First(s => s.Number == Step);
        return $"{ProgressGrouper.BusinessName(Business)} {step.StepId} {step.Name}（予定日 {JapaneseCalendar.Format(PlannedDate)}、{Status.JapaneseName()}）";
    }
}

/// <summary>What the 標準化 reminder rules share: the overdue steps, who is told, and the day each 団体 was last told
/// (read from the engine's own record of sent keys, so a rule needs no table of its own).</summary>
internal static class OverdueSteps
{
    /// <summary>A notification body lists at most this many steps (the platform caps bodies at 4,000 characters).</summary>
    private const int MaxListed = 30;

    public static async Task<IReadOnlyList<OverdueStep>> LoadAsync(DxCollabDbContext db, DateOnly today, CancellationToken ct)
    {
        var organizations = await db.Organizations.AsNoTracking().Where(o => o.AbolishedOn == null)
            .ToDictionaryAsync(o => o.Code, o => o.Name, ct);
        var disabled = await SwitchedOffBusinesses.LoadAsync(db, ct);
        var steps = await db.Set<StepProgress>().AsNoTracking()
            .Where(p => p.PlannedDate != null && p.PlannedDate < today && p.Status != StepStatus.Completed && p.Status != StepStatus.NotApplicable)
            .Select(p => new { p.OrganizationCode, p.BusinessNumber, p.StepNumber, p.PlannedDate, p.Status })
            .ToListAsync(ct);
        // One definition of "overdue" for reminders and the insights page.
        return steps.Where(p => organizations.ContainsKey(p.OrganizationCode) && !disabled.Contains((p.OrganizationCode, p.BusinessNumber))
                && InsightRules.IsOverdue(p.Status, p.PlannedDate, today))
            .Select(p => new OverdueStep(p.OrganizationCode, organizations[p.OrganizationCode], p.BusinessNumber, p.StepNumber, p.PlannedDate!.Value, p.Status))
            .OrderBy(p => p.OrganizationCode, StringComparer.Ordinal).ThenBy(p => p.PlannedDate).ThenBy(p => p.Business).ThenBy(p => p.Step)
            .ToList();
    }

    /// <summary>Active users per 団体コード (a 団体's officers).</summary>
    public static async Task<ILookup<string, string>> OfficersAsync(DxCollabDbContext db, IReadOnlyCollection<string> codes, CancellationToken ct) =>
        (await db.Users.AsNoTracking().Where(u => u.IsActive && u.OrganizationCode != null && codes.Contains(u.OrganizationCode))
            .OrderBy(u => u.Id).Select(u => new { u.Id, u.OrganizationCode }).ToListAsync(ct))
        .ToLookup(u => u.OrganizationCode!, u => u.Id);

    /// <summary>Active PrefectureAdmin and PrefectureStaff users.</summary>
    public static async Task<IReadOnlyList<string>> PrefectureStaffAsync(DxCollabDbContext db, CancellationToken ct)
    {
        string[] roles = [Roles.PrefectureAdmin, Roles.PrefectureStaff];
        return (await (from ur in db.UserRoles
                       join r in db.Roles on ur.RoleId equals r.Id
                       join u in db.Users on ur.UserId equals u.Id
                       where roles.Contains(r.Name!) && u.IsActive
                       select u.Id).Distinct().ToListAsync(ct)).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Per 団体, the last day before <paramref name="today"/> a reminder with keys <c>{prefix}{団体コード}:{yyyy-MM-dd}</c> was sent.</summary>
    public static async Task<Dictionary<string, DateOnly>> LastToldAsync(DxCollabDbContext db, string prefix, DateOnly today, CancellationToken ct)
    {
        var keys = await db.Set<SentReminder>().AsNoTracking().Where(s => s.Key.StartsWith(prefix)).Select(s => s.Key).ToListAsync(ct);
        var last = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            var parts = key[prefix.Length..].Split(':');
            if (parts.Length != 2 || !DateOnly.TryParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) || day >= today)
                continue;
            if (!last.TryGetValue(parts[0], out var known) || day > known) last[parts[0]] = day;
        }
        return last;
    }

    public static string Key(string prefix, string organizationCode, DateOnly day) =>
        $"{prefix}{organizationCode}:{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    /// <summary>The listed steps, at most <see cref="MaxListed"/>, then how many more.</summary>
    public static string List(IReadOnlyCollection<OverdueStep> steps)
    {
        var lines = steps.Take(MaxListed).Select(s => "・" + s.Describe()).ToList();
        if (steps.Count > MaxListed) lines.Add($"ほか {steps.Count - MaxListed} 件");
        return string.Join("\n", lines);
    }

    public static string Link(DxCollabDbContext db, string organizationCode) => $"/{db.CurrentTenantId}/migration/{organizationCode}";
}
