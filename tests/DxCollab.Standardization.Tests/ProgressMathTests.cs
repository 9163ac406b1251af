namespace DxCollab.Standardization.Tests;

public class ProgressMathTests
{
    [Fact]
    public void Row_rates_count_not_applicable_as_done()
    {
        var statuses = Enumerable.Repeat(StepStatus.Completed, 20)
            .Concat(Enumerable.Repeat(StepStatus.NotApplicable, 3))
            .Concat(Enumerable.Repeat(StepStatus.InProgress, 5))
            .Concat(Enumerable.Repeat(StepStatus.NotStarted, 12)).ToArray();
        var rates = ProgressMath.ForRow(statuses);
        rates.CompletionRate.ShouldBe(0.575m);
        rates.InProgressRate.ShouldBe(0.125m);
        rates.NotStartedRate.ShouldBe(0.3m);
        rates.Rows.ShouldBe(1);
        rates.CompletionPercent.ShouldBe(57.5m);
    }

    [Fact]
    public void Group_rates_are_sums_over_40_times_rows()
    {
        var done = Enumerable.Repeat(StepStatus.Completed, 40).ToArray();
        var oneDone = TestData.Statuses().Select((s, i) => i == 0 ? StepStatus.Completed : StepStatus.NotStarted).ToArray();
        var rates = ProgressMath.ForGroup([done, oneDone, oneDone]);
        rates.Rows.ShouldBe(3);
        rates.CompletionRate.ShouldBe(42m / 120m);
        rates.NotStartedRate.ShouldBe(78m / 120m);
        rates.InProgressRate.ShouldBe(0m);
        ProgressMath.FormatPercent(rates.CompletionRate).ShouldBe("35.0%");
    }

    [Fact]
    public void Empty_group_has_no_rows()
    {
        var rates = ProgressMath.ForGroup([]);
        rates.Rows.ShouldBe(0);
        rates.CompletionRate.ShouldBe(0m);
    }

    [Fact]
    public void From_counts_checks_the_total()
    {
        ProgressMath.FromCounts(new StepCounts(30, 5, 4, 1), 1).CompletionRate.ShouldBe(0.775m);
        Should.Throw<ArgumentException>(() => ProgressMath.FromCounts(new StepCounts(30, 5, 4, 0), 1));
        Should.Throw<ArgumentException>(() => ProgressMath.ForRow(new StepStatus[39]));
        (new StepCounts(1, 2, 3, 4) + new StepCounts(10, 20, 30, 40)).ShouldBe(new StepCounts(11, 22, 33, 44));
    }

    [Theory]
    [InlineData("0.59245", "59.2")]
    [InlineData("0.59250", "59.3")] // half up, as Excel's ROUND
    [InlineData("0.0005", "0.1")]
    [InlineData("0.00049", "0.0")]
    [InlineData("1", "100.0")]
    public void Display_rounding_to_a_tenth_of_a_percent(string rate, string percent)
    {
        var value = decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture);
        ProgressMath.ToDisplayPercent(value).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture).ShouldBe(percent);
        ProgressMath.FormatPercent(value).ShouldBe(percent + "%");
    }
}
