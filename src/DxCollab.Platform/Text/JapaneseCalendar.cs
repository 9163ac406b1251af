using System.Globalization;

namespace DxCollab.Platform.Text;

/// <summary>年度 (April–March) and 和暦 for display, always on the Asia/Tokyo calendar day.</summary>
public static class JapaneseCalendar
{
    public static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
    private static readonly CultureInfo Wareki = CreateWarekiCulture();

    public static DateOnly TodayInTokyo(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Tokyo).DateTime);

    /// <summary>The fiscal year (年度) a Tokyo date falls in: 2026-03-31 → 2025, 2026-04-01 → 2026.</summary>
    public static int FiscalYear(DateOnly date) => date.Month >= 4 ? date.Year : date.Year - 1;

    /// <summary>「令和8年度（2026年度）」</summary>
    public static string FiscalYearLabel(DateTimeOffset now)
    {
        var year = FiscalYear(TodayInTokyo(now));
        return $"{EraAndYear(new DateOnly(year, 4, 1))}年度（{year}年度）";
    }

    /// <summary>「令和8年」 for a date (元年 for the first year of an era).</summary>
    public static string EraYear(DateOnly date) => EraAndYear(date) + "年";

    /// <summary>「令和8」, 「令和元」: the era and its year, to which 年 or 年度 is added.</summary>
    private static string EraAndYear(DateOnly date)
    {
        var dt = date.ToDateTime(TimeOnly.MinValue);
        var calendar = Wareki.DateTimeFormat.Calendar;
        var era = Wareki.DateTimeFormat.GetEraName(calendar.GetEra(dt));
        var year = calendar.GetYear(dt);
        return $"{era}{(year == 1 ? "元" : year.ToString(CultureInfo.InvariantCulture))}";
    }

    /// <summary>「令和8年11月29日」</summary>
    public static string Format(DateOnly date) => $"{EraYear(date)}{date.Month}月{date.Day}日";

    /// <summary>「令和8年12月4日（2026-12-04）」: 和暦 for people, the Western date for anyone copying it elsewhere.</summary>
    public static string FormatWithWestern(DateOnly date) =>
        $"{Format(date)}（{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}）";

    /// <summary>The Tokyo calendar day of a UTC instant.</summary>
    public static DateOnly TokyoDate(DateTime utc) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Tokyo));

    /// <summary>A UTC instant as Tokyo time: 「2026-11-29 19:30」.</summary>
    public static string FormatTokyo(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Tokyo).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static CultureInfo CreateWarekiCulture()
    {
        var culture = new CultureInfo("ja-JP");
        culture.DateTimeFormat.Calendar = new JapaneseCalendar_();
        return culture;
    }

    private sealed class JapaneseCalendar_ : System.Globalization.JapaneseCalendar;
}
