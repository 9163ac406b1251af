using DxCollab.Platform.Text;

namespace DxCollab.Platform.Tests.Text;

/// <summary>年度 and 和暦 as staff read them, always on the Tokyo calendar day.</summary>
public sealed class JapaneseCalendarTests
{
    [Theory]
    [InlineData("2026-03-31", 2025)]
    [InlineData("2026-04-01", 2026)]
    [InlineData("2027-01-15", 2026)]
    public void The_fiscal_year_runs_from_april_to_march(string date, int fiscalYear) =>
        JapaneseCalendar.FiscalYear(DateOnly.Parse(date)).ShouldBe(fiscalYear);

    [Theory]
    [InlineData("2019-04-30", "平成31年")]
    [InlineData("2019-05-01", "令和元年")]
    [InlineData("2026-11-29", "令和8年")]
    public void Era_years_follow_the_imperial_era_with_gannen(string date, string expected) =>
        JapaneseCalendar.EraYear(DateOnly.Parse(date)).ShouldBe(expected);

    [Fact]
    public void The_fiscal_year_label_uses_the_tokyo_day()
    {
        // 2026-03-31 15:30 UTC is already 2026-04-01 in Tokyo: the new 年度.
        JapaneseCalendar.FiscalYearLabel(new DateTimeOffset(2026, 3, 31, 15, 30, 0, TimeSpan.Zero)).ShouldBe("令和8年度（2026年度）");
        JapaneseCalendar.FiscalYearLabel(new DateTimeOffset(2026, 3, 31, 14, 30, 0, TimeSpan.Zero)).ShouldBe("令和7年度（2025年度）");
    }

    [Fact]
    public void Dates_read_in_wareki() => JapaneseCalendar.Format(new DateOnly(2026, 12, 4)).ShouldBe("令和8年12月4日");
}
