using DxCollab.Platform.Calendar;
using DxCollab.Standardization.Inquiries;
using Microsoft.Extensions.Options;

namespace DxCollab.Standardization.Tests;

/// <summary>How 開庁日 waited for an answer are counted (which files are accepted: Platform.Tests FileTypesTests).</summary>
public sealed class EvidenceAndInquiryRulesTests
{
    [Theory]
    [InlineData("2026-11-27T01:00:00Z", "2026-11-27", 0)] // asked today (Friday)
    [InlineData("2026-11-27T01:00:00Z", "2026-11-30", 1)] // Friday → Monday: the weekend does not count
    [InlineData("2026-11-27T01:00:00Z", "2026-12-01", 2)]
    [InlineData("2026-11-26T16:00:00Z", "2026-11-27", 0)] // 01:00 Friday in Tokyo, although Thursday in UTC
    [InlineData("2026-12-25T01:00:00Z", "2027-01-05", 3)] // 年末年始 (12-29 … 01-03) and weekends: only 12-28, 01-04 and 01-05
    public void Waiting_is_counted_in_business_days_after_the_day_of_asking(string askedUtc, string today, int expected)
    {
        var calendar = new BusinessCalendar(Options.Create(new CalendarOptions()));
        InquiryService.WaitingBusinessDays(calendar, DateTime.Parse(askedUtc, null, System.Globalization.DateTimeStyles.AdjustToUniversal),
            DateOnly.Parse(today)).ShouldBe(expected);
    }
}
