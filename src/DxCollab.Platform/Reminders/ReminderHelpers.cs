using System.Globalization;
using DxCollab.Platform.Data;
using DxCollab.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Platform.Reminders;

/// <summary>Who a module's reminder goes to, in the current tenant (user ids, stable order).</summary>
public static class ReminderRecipients
{
    /// <summary>A 団体's officers per 団体コード: its active MunicipalOfficers (as <see cref="CurrentUser.IsOfficerOf"/>
    /// defines them; an Expert placed in the 団体 belongs to it but does not act for it, so is not told).</summary>
    public static async Task<ILookup<string, string>> OfficersAsync(DxCollabDbContext db, IReadOnlyCollection<string> organizationCodes, CancellationToken ct) =>
        (await (from u in db.Users.AsNoTracking()
                join ur in db.UserRoles on u.Id equals ur.UserId
                join r in db.Roles on ur.RoleId equals r.Id
                where r.Name == Roles.MunicipalOfficer && u.IsActive && u.OrganizationCode != null && organizationCodes.Contains(u.OrganizationCode)
                orderby u.Id
                select new { u.Id, u.OrganizationCode }).ToListAsync(ct))
        .ToLookup(u => u.OrganizationCode!, u => u.Id);

    /// <summary>Active PrefectureAdmin and PrefectureStaff users: the prefecture's staff.</summary>
    public static async Task<IReadOnlyList<string>> PrefectureStaffAsync(DxCollabDbContext db, CancellationToken ct)
    {
        string[] roles = [Roles.PrefectureAdmin, Roles.PrefectureStaff];
        return (await (from ur in db.UserRoles
                       join r in db.Roles on ur.RoleId equals r.Id
                       join u in db.Users on ur.UserId equals u.Id
                       where roles.Contains(r.Name!) && u.IsActive
                       select u.Id).Distinct().ToListAsync(ct)).Order(StringComparer.Ordinal).ToList();
    }
}

/// <summary>Reminder keys of the shape <c>{prefix}{subject}:{period}</c>: a prefix per rule (e.g.
/// <c>migration:step-overdue:</c>), a subject (a 団体コード, a survey id …) and the day or month it was due.</summary>
public static class ReminderKeys
{
    public static string PerDay(string prefix, string subject, DateOnly day) =>
        $"{prefix}{subject}:{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    public static string PerMonth(string prefix, string subject, DateOnly month) =>
        $"{prefix}{subject}:{month.ToString("yyyy-MM", CultureInfo.InvariantCulture)}";
}

/// <summary>"Last told", read from the engine's own record of sent keys, so a rule needs no table of its own.</summary>
public static class ReminderHistory
{
    /// <summary>Per subject, the last day before <paramref name="today"/> a reminder with a key
    /// <see cref="ReminderKeys.PerDay"/>(<paramref name="prefix"/>, subject, day) was sent.</summary>
    public static async Task<Dictionary<string, DateOnly>> LastToldAsync(DxCollabDbContext db, string prefix, DateOnly today, CancellationToken ct)
    {
        var keys = await db.Set<SentReminder>().AsNoTracking().Where(s => s.Key.StartsWith(prefix)).Select(s => s.Key).ToListAsync(ct);
        var last = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            var rest = key[prefix.Length..];
            var colon = rest.LastIndexOf(':');
            if (colon <= 0 || !DateOnly.TryParseExact(rest[(colon + 1)..], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) || day >= today)
                continue;
            var subject = rest[..colon];
            if (!last.TryGetValue(subject, out var known) || day > known) last[subject] = day;
        }
        return last;
    }
}
