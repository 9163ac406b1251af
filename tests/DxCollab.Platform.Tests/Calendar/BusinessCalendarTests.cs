using System.Globalization;
using DxCollab.Platform.Calendar;
using DxCollab.Platform.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DxCollab.Platform.Tests.Calendar;

public class BusinessCalendarTests
{
    private static readonly BusinessCalendar Standard = Make(new CalendarOptions());

    private static BusinessCalendar Make(CalendarOptions options) => new(Options.Create(options));
    private static DateOnly D(string date) => DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-12-28", null)]          // Monday, the last open day of the year
    [InlineData("2026-12-29", "年末年始")]
    [InlineData("2026-12-31", "年末年始")]
    [InlineData("2027-01-01", "祝日（元日）")] // the 祝日 is the more specific reason
    [InlineData("2027-01-02", "年末年始")]     // a Saturday inside 年末年始
    [InlineData("2027-01-03", "年末年始")]
    [InlineData("2027-01-04", null)]          // 仕事始め
    [InlineData("2026-11-28", "土曜日")]
    [InlineData("2026-11-29", "日曜日")]
    [InlineData("2026-05-03", "祝日（憲法記念日）")] // a 祝日 on a Sunday is still named as the 祝日
    [InlineData("2026-05-06", "振替休日")]
    [InlineData("2026-09-22", "国民の休日")]
    [InlineData("2026-11-30", null)]
    public void Closed_days_give_their_Japanese_reason(string date, string? reason)
    {
        Standard.ClosedReason(D(date)).ShouldBe(reason);
        Standard.IsClosed(D(date)).ShouldBe(reason is not null);
        Standard.IsBusinessDay(D(date)).ShouldBe(reason is null);
    }

    [Fact]
    public void Three_business_days_before_the_first_January_deadline_skip_the_year_end() =>
        Standard.BusinessDaysBefore(D("2027-01-05"), 3).ShouldBe(D("2026-12-25"));

    [Theory]
    [InlineData("2026-05-02", DeadlineShift.Earlier, "2026-05-01")] // Saturday in Golden Week
    [InlineData("2026-05-02", DeadlineShift.Later, "2026-05-07")]
    [InlineData("2027-01-01", DeadlineShift.Earlier, "2026-12-28")]
    [InlineData("2027-01-01", DeadlineShift.Later, "2027-01-04")]
    [InlineData("2026-11-30", DeadlineShift.Earlier, "2026-11-30")] // a business day stays
    [InlineData("2026-11-30", DeadlineShift.Later, "2026-11-30")]
    public void A_deadline_on_a_closed_day_moves_to_a_business_day(string deadline, DeadlineShift shift, string moved) =>
        Standard.MoveDeadline(D(deadline), shift).ShouldBe(D(moved));

    [Theory]
    [InlineData("2026-04-30", 1, "2026-05-01")]
    [InlineData("2026-04-30", 2, "2026-05-07")] // over 5/2–5/6
    [InlineData("2026-05-07", -2, "2026-04-30")]
    [InlineData("2026-05-02", 1, "2026-05-07")] // from a closed day the first business day counts as 1
    [InlineData("2026-12-25", 2, "2027-01-04")]
    [InlineData("2027-01-04", -1, "2026-12-28")]
    [InlineData("2026-11-27", 1, "2026-11-30")] // Friday + 1 = Monday
    [InlineData("2026-11-29", 0, "2026-11-29")]
    public void Business_days_are_added_over_Golden_Week_and_the_year_end(string date, int days, string expected) =>
        Standard.AddBusinessDays(D(date), days).ShouldBe(D(expected));

    [Fact]
    public void Next_and_previous_business_days_never_count_the_day_itself()
    {
        Standard.NextBusinessDay(D("2026-04-28")).ShouldBe(D("2026-04-30"));
        Standard.NextBusinessDay(D("2026-12-28")).ShouldBe(D("2027-01-04"));
        Standard.PreviousBusinessDay(D("2027-01-04")).ShouldBe(D("2026-12-28"));
        Standard.PreviousBusinessDay(D("2026-05-07")).ShouldBe(D("2026-05-01"));
    }

