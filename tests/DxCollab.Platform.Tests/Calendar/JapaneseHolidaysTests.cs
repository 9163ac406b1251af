using System.Globalization;
using DxCollab.Platform.Calendar;

namespace DxCollab.Platform.Tests.Calendar;

public class JapaneseHolidaysTests
{
    // The 内閣府 list (「国民の祝日」について / syukujitsu.csv), every 祝日 and 休日 of the year and nothing else.
    [Theory]
    [InlineData(2019, "01-01 01-14 02-11 03-21 04-29 04-30 05-01 05-02 05-03 05-04 05-05 05-06 07-15 08-11 08-12 09-16 09-23 10-14 10-22 11-03 11-04 11-23")]
    [InlineData(2020, "01-01 01-13 02-11 02-23 02-24 03-20 04-29 05-03 05-04 05-05 05-06 07-23 07-24 08-10 09-21 09-22 11-03 11-23")]
    [InlineData(2021, "01-01 01-11 02-11 02-23 03-20 04-29 05-03 05-04 05-05 07-22 07-23 08-08 08-09 09-20 09-23 11-03 11-23")]
    [InlineData(2024, "01-01 01-08 02-11 02-12 02-23 03-20 04-29 05-03 05-04 05-05 05-06 07-15 08-11 08-12 09-16 09-22 09-23 10-14 11-03 11-04 11-23")]
    [InlineData(2025, "01-01 01-13 02-11 02-23 02-24 03-20 04-29 05-03 05-04 05-05 05-06 07-21 08-11 09-15 09-23 10-13 11-03 11-23 11-24")]
    [InlineData(2026, "01-01 01-12 02-11 02-23 03-20 04-29 05-03 05-04 05-05 05-06 07-20 08-11 09-21 09-22 09-23 10-12 11-03 11-23")]
    [InlineData(2027, "01-01 01-11 02-11 02-23 03-21 03-22 04-29 05-03 05-04 05-05 07-19 08-11 09-20 09-23 10-11 11-03 11-23")]
    public void The_year_has_exactly_the_official_holidays(int year, string monthDays)
    {
        var expected = monthDays.Split(' ').Select(md => DateOnly.ParseExact($"{year}-{md}", "yyyy-MM-dd", CultureInfo.InvariantCulture));
        JapaneseHolidays.InYear(year).Select(h => h.Date).ShouldBe(expected);
    }

    [Theory]
    [InlineData("2024-02-12", "振替休日", HolidayKind.Substitute)]
    [InlineData("2024-09-23", "振替休日", HolidayKind.Substitute)]
    [InlineData("2024-11-04", "振替休日", HolidayKind.Substitute)]
    [InlineData("2025-11-24", "振替休日", HolidayKind.Substitute)]
    [InlineData("2026-05-06", "振替休日", HolidayKind.Substitute)] // 5/3 Sunday; 5/4 and 5/5 are 祝日, so Wednesday
    [InlineData("2027-03-22", "振替休日", HolidayKind.Substitute)]
    [InlineData("2026-09-22", "国民の休日", HolidayKind.Citizens)] // between 敬老の日 and 秋分の日
    [InlineData("2019-04-30", "国民の休日", HolidayKind.Citizens)] // between 昭和の日 and 即位の日
    [InlineData("2019-05-02", "国民の休日", HolidayKind.Citizens)]
    [InlineData("2006-05-04", "国民の休日", HolidayKind.Citizens)] // before みどりの日 moved to 5/4
    [InlineData("2021-08-09", "振替休日", HolidayKind.Substitute)] // the Olympic 山の日 fell on a Sunday
    [InlineData("2024-01-01", "元日", HolidayKind.National)]
    [InlineData("2024-01-08", "成人の日", HolidayKind.National)]
    [InlineData("2024-02-11", "建国記念の日", HolidayKind.National)]
    [InlineData("2024-02-23", "天皇誕生日", HolidayKind.National)]
    [InlineData("2018-12-23", "天皇誕生日", HolidayKind.National)]
    [InlineData("2024-03-20", "春分の日", HolidayKind.National)]
    [InlineData("2024-04-29", "昭和の日", HolidayKind.National)]
    [InlineData("2006-04-29", "みどりの日", HolidayKind.National)]
    [InlineData("2024-05-03", "憲法記念日", HolidayKind.National)]
    [InlineData("2024-05-04", "みどりの日", HolidayKind.National)]
    [InlineData("2024-05-05", "こどもの日", HolidayKind.National)]
    [InlineData("2024-07-15", "海の日", HolidayKind.National)]
    [InlineData("2024-08-11", "山の日", HolidayKind.National)]
    [InlineData("2024-09-16", "敬老の日", HolidayKind.National)]
    [InlineData("2024-09-22", "秋分の日", HolidayKind.National)]
    [InlineData("2024-10-14", "スポーツの日", HolidayKind.National)]
    [InlineData("2019-10-14", "体育の日", HolidayKind.National)]
    [InlineData("2024-11-03", "文化の日", HolidayKind.National)]
    [InlineData("2024-11-23", "勤労感謝の日", HolidayKind.National)]
    [InlineData("2019-05-01", "天皇の即位の日", HolidayKind.National)]
    [InlineData("2019-10-22", "即位礼正殿の儀", HolidayKind.National)]
    [InlineData("2020-07-23", "海の日", HolidayKind.National)]
    [InlineData("2020-07-24", "スポーツの日", HolidayKind.National)]
    [InlineData("2020-08-10", "山の日", HolidayKind.National)]
    [InlineData("2021-07-22", "海の日", HolidayKind.National)]
    [InlineData("2021-07-23", "スポーツの日", HolidayKind.National)]
    [InlineData("2021-08-08", "山の日", HolidayKind.National)]
    public void Each_holiday_has_its_Japanese_name(string date, string name, HolidayKind kind) =>
        JapaneseHolidays.Find(DateOnly.Parse(date, CultureInfo.InvariantCulture)).ShouldBe(new Holiday(DateOnly.Parse(date, CultureInfo.InvariantCulture), name, kind));

