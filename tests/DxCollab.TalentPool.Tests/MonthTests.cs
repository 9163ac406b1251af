using DxCollab.TalentPool.Matching;

namespace DxCollab.TalentPool.Tests;

public class MonthTests
{
    [Theory]
    [InlineData("2026-12", true)]
    [InlineData(" 2027-03 ", true)]
    [InlineData("2026-13", false)]
    [InlineData("2026/12", false)]
    [InlineData("9999-12", false)]
    [InlineData("", false)]
    public void A_month_is_read_as_yyyy_MM_within_a_sane_range(string text, bool valid) =>
        AssignmentService.TryMonth(text, out _).ShouldBe(valid);

    [Fact]
    public void An_assignment_from_december_to_march_books_four_months_across_the_year_end() =>
        CapacityLedger.Months(new DateOnly(2026, 12, 1), new DateOnly(2027, 3, 1)).ShouldBe(
            [new DateOnly(2026, 12, 1), new DateOnly(2027, 1, 1), new DateOnly(2027, 2, 1), new DateOnly(2027, 3, 1)]);
}