    [Fact]
    public void Business_days_before_a_deadline_are_never_closed_days()
    {
        for (var deadline = D("2026-04-01"); deadline <= D("2027-03-31"); deadline = deadline.AddDays(1))
            for (var n = 0; n <= 5; n++)
            {
                var day = Standard.BusinessDaysBefore(deadline, n);
                Standard.IsBusinessDay(day).ShouldBeTrue($"{n} before {deadline}");
                day.ShouldBeLessThanOrEqualTo(deadline);
            }
    }

    [Fact]
    public void Zero_business_days_before_a_closed_deadline_is_the_previous_business_day()
    {
        Standard.BusinessDaysBefore(D("2027-01-03"), 0).ShouldBe(D("2026-12-28"));
        Standard.BusinessDaysBefore(D("2027-01-04"), 0).ShouldBe(D("2027-01-04"));
        Should.Throw<ArgumentOutOfRangeException>(() => Standard.BusinessDaysBefore(D("2027-01-04"), -1));
    }

    [Theory]
    [InlineData("2026-04-27", "2026-05-08", 6)] // 4/27, 4/28, 4/30, 5/1, 5/7, 5/8
    [InlineData("2026-12-01", "2026-12-31", 20)] // no December 祝日 since 2019; 12/29–31 closed
    [InlineData("2026-12-29", "2027-01-03", 0)]
    [InlineData("2026-11-30", "2026-11-30", 1)]
    public void Business_days_are_counted_with_both_ends_included(string from, string to, int count) =>
        Standard.CountBusinessDays(D(from), D(to)).ShouldBe(count);

    [Fact]
    public void Counting_agrees_with_adding()
    {
        var start = D("2026-04-01");
        for (var n = 1; n <= 250; n += 7)
            Standard.CountBusinessDays(start.AddDays(1), Standard.AddBusinessDays(start, n)).ShouldBe(n);
        Should.Throw<ArgumentOutOfRangeException>(() => Standard.CountBusinessDays(D("2026-12-02"), D("2026-12-01")));
    }

    [Fact]
    public void Configured_extra_closed_and_open_days_override_the_rules()
    {
        var calendar = Make(new CalendarOptions
        {
            ExtraClosedDays = ["2026-06-15"],            // a prefecture's own 閉庁日 (a Monday)
            ExtraOpenDays = ["2026-11-29", "2027-01-02"], // 休日開庁 on a Sunday and inside 年末年始
        });

        calendar.ClosedReason(D("2026-06-15")).ShouldBe("臨時閉庁日");
        calendar.IsBusinessDay(D("2026-11-29")).ShouldBeTrue();
        calendar.IsBusinessDay(D("2027-01-02")).ShouldBeTrue();
        calendar.NextBusinessDay(D("2026-12-28")).ShouldBe(D("2027-01-02"));
        calendar.AddBusinessDays(D("2026-06-12"), 1).ShouldBe(D("2026-06-16"));
    }

    [Fact]
    public void The_year_end_closure_is_configurable_or_can_be_switched_off()
    {
        var longer = Make(new CalendarOptions { YearEndClosedFrom = "12-28", YearEndClosedTo = "01-04" });
        longer.ClosedReason(D("2026-12-28")).ShouldBe("年末年始");
        longer.ClosedReason(D("2027-01-04")).ShouldBe("年末年始");
        longer.IsBusinessDay(D("2027-01-05")).ShouldBeTrue();

        var inDecemberOnly = Make(new CalendarOptions { YearEndClosedFrom = "12-30", YearEndClosedTo = "12-31" });
        inDecemberOnly.IsBusinessDay(D("2026-12-29")).ShouldBeTrue();
        inDecemberOnly.IsClosed(D("2026-12-30")).ShouldBeTrue();
        inDecemberOnly.IsBusinessDay(D("2027-01-04")).ShouldBeTrue();

        var none = Make(new CalendarOptions { YearEndClosedFrom = "", YearEndClosedTo = "" });
        none.IsBusinessDay(D("2026-12-29")).ShouldBeTrue();
        none.ClosedReason(D("2027-01-01")).ShouldBe("祝日（元日）");
    }