    [Theory]
    [InlineData("2019-02-23")] // no 天皇誕生日 in 2019: 平成 ended 4/30 and 令和's birthday is 2/23 from 2020
    [InlineData("2019-12-23")]
    [InlineData("2020-10-12")] // スポーツの日 moved to 7/24 that year
    [InlineData("2021-08-11")] // 山の日 moved to 8/8
    [InlineData("2015-08-11")] // 山の日 starts in 2016
    [InlineData("2026-11-30")]
    public void Moved_or_not_yet_existing_days_are_ordinary_days(string date) =>
        JapaneseHolidays.IsHoliday(DateOnly.Parse(date, CultureInfo.InvariantCulture)).ShouldBeFalse();

    // Published by 国立天文台 (暦要項) or by the approximation everyone uses; 2012 was the first 9/22 秋分 in 116 years.
    [Theory]
    [InlineData(2000, 20, 23)]
    [InlineData(2012, 20, 22)]
    [InlineData(2016, 20, 22)]
    [InlineData(2023, 21, 23)]
    [InlineData(2024, 20, 22)]
    [InlineData(2025, 20, 23)]
    [InlineData(2027, 21, 23)]
    [InlineData(2092, 19, 22)]
    public void Equinox_days_follow_the_standard_formula(int year, int vernal, int autumnal)
    {
        JapaneseHolidays.VernalEquinoxDay(year).ShouldBe(new DateOnly(year, 3, vernal));
        JapaneseHolidays.AutumnalEquinoxDay(year).ShouldBe(new DateOnly(year, 9, autumnal));
    }

    [Fact]
    public void Happy_Monday_and_earlier_fixed_days_switch_in_2003()
    {
        // 2002: 海の日 7/20 and 敬老の日 9/15 (a Sunday, hence 振替 9/16); 2003: 3rd Mondays.
        JapaneseHolidays.Find(new(2002, 7, 20))!.Name.ShouldBe("海の日");
        JapaneseHolidays.Find(new(2002, 9, 16))!.Kind.ShouldBe(HolidayKind.Substitute);
        JapaneseHolidays.Find(new(2003, 7, 21))!.Name.ShouldBe("海の日");
        JapaneseHolidays.Find(new(2003, 9, 15))!.Name.ShouldBe("敬老の日");
    }

    [Fact]
    public void Silver_week_years_get_a_citizens_holiday_between_keiro_and_shubun()
    {
        foreach (var year in new[] { 2009, 2015, 2026 })
            JapaneseHolidays.Find(new(year, 9, 22))!.Kind.ShouldBe(HolidayKind.Citizens);
    }

    [Fact]
    public void Every_supported_year_follows_the_substitute_and_sandwich_rules()
    {
        int sundaysChecked = 0, sandwichesChecked = 0;
        for (var year = JapaneseHolidays.FirstYear; year <= JapaneseHolidays.LastYear; year++)
        {
            var holidays = JapaneseHolidays.InYear(year);
            var national = holidays.Where(h => h.Kind == HolidayKind.National).Select(h => h.Date).ToHashSet();
            national.Count.ShouldBeInRange(14, 18, $"{year}");

            // Not every year has a national holiday on a Sunday (or a 国民の休日): counted over all years below.
            foreach (var sunday in national.Where(d => d.DayOfWeek == DayOfWeek.Sunday))
            {
                sundaysChecked++;
                var next = sunday.AddDays(1);
                while (national.Contains(next)) next = next.AddDays(1);
                JapaneseHolidays.Find(next)!.Kind.ShouldBe(HolidayKind.Substitute, $"{sunday}");
            }
            foreach (var holiday in holidays.Where(h => h.Kind == HolidayKind.Citizens))
            {
                sandwichesChecked++;
                national.ShouldContain(holiday.Date.AddDays(-1));
                national.ShouldContain(holiday.Date.AddDays(1));
            }
            holidays.ShouldBeInOrder(SortDirection.Ascending, Comparer<Holiday>.Create((a, b) => a.Date.CompareTo(b.Date)));
        }
        sundaysChecked.ShouldBeGreaterThan(10);
        sandwichesChecked.ShouldBeGreaterThan(2);
    }

    [Theory]
    [InlineData(1999)]
    [InlineData(2100)]
    public void Years_outside_the_rules_are_refused(int year)
    {
        Should.Throw<ArgumentOutOfRangeException>(() => JapaneseHolidays.InYear(year));
        Should.Throw<ArgumentOutOfRangeException>(() => JapaneseHolidays.IsHoliday(new(year, 1, 1)));
    }
}
