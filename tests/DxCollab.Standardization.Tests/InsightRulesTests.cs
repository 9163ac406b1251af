using DxCollab.Platform.Text;
using DxCollab.Standardization.Tracking;

namespace DxCollab.Standardization.Tests;

/// <summary>What the mean hides: overdue on Tokyo dates, the stalled threshold, and the distribution buckets.</summary>
public class InsightRulesTests
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    // 2026-11-29 15:30 UTC is already 2026-11-30 00:30 in Tokyo.
    private static readonly DateTimeOffset JustAfterTokyoMidnight = new(2026, 11, 29, 15, 30, 0, TimeSpan.Zero);

    [Fact]
    public void A_step_planned_for_today_in_tokyo_is_not_overdue_even_while_utc_is_still_yesterday()
    {
        var today = new ProgressInsights(null!, new FixedClock(JustAfterTokyoMidnight), null!).TodayInTokyo;
        today.ShouldBe(new DateOnly(2026, 11, 30));
        InsightRules.IsOverdue(StepStatus.InProgress, new DateOnly(2026, 11, 30), today).ShouldBeFalse();
        // Planned for the UTC "today": already a day late in Tokyo.
        InsightRules.IsOverdue(StepStatus.InProgress, new DateOnly(2026, 11, 29), today).ShouldBeTrue();
        InsightRules.DaysOverdue(new DateOnly(2026, 11, 29), today).ShouldBe(1);
        InsightRules.DaysOverdue(new DateOnly(2026, 10, 31), today).ShouldBe(30);
    }

    [Fact]
    public void Done_or_not_applicable_or_undated_steps_are_never_overdue()
    {
        var today = new DateOnly(2026, 11, 30);
        InsightRules.IsOverdue(StepStatus.Completed, new DateOnly(2026, 1, 1), today).ShouldBeFalse();
        InsightRules.IsOverdue(StepStatus.NotApplicable, new DateOnly(2026, 1, 1), today).ShouldBeFalse();
        InsightRules.IsOverdue(StepStatus.NotStarted, null, today).ShouldBeFalse();
        InsightRules.IsOverdue(StepStatus.NotStarted, new DateOnly(2026, 1, 1), today).ShouldBeTrue();
    }

    [Fact]
    public void A_system_is_stalled_from_exactly_n_weeks_without_change()
    {
        var now = JustAfterTokyoMidnight;
        var eightWeeksAgo = now.UtcDateTime.AddDays(-56);
        InsightRules.IsStalled(eightWeeksAgo, null, now, 8).ShouldBeTrue();
        InsightRules.IsStalled(eightWeeksAgo.AddMinutes(1), null, now, 8).ShouldBeFalse();
        InsightRules.IsStalled(eightWeeksAgo, null, now, 9).ShouldBeFalse();
        // Never touched: counted from the tenant's first record; nothing recorded anywhere = nothing stalled.
        InsightRules.IsStalled(null, eightWeeksAgo.AddDays(-1), now, 8).ShouldBeTrue();
        InsightRules.IsStalled(null, now.UtcDateTime.AddDays(-3), now, 1).ShouldBeFalse();
        InsightRules.IsStalled(null, null, now, 1).ShouldBeFalse();
        // A recent change wins over an old tracking start.
        InsightRules.IsStalled(now.UtcDateTime.AddDays(-1), eightWeeksAgo.AddDays(-100), now, 8).ShouldBeFalse();
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(10, 1)]
    [InlineData(11, 2)]
    [InlineData(20, 2)]
    [InlineData(21, 3)]
    [InlineData(30, 3)]
    [InlineData(31, 4)]
    [InlineData(39, 4)]
    [InlineData(40, 5)]
    public void Buckets_follow_done_steps_of_forty(int doneSteps, int bucket) =>
        InsightRules.Bucket(doneSteps / 40m).ShouldBe(bucket);

    [Fact]
    public void A_fine_looking_mean_with_many_municipalities_at_zero_is_flagged()
    {
        // 6 of 10 done, 4 not started: mean 60%, median 100%, yet 4 団体 at 0%.
        var hidden = InsightRules.Distribute([.. Enumerable.Repeat(1m, 6), .. Enumerable.Repeat(0m, 4)]);
        hidden.Organizations.ShouldBe(10);
        hidden.Buckets.ShouldBe([4, 0, 0, 0, 0, 6]);
        hidden.Mean.ShouldBe(0.6m);
        hidden.Median.ShouldBe(1m);
        (hidden.Min, hidden.Max).ShouldBe((0m, 1m));
        hidden.MeanHidesLaggards.ShouldBeTrue();

        // The same mean with everyone half way: nothing hidden.
        var even = InsightRules.Distribute(Enumerable.Repeat(0.6m, 10));
        even.Buckets.ShouldBe([0, 0, 0, 10, 0, 0]);
        even.MeanHidesLaggards.ShouldBeFalse();

        var odd = InsightRules.Distribute([0.1m, 0.5m, 0.9m]);
        odd.Median.ShouldBe(0.5m);
        InsightRules.Distribute([]).Organizations.ShouldBe(0);
    }

    [Fact]
    public void Tokyo_today_of_the_insights_uses_japan_time()
    {
        JapaneseCalendar.TodayInTokyo(new DateTimeOffset(2026, 11, 29, 14, 59, 0, TimeSpan.Zero)).ShouldBe(new DateOnly(2026, 11, 29));
        new ProgressInsights(null!, new FixedClock(new DateTimeOffset(2026, 11, 29, 15, 0, 0, TimeSpan.Zero)), null!).TodayInTokyo.ShouldBe(new DateOnly(2026, 11, 30));
    }
}