    [Theory]
    [InlineData("2026-11-29T14:59:59Z", "2026-11-29")]
    [InlineData("2026-11-29T15:00:00Z", "2026-11-30")] // midnight in Tokyo (UTC+9)
    [InlineData("2026-11-29T15:30:00Z", "2026-11-30")]
    [InlineData("2026-12-31T15:00:00Z", "2027-01-01")]
    public void Today_is_the_Tokyo_calendar_day(string utc, string today) =>
        Standard.Today(new TestClock(DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture))).ShouldBe(D(today));

    [Fact]
    public void The_platform_registers_a_singleton_bound_to_the_Calendar_section()
    {
        using var provider = Services(new()
        {
            ["Calendar:YearEndClosedFrom"] = "12-28",
            ["Calendar:ExtraClosedDays:0"] = "2026-06-15",
            ["Calendar:ExtraOpenDays:0"] = "2026-11-29",
        });

        var calendar = provider.GetRequiredService<BusinessCalendar>();
        calendar.ShouldBeSameAs(provider.GetRequiredService<BusinessCalendar>());
        calendar.IsClosed(D("2026-12-28")).ShouldBeTrue();
        calendar.IsClosed(D("2026-06-15")).ShouldBeTrue();
        calendar.IsBusinessDay(D("2026-11-29")).ShouldBeTrue();
        calendar.IsBusinessDay(D("2027-01-04")).ShouldBeTrue(); // YearEndClosedTo keeps its default
    }

    [Fact]
    public void Malformed_configuration_is_rejected_with_the_offending_value()
    {
        using var provider = Services(new() { ["Calendar:YearEndClosedTo"] = "1/3", ["Calendar:ExtraClosedDays:0"] = "2026/06/15" });

        var error = Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<BusinessCalendar>());
        error.Failures.ShouldContain(f => f.Contains("1/3"));
        error.Failures.ShouldContain(f => f.Contains("2026/06/15"));
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddDxCollabPlatform(configuration, (_, _, _) => { }, "Data Source=:memory:")
            .BuildServiceProvider();
    }

    [Theory]
    [InlineData("2026-11-27", "2026-12-01", 2)] // asked on a Friday, read on Tuesday: Monday and Tuesday
    [InlineData("2026-12-25", "2027-01-05", 3)] // 12-28, then 年末年始 and 元日, then 01-04 and 01-05
    [InlineData("2026-05-01", "2026-05-07", 1)] // ゴールデンウィーク: 5-2 … 5-6 closed (振替休日 5-6)
    [InlineData("2026-02-10", "2026-02-12", 1)] // 建国記念の日 on a Wednesday
    [InlineData("2026-11-30", "2026-11-30", 0)] // the same day
    [InlineData("2026-12-01", "2026-11-30", 0)] // not after: nothing has passed
    public void Business_days_between_count_the_days_after_the_first_up_to_the_last(string from, string to, int expected) =>
        Standard.BusinessDaysBetween(D(from), D(to)).ShouldBe(expected);

    [Theory]
    [InlineData("2027-01-01", 1, "2027-01-04")]  // 年末年始 until 01-03
    [InlineData("2026-12-15", 1, "2026-12-01")]  // any day of the month names the month
    [InlineData("2026-12-01", 40, "2026-12-28")] // fewer than 40: the last open day before 年末年始
    [InlineData("2026-05-20", 2, "2026-05-07")]  // 5-1, then the holidays
    [InlineData("2026-02-28", 17, "2026-02-26")] // 建国記念の日 and 天皇誕生日 skipped
    [InlineData("2026-02-01", 18, "2026-02-27")] // February 2026 has exactly 18
    [InlineData("2026-02-01", 19, "2026-02-27")] // a month end on a Friday
    [InlineData("2026-10-01", 22, "2026-10-30")] // only 21 (スポーツの日), and 10-31 is a Saturday
    public void The_nth_business_day_of_a_month(string day, int n, string expected) =>
        Standard.NthBusinessDayOfMonth(D(day), n).ShouldBe(D(expected));

    [Fact]
    public void There_is_no_zeroth_business_day() =>
        Should.Throw<ArgumentOutOfRangeException>(() => Standard.NthBusinessDayOfMonth(D("2026-12-01"), 0));
}
