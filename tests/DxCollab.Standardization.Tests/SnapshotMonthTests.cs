using DxCollab.Platform.Calendar;
using DxCollab.Platform.Organizations;
using DxCollab.Platform.Web;
using DxCollab.Standardization.Reminders;
using DxCollab.Standardization.Snapshots;
using DxCollab.Standardization.Tracking;
using Microsoft.Extensions.Options;

namespace DxCollab.Standardization.Tests;

public sealed class SnapshotMonthTests
{
    [Theory]
    [InlineData("2026-10", 2026, 10)]
    [InlineData("2027-01", 2027, 1)]
    public void A_month_is_written_yyyy_mm(string text, int year, int month)
    {
        SnapshotMonth.TryParse(text, out var parsed).ShouldBeTrue();
        parsed.ShouldBe(new DateOnly(year, month, 1));
        SnapshotMonth.Format(parsed).ShouldBe(text);
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("2026-00")]
    [InlineData("2026-1")]
    [InlineData("26-10")]
    [InlineData("2026/10")]
    [InlineData("２０２６-１０")]
    [InlineData(null)]
    public void Anything_else_is_not_a_month(string? text) => SnapshotMonth.TryParse(text, out _).ShouldBeFalse();

    [Fact]
    public void Months_read_in_wareki_with_their_fiscal_year()
    {
        SnapshotMonth.Japanese(new DateOnly(2026, 10, 1)).ShouldBe("令和8年10月");
        SnapshotMonth.FiscalYear(new DateOnly(2027, 3, 1)).ShouldBe("令和8年度");
        SnapshotMonth.FiscalYear(new DateOnly(2027, 4, 1)).ShouldBe("令和9年度");
        SnapshotMonth.AsOf(new DateOnly(2026, 10, 1), SnapshotKind.MonthEnd, default).ShouldBe("令和8年10月末時点");
        // Taken 2026-11-29 20:00 UTC = 11-30 in Tokyo.
        SnapshotMonth.AsOf(new DateOnly(2026, 11, 1), SnapshotKind.Manual, new DateTime(2026, 11, 29, 20, 0, 0, DateTimeKind.Utc))
            .ShouldBe("令和8年11月30日時点（途中経過）");
    }

    [Fact]
    public void The_demo_rolls_back_progress_month_by_month_and_keeps_forty_steps_per_row()
    {
        var today = new ProgressCell("272035", "豊中市", OrganizationType.CoreCity, 3, new StepCounts(30, 6, 2, 2));
        var months = Enumerable.Range(0, 7).Select(back => SnapshotDemoData.RollBack(today, back)).ToList();
        months[0].ShouldBe(today);
        months.ShouldAllBe(m => m.Counts.Total == 40 && m.Counts.NotApplicable == 2);
        for (var i = 1; i < months.Count; i++) months[i].Counts.Done.ShouldBeLessThanOrEqualTo(months[i - 1].Counts.Done);
        months[6].Counts.Completed.ShouldBeLessThan(30);
        SnapshotDemoData.RollBack(today, 3).ShouldBe(SnapshotDemoData.RollBack(today, 3));
    }

    [Fact]
    public void Grouping_counts_sums_rows_as_somusho_does()
    {
        ProgressCell[] cells =
        [
            new("272035", "豊中市", OrganizationType.CoreCity, 3, new StepCounts(40, 0, 0, 0)),
            new("272035", "豊中市", OrganizationType.CoreCity, 4, new StepCounts(0, 10, 30, 0)),
            new("273830", "千早赤阪村", OrganizationType.Village, 3, new StepCounts(10, 0, 20, 10)),
            new("270008", "大阪府", OrganizationType.Prefecture, 14, new StepCounts(20, 0, 20, 0)),
        ];
        var byCategory = ProgressGrouper.Group(cells, ProgressGrouping.Category);
        byCategory[0].ShouldBe(new ProgressGroup(ProgressReport.AllMunicipalitiesKey, "全市区町村", 3, 50, 10, 50, 10));
        byCategory[0].CompletionRate.ShouldBe(60.0 / 120);
        byCategory.Single(g => g.Label == "都道府県").Rows.ShouldBe(1);
        ProgressGrouper.Group(cells, ProgressGrouping.Organization).Select(g => g.Key).ShouldBe(["270008", "272035", "273830"]);
        ProgressGrouper.Group(cells, ProgressGrouping.Business).Single(g => g.Key == "3").Label.ShouldBe("住民基本台帳");
        Should.Throw<ArgumentOutOfRangeException>(() => ProgressGrouper.Group(cells, ProgressGrouping.Step));
    }

    [Theory]
    [InlineData(2031, 9, 10, "2031-09-12")] // 9-1 is a Monday
    [InlineData(2031, 10, 3, "2031-10-03")]
    [InlineData(2027, 1, 1, "2027-01-04")] // 年末年始 until 01-03
    [InlineData(2026, 5, 3, "2026-05-08")] // 5-1 Fri, then 5-2 … 5-6 closed (憲法記念日 on a Sunday: 振替休日 5-6)
    [InlineData(2031, 9, 40, "2031-09-30")] // more than the month has: its last business day
    public void The_monthly_request_day_counts_business_days(int year, int month, int businessDay, string expected)
    {
        var rule = new MonthlyUpdateRequestRule(new BusinessCalendar(Options.Create(new CalendarOptions())));
        rule.RequestDay(new DateOnly(year, month, 1), businessDay).ToString("yyyy-MM-dd").ShouldBe(expected);
    }

    [Fact]
    public void The_line_chart_is_an_image_with_a_title_markers_dashes_and_direct_labels()
    {
        var chart = new LineChart("t", "団体区分ごとの完了率の推移", ["5月", "6月", "7月"],
            [new LineSeries("中核市", [10, 20, 30]), new LineSeries("町村", [5, null, 15]), new LineSeries("<script>", [1, 2, 3])], "%", 100,
            ["令和8年", null, null]);
        var svg = chart.ToSvg();
        svg.ShouldContain("role=\"img\"");
        svg.ShouldContain("<title id=\"t-title\">団体区分ごとの完了率の推移</title>");
        svg.ShouldContain("stroke-dasharray=\"8 4\"");
        svg.ShouldContain("<circle");
        svg.ShouldContain("<rect");
        svg.ShouldContain("中核市 30.0%");
        svg.ShouldContain("町村 15.0%");
        svg.ShouldContain("令和8年");
        svg.ShouldNotContain("<script>");
    }
}
