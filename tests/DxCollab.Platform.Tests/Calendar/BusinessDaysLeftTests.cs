using System.Globalization;
using DxCollab.Platform.Calendar;
using Microsoft.Extensions.Options;

namespace DxCollab.Platform.Tests.Calendar;

/// <summary>The signed count a deadline reminder and the 照会 status board show: 開庁日 left, 0 on the day, negative after.</summary>
public class BusinessDaysLeftTests
{
    private static readonly BusinessCalendar Standard = new(Options.Create(new CalendarOptions()));

    private static DateOnly D(string date) => DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-11-30", "2026-11-30", 0)]   // Monday, on the day
    [InlineData("2026-11-30", "2026-12-04", 4)]   // to Friday of the same week
    [InlineData("2026-11-27", "2026-11-30", 1)]   // Friday to Monday: the weekend does not count
    [InlineData("2026-11-28", "2026-11-30", 1)]   // asked on a Saturday, due Monday
    [InlineData("2026-12-25", "2027-01-05", 3)]   // over 年末年始 and 元日: 12-28, 01-04, 01-05
    [InlineData("2026-11-30", "2026-11-27", -1)]  // due last Friday, read on Monday: one day late
    [InlineData("2027-01-05", "2026-12-25", -3)]  // mirror of the year-end case
    public void Days_left_count_business_days_and_turn_negative_after_the_deadline(string today, string deadline, int left) =>
        Standard.BusinessDaysLeft(D(today), D(deadline)).ShouldBe(left);

    [Fact]
    public void A_deadline_on_a_closed_day_that_has_passed_counts_only_the_open_days_since()
    {
        // Due Saturday 11-28, read on Saturday and Sunday: nothing open has passed yet; on Monday one has.
        Standard.BusinessDaysLeft(D("2026-11-28"), D("2026-11-28")).ShouldBe(0);
        Standard.BusinessDaysLeft(D("2026-11-29"), D("2026-11-28")).ShouldBe(0);
        Standard.BusinessDaysLeft(D("2026-11-30"), D("2026-11-28")).ShouldBe(-1);
    }
}
