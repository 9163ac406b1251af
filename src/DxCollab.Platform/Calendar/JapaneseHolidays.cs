using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace DxCollab.Platform.Calendar;

public enum HolidayKind
{
    /// <summary>国民の祝日: a day named by the 祝日法 (or a one-off law such as 2019's 即位の日).</summary>
    National,
    /// <summary>振替休日: a 祝日 fell on a Sunday, so the next day that is not a 祝日 is off.</summary>
    Substitute,
    /// <summary>国民の休日: a day sandwiched between two 祝日.</summary>
    Citizens,
}

/// <param name="Name">The Japanese name: 「元日」, 「振替休日」, 「国民の休日」 …</param>
public sealed record Holiday(DateOnly Date, string Name, HolidayKind Kind);

/// <summary>
/// 国民の祝日 and the 休日 the 祝日法 derives from them, computed by rule for <see cref="FirstYear"/>–<see cref="LastYear"/>.
/// The 春分・秋分 dates are the standard approximation; the government fixes each year's equinoxes only in the
/// February of the year before (官報), so a year more than a year ahead is a forecast, as on every published calendar.
/// </summary>
public static class JapaneseHolidays
{
    /// <summary>Happy Monday (成人の日 as the 2nd Monday) starts in 2000; earlier years follow other rules.</summary>
    public const int FirstYear = 2000;
    /// <summary>The equinox approximation is only defined up to 2099.</summary>
    public const int LastYear = 2099;

    private static readonly ConcurrentDictionary<int, FrozenDictionary<DateOnly, Holiday>> Years = new();

    /// <summary>Every 祝日 and 休日 of the year, in date order.</summary>
    public static IReadOnlyList<Holiday> InYear(int year) => [.. For(year).Values.OrderBy(h => h.Date)];

    public static bool IsHoliday(DateOnly date) => For(date.Year).ContainsKey(date);

    /// <summary>The holiday on the date, or null on an ordinary day.</summary>
    public static Holiday? Find(DateOnly date) => For(date.Year).GetValueOrDefault(date);

    /// <summary>春分日: floor(20.8431 + 0.242194 (Y − 1980) − floor((Y − 1980) / 4)), valid 1980–2099.</summary>
    public static DateOnly VernalEquinoxDay(int year) => new(year, 3, EquinoxDay(year, 20.8431m));

    /// <summary>秋分日: floor(23.2488 + 0.242194 (Y − 1980) − floor((Y − 1980) / 4)), valid 1980–2099.</summary>
    public static DateOnly AutumnalEquinoxDay(int year) => new(year, 9, EquinoxDay(year, 23.2488m));

    // decimal, not double: the formula's constants are exact decimals and the floor must not slip at .0 boundaries.
    private static int EquinoxDay(int year, decimal constant)
    {
        CheckSupported(year);
        var elapsed = year - 1980;
        return (int)decimal.Floor(constant + 0.242194m * elapsed - elapsed / 4);
    }

    private static FrozenDictionary<DateOnly, Holiday> For(int year)
    {
        CheckSupported(year);
        return Years.GetOrAdd(year, Compute);
    }

    private static void CheckSupported(int year)
    {
        if (year is < FirstYear or > LastYear)
            throw new ArgumentOutOfRangeException(nameof(year), year, $"祝日は {FirstYear}–{LastYear} 年のみ計算できます。");
    }

    private static FrozenDictionary<DateOnly, Holiday> Compute(int year)
    {
        var national = NationalHolidays(year).ToDictionary(h => h.Date);
        var all = new Dictionary<DateOnly, Holiday>(national);

        // 振替休日 (第3条2項): since 2007 the "nearest following day that is not a 国民の祝日"; before 2007 it was
        // "the Monday", which gives the same dates for 2000–2006 because no Sunday 祝日 was then followed by a Monday 祝日.
        foreach (var sunday in national.Keys.Where(d => d.DayOfWeek == DayOfWeek.Sunday))
        {
            var day = sunday.AddDays(1);
            while (national.ContainsKey(day)) day = day.AddDays(1);
            all.TryAdd(day, new Holiday(day, "振替休日", HolidayKind.Substitute));
        }

        // 国民の休日 (第3条3項): both neighbours must be 国民の祝日 themselves (a 振替休日 does not count). Sundays are
        // left out as the pre-2007 law did; from 2007 on no Sunday can be sandwiched, so nothing else changes.
        foreach (var before in national.Keys)
        {
            var day = before.AddDays(1);
            if (national.ContainsKey(day.AddDays(1)) && day.DayOfWeek != DayOfWeek.Sunday && !all.ContainsKey(day))
                all.Add(day, new Holiday(day, "国民の休日", HolidayKind.Citizens));
        }
        return all.ToFrozenDictionary();
    }

    private static IEnumerable<Holiday> NationalHolidays(int year)
    {
        Holiday On(int month, int day, string name) => new(new DateOnly(year, month, day), name, HolidayKind.National);
        Holiday Monday(int month, int nth, string name) => new(NthMonday(year, month, nth), name, HolidayKind.National);

        yield return On(1, 1, "元日");
        yield return Monday(1, 2, "成人の日");
        yield return On(2, 11, "建国記念の日");
        // The Emperor's birthday: 平成 12/23 until 2018, 令和 2/23 from 2020; 2019 has none (abdication 4/30, accession 5/1).
        if (year >= 2020) yield return On(2, 23, "天皇誕生日");
        yield return new Holiday(VernalEquinoxDay(year), "春分の日", HolidayKind.National);
        // 4/29 was みどりの日 until 2006; from 2007 it is 昭和の日 and みどりの日 moved to 5/4 (before: a 国民の休日).
        yield return On(4, 29, year >= 2007 ? "昭和の日" : "みどりの日");
        if (year == 2019) yield return On(5, 1, "天皇の即位の日");
        yield return On(5, 3, "憲法記念日");
        if (year >= 2007) yield return On(5, 4, "みどりの日");
        yield return On(5, 5, "こどもの日");

        // Olympic special measures (東京オリンピック・パラリンピック特措法) moved three days for the opening/closing.
        switch (year)
        {
            case 2020:
                yield return On(7, 23, "海の日");
                yield return On(7, 24, "スポーツの日");
                yield return On(8, 10, "山の日");
                break;
            case 2021:
                yield return On(7, 22, "海の日");
                yield return On(7, 23, "スポーツの日");
                yield return On(8, 8, "山の日");
                break;
            default:
                yield return year >= 2003 ? Monday(7, 3, "海の日") : On(7, 20, "海の日");
                if (year >= 2016) yield return On(8, 11, "山の日");
                // 体育の日 became スポーツの日 in 2020.
                yield return Monday(10, 2, year >= 2020 ? "スポーツの日" : "体育の日");
                break;
        }

        yield return year >= 2003 ? Monday(9, 3, "敬老の日") : On(9, 15, "敬老の日");
        yield return new Holiday(AutumnalEquinoxDay(year), "秋分の日", HolidayKind.National);
        if (year == 2019) yield return On(10, 22, "即位礼正殿の儀");
        yield return On(11, 3, "文化の日");
        yield return On(11, 23, "勤労感謝の日");
        if (year <= 2018) yield return On(12, 23, "天皇誕生日");
    }

    private static DateOnly NthMonday(int year, int month, int nth)
    {
        var first = new DateOnly(year, month, 1);
        var toMonday = ((int)DayOfWeek.Monday - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(toMonday + 7 * (nth - 1));
    }
}
