using System.Globalization;
using System.Security.Claims;
using DxCollab.Platform.Data;
using DxCollab.Platform.Results;
using JapaneseCalendar = DxCollab.Platform.Text.JapaneseCalendar;
using DxCollab.TalentPool.Access;
using DxCollab.TalentPool.Domain;
using DxCollab.TalentPool.Requests;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.TalentPool.Insights;

public sealed record ExpertMonthUse(string Month, int CapacityHours, int BookedHours, decimal LoggedHours);

/// <summary>One expert's 年度: each month's capacity, booked (assignments) and logged (activity) hours, and the totals.</summary>
public sealed record ExpertUtilisation(long ExpertId, string Name, bool Active, IReadOnlyList<ExpertMonthUse> Months, int CapacityHours,
    int BookedHours, decimal LoggedHours, double? BookedPercent, double? LoggedPercent);

public sealed record MunicipalityHours(string OrganizationCode, string Name, decimal LoggedHours, int OnSiteVisits, int Assignments);

public sealed record StateCount(RequestState State, string StateName, int Count);

public sealed record ThemeRequests(string? ThemeKey, string ThemeTitle, int Total, IReadOnlyList<StateCount> ByState);

/// <summary>Requests made in a month (Tokyo) and how long they waited for their first expert (days, median).</summary>
public sealed record MonthWaiting(string Month, string MonthName, int Requests, int Assigned, double? MedianDays, int StillWaiting);

public sealed record QuietSmallSection(string OrganizationCode, string Name, int ItStaff, DateOnly AsOf);

public sealed record DashboardView(int FiscalYear, string FiscalYearName, IReadOnlyList<string> Months, IReadOnlyList<ExpertUtilisation> Utilisation,
    IReadOnlyList<MunicipalityHours> HoursByMunicipality, IReadOnlyList<ThemeRequests> RequestsByTheme, IReadOnlyList<MonthWaiting> Waiting,
    IReadOnlyList<QuietSmallSection> QuietSmallSections);

/// <summary>The prefecture's dashboard over one 年度 (April–March, Tokyo): utilisation per expert per month, hours per
/// 団体, requests by theme and state, waiting time to the first assignment, and the 0–1 person IT sections that have
/// never asked for support. Sums and counts are grouped in the database; only the median is taken in memory (over
/// one year's requests, never many).</summary>
public sealed class DashboardService(DxCollabDbContext db, TimeProvider clock)
{
    public const string ConsultTitle = "相談したい（テーマなし）";

    public int CurrentFiscalYear => JapaneseCalendar.FiscalYear(JapaneseCalendar.TodayInTokyo(clock.GetUtcNow()));

    public async Task<Outcome<DashboardView>> GetAsync(int? fiscalYear, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!user.MayManagePool()) return Outcome<DashboardView>.Forbidden("ダッシュボードを見られるのは都道府県の職員です。");
        var year = fiscalYear ?? CurrentFiscalYear;
        if (year is < 2000 or > 2100) return Outcome<DashboardView>.Invalid("fiscalYear", "年度を西暦4桁（例: 2026）で指定してください。");
        var first = new DateOnly(year, 4, 1);
        var last = first.AddYears(1).AddDays(-1);
        var months = Enumerable.Range(0, 12).Select(i => first.AddMonths(i)).ToList();
        var (fromUtc, toUtc) = (TokyoMidnightUtc(first), TokyoMidnightUtc(last.AddDays(1)));

