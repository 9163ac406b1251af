using DxCollab.Platform.Calendar;
using DxCollab.TalentPool.Activity;
using Microsoft.Extensions.Options;

namespace DxCollab.TalentPool.Tests;

/// <summary>Support reports fall due in 開庁日: weekends, 祝日 (with 振替休日) and 年末年始 are skipped.</summary>
public class ReportDueTests
{
    private static readonly BusinessCalendar Calendar = new(Options.Create(new CalendarOptions()));

    [Theory]
    [InlineData("2026-04-30", "2026-05-12")] // ゴールデンウィーク: 5/3 (Sunday) → 振替休日 5/6, so 5/1, 5/7, 5/8, 5/11, 5/12
    [InlineData("2026-12-24", "2027-01-06")] // 年末年始 12/29–1/3: 12/25, 12/28, 1/4, 1/5, 1/6
    [InlineData("2026-11-21", "2026-11-30")] // a Saturday visit, and 勤労感謝の日 on Monday 11/23
    [InlineData("2026-12-01", "2026-12-08")] // an ordinary week
    public void A_report_after_an_on_site_visit_is_due_5_business_days_later(string visit, string due) =>
        ReportDue.AfterVisit(Calendar, DateOnly.Parse(visit)).ShouldBe(DateOnly.Parse(due));

    [Fact]
    public void The_final_report_is_due_5_business_days_after_the_last_month_ends() =>
        ReportDue.Final(Calendar, new DateOnly(2027, 3, 1), completedOn: null).ShouldBe(new DateOnly(2027, 4, 7));

    [Fact]
    public void An_assignment_ending_in_december_has_its_final_report_due_after_the_new_year_holidays() =>
        ReportDue.Final(Calendar, new DateOnly(2026, 12, 1), completedOn: null).ShouldBe(new DateOnly(2027, 1, 8));

    [Fact]
    public void An_assignment_completed_early_has_its_final_report_due_5_business_days_after_completion_skipping_建国記念の日() =>
        ReportDue.Final(Calendar, new DateOnly(2027, 3, 1), completedOn: new DateOnly(2027, 2, 10)).ShouldBe(new DateOnly(2027, 2, 18));
}