        return Outcome<DashboardView>.Ok(new DashboardView(year, JapaneseCalendar.EraYear(first) + "度", [.. months.Select(MonthText)],
            await UtilisationAsync(months, first, last, ct), await HoursByMunicipalityAsync(first, last, ct),
            await RequestsByThemeAsync(fromUtc, toUtc, ct), await WaitingAsync(months, fromUtc, toUtc, ct), await QuietSmallSectionsAsync(ct)));
    }

    private async Task<IReadOnlyList<ExpertUtilisation>> UtilisationAsync(List<DateOnly> months, DateOnly first, DateOnly last, CancellationToken ct)
    {
        var (fromKey, toKey) = (ExpertMonthLoad.MonthKey(first), ExpertMonthLoad.MonthKey(last));
        var loads = await db.Set<ExpertMonthLoad>().AsNoTracking().Where(l => l.Month >= fromKey && l.Month <= toKey)
            .Select(l => new { l.ExpertId, l.Month, l.CapacityHours, l.BookedHours }).ToListAsync(ct);
        var logged = await (from a in db.Set<SupportActivity>().AsNoTracking()
                            join s in db.Set<Assignment>().AsNoTracking() on a.AssignmentId equals s.Id
                            where a.Date >= first && a.Date <= last
                            group a by new { s.ExpertId, a.Date.Year, a.Date.Month } into g
                            select new { g.Key.ExpertId, Month = g.Key.Year * 100 + g.Key.Month, Hours = g.Sum(x => x.Hours) }).ToListAsync(ct);
        var involved = loads.Select(l => l.ExpertId).Concat(logged.Select(l => l.ExpertId)).ToHashSet();
        var experts = await db.Set<Expert>().AsNoTracking().Where(e => e.Active || involved.Contains(e.Id)).OrderBy(e => e.Id)
            .Select(e => new { e.Id, e.Name, e.Active, e.MonthlyCapacityHours }).ToListAsync(ct);
        var loadOf = loads.ToDictionary(l => (l.ExpertId, l.Month));
        var loggedOf = logged.ToDictionary(l => (l.ExpertId, l.Month), l => l.Hours);
        return [.. experts.Select(e =>
        {
            var rows = months.Select(m =>
            {
                var key = ExpertMonthLoad.MonthKey(m);
                var load = loadOf.GetValueOrDefault((e.Id, key));
                return new ExpertMonthUse(MonthText(m), load?.CapacityHours ?? e.MonthlyCapacityHours, load?.BookedHours ?? 0,
                    loggedOf.GetValueOrDefault((e.Id, key)));
            }).ToList();
            var (capacity, booked, hours) = (rows.Sum(r => r.CapacityHours), rows.Sum(r => r.BookedHours), rows.Sum(r => r.LoggedHours));
            return new ExpertUtilisation(e.Id, e.Name, e.Active, rows, capacity, booked, hours, Percent(booked, capacity), Percent((double)hours, capacity));
        })];
    }

    private async Task<IReadOnlyList<MunicipalityHours>> HoursByMunicipalityAsync(DateOnly first, DateOnly last, CancellationToken ct)
    {
        var logged = await (from a in db.Set<SupportActivity>().AsNoTracking()
                            join s in db.Set<Assignment>().AsNoTracking() on a.AssignmentId equals s.Id
                            where a.Date >= first && a.Date <= last
                            group a by s.OrganizationCode into g
                            select new { Code = g.Key, Hours = g.Sum(x => x.Hours), Visits = g.Count(x => x.Mode == SupportMode.OnSite) }).ToListAsync(ct);
        var assignments = await db.Set<Assignment>().AsNoTracking()
            .Where(a => a.State != AssignmentState.Cancelled && a.StartMonth <= last && a.EndMonth >= first)
            .GroupBy(a => a.OrganizationCode).Select(g => new { Code = g.Key, Count = g.Count() }).ToListAsync(ct);
        var codes = logged.Select(l => l.Code).Union(assignments.Select(a => a.Code)).ToList();
        var names = await db.Organizations.AsNoTracking().Where(o => codes.Contains(o.Code)).ToDictionaryAsync(o => o.Code, o => o.Name, ct);
        var count = assignments.ToDictionary(a => a.Code, a => a.Count);
        var hours = logged.ToDictionary(l => l.Code);
        return [.. codes.Select(c => new MunicipalityHours(c, names.GetValueOrDefault(c) ?? c, hours.GetValueOrDefault(c)?.Hours ?? 0,
                hours.GetValueOrDefault(c)?.Visits ?? 0, count.GetValueOrDefault(c)))
            .OrderByDescending(m => m.LoggedHours).ThenBy(m => m.OrganizationCode, StringComparer.Ordinal)];
    }

    private async Task<IReadOnlyList<ThemeRequests>> RequestsByThemeAsync(DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        var counts = await db.Set<SupportRequest>().AsNoTracking().Where(r => r.CreatedAt >= fromUtc && r.CreatedAt < toUtc)
            .GroupBy(r => new { r.ThemeKey, r.State }).Select(g => new { g.Key.ThemeKey, g.Key.State, Count = g.Count() }).ToListAsync(ct);
        // Every theme card in catalogue order (a theme nobody asked for is worth seeing too), then 「相談したい」, then any retired key.
        var keys = ThemeCatalog.Themes.Select(t => (string?)t.Key).Append(null)
            .Concat(counts.Select(c => c.ThemeKey).Where(k => k is not null && ThemeCatalog.Find(k) is null).Distinct()).ToList();
        return [.. keys.Select(key =>
        {
            var byState = Enum.GetValues<RequestState>()
                .Select(s => new StateCount(s, s.ToJapanese(), counts.Where(c => c.ThemeKey == key && c.State == s).Sum(c => c.Count))).ToList();
            return new ThemeRequests(key, key is null ? ConsultTitle : ThemeCatalog.Find(key)?.Title ?? key, byState.Sum(s => s.Count), byState);
        })];
    }

    private async Task<IReadOnlyList<MonthWaiting>> WaitingAsync(List<DateOnly> months, DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        var requests = await db.Set<SupportRequest>().AsNoTracking().Where(r => r.CreatedAt >= fromUtc && r.CreatedAt < toUtc)
            .Select(r => new { r.CreatedAt, r.FirstAssignedAt, r.State }).ToListAsync(ct);
        var byMonth = requests.ToLookup(r => MonthText(MonthOf(JapaneseCalendar.TokyoDate(r.CreatedAt))));
        return [.. months.Select(m =>
        {
            var made = byMonth[MonthText(m)].ToList();
            var waited = made.Where(r => r.FirstAssignedAt is not null).Select(r => (r.FirstAssignedAt!.Value - r.CreatedAt).TotalDays).ToList();
            var stillWaiting = made.Count(r => r.FirstAssignedAt is null && r.State is RequestState.Received or RequestState.Coordinating);
            return new MonthWaiting(MonthText(m), $"{JapaneseCalendar.EraYear(m)}{m.Month}月", made.Count, waited.Count, Median(waited), stillWaiting);
        })];
    }

    /// <summary>団体 whose IT section has 0–1 people (as the prefecture recorded) and that have never made a request.</summary>
    private async Task<IReadOnlyList<QuietSmallSection>> QuietSmallSectionsAsync(CancellationToken ct) =>
        await (from s in db.Set<OrganizationItStaff>().AsNoTracking()
               join o in db.Organizations.AsNoTracking() on s.OrganizationCode equals o.Code
               where s.Staff <= 1 && o.AbolishedOn == null
                     && !db.Set<SupportRequest>().Any(r => r.OrganizationCode == s.OrganizationCode)
               orderby s.Staff, s.OrganizationCode
               select new QuietSmallSection(s.OrganizationCode, o.Name, s.Staff, s.AsOf)).ToListAsync(ct);

    internal static double? Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0) return null;
        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        var median = sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        return Math.Round(median, 1);
    }

    private static double? Percent(double part, int whole) => whole <= 0 ? null : Math.Round(part * 100 / whole, 1);

    private static DateOnly MonthOf(DateOnly date) => new(date.Year, date.Month, 1);

    public static string MonthText(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static DateTime TokyoMidnightUtc(DateOnly date) =>
        TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), JapaneseCalendar.Tokyo);
}
