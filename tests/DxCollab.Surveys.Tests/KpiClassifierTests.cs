using DxCollab.Surveys.SpecialForms;

namespace DxCollab.Surveys.Tests;

/// <summary>区分 A/B/N/F of a KPI row, as the KPI table shows it per KPI per 団体.</summary>
public sealed class KpiClassifierTests
{
    private static readonly DateOnly Base = new(2024, 4, 1);
    private static readonly DateOnly Due = new(2028, 4, 1);           // four years
    private static readonly DateOnly Halfway = new(2026, 4, 1);       // 730 of 1,461 days: just under half the time

    private static KpiClass Number(decimal target, decimal baseline, decimal actual, DateOnly? at = null, DateOnly? due = null) =>
        KpiClassifier.Classify(new KpiRow(KpiTargetKind.Number, target, due ?? Due, new KpiFigure(baseline, Base), new KpiFigure(actual, at ?? Halfway)));

    [Fact]
    public void Progress_at_least_in_line_with_the_time_elapsed_is_A()
    {
        Number(target: 100, baseline: 20, actual: 61).ShouldBe(KpiClass.A);   // 41/80 = 51.3% of the way, 50.0% of the time (rounded)
        Number(target: 100, baseline: 20, actual: 100).ShouldBe(KpiClass.A);
    }

    [Fact]
    public void Progress_behind_the_time_elapsed_is_B()
    {
        Number(target: 100, baseline: 20, actual: 59).ShouldBe(KpiClass.B);   // 48.8% of the way, 50.0% of the time
        Number(target: 100, baseline: 20, actual: 15).ShouldBe(KpiClass.B);   // went back
    }

    [Fact]
    public void A_decreasing_target_counts_the_way_down()
    {
        // 待機時間 60 分 → 20 分: halfway in time needs 40 分 or less.
        Number(target: 20, baseline: 60, actual: 39).ShouldBe(KpiClass.A);
        Number(target: 20, baseline: 60, actual: 41).ShouldBe(KpiClass.B);
        Number(target: 20, baseline: 60, actual: 70).ShouldBe(KpiClass.B);
    }

    [Fact]
    public void After_the_due_date_only_the_target_itself_is_A()
    {
        var late = new DateOnly(2029, 3, 31);
        Number(target: 100, baseline: 20, actual: 99, at: late).ShouldBe(KpiClass.B);
        Number(target: 100, baseline: 20, actual: 100, at: late).ShouldBe(KpiClass.A);
    }

    [Fact]
    public void No_actual_figure_or_no_baseline_is_N()
    {
        KpiClassifier.Classify(new KpiRow(KpiTargetKind.Number, 100, Due, new KpiFigure(20, Base), null)).ShouldBe(KpiClass.N);
        KpiClassifier.Classify(new KpiRow(KpiTargetKind.Increase, null, null, new KpiFigure(20, Base), null)).ShouldBe(KpiClass.N);
        KpiClassifier.Classify(new KpiRow(KpiTargetKind.Number, 100, Due, null, new KpiFigure(50, Halfway))).ShouldBe(KpiClass.N);
    }

    [Fact]
    public void No_target_or_a_number_target_without_a_value_is_F()
    {
        KpiClassifier.Classify(new KpiRow(KpiTargetKind.None, null, null, new KpiFigure(20, Base), new KpiFigure(30, Halfway))).ShouldBe(KpiClass.F);
        KpiClassifier.Classify(new KpiRow(KpiTargetKind.Number, null, Due, new KpiFigure(20, Base), new KpiFigure(30, Halfway))).ShouldBe(KpiClass.F);
        KpiClassifier.Classify(new KpiRow(KpiTargetKind.None, null, null, null, null)).ShouldBe(KpiClass.F);
    }

    [Fact]
    public void Direction_targets_need_a_move_that_way()
    {
        KpiClassifier.Classify(new KpiRow(KpiTargetKind.Increase, null, null, new KpiFigure(20, Base), new KpiFigure(21, Halfway))).ShouldBe(KpiClass.A);
        KpiClassifier.Classify(new KpiRow(KpiTargetKind.Increase, null, null, new KpiFigure(20, Base), new KpiFigure(20, Halfway))).ShouldBe(KpiClass.B);
        KpiClassifier.Classify(new KpiRow(KpiTargetKind.Decrease, null, null, new KpiFigure(20, Base), new KpiFigure(12, Halfway))).ShouldBe(KpiClass.A);
        KpiClassifier.Classify(new KpiRow(KpiTargetKind.Decrease, null, null, new KpiFigure(20, Base), new KpiFigure(25, Halfway))).ShouldBe(KpiClass.B);
    }

    [Fact]
    public void Maintain_keeps_the_stated_level_or_the_baseline()
    {
        KpiClassifier.Classify(new KpiRow(KpiTargetKind.Maintain, 100, null, new KpiFigure(100, Base), new KpiFigure(100, Halfway))).ShouldBe(KpiClass.A);
        KpiClassifier.Classify(new KpiRow(KpiTargetKind.Maintain, 100, null, new KpiFigure(100, Base), new KpiFigure(98, Halfway))).ShouldBe(KpiClass.B);
        KpiClassifier.Classify(new KpiRow(KpiTargetKind.Maintain, null, null, new KpiFigure(80, Base), new KpiFigure(81, Halfway))).ShouldBe(KpiClass.A);
        KpiClassifier.Classify(new KpiRow(KpiTargetKind.Maintain, null, null, new KpiFigure(80, Base), new KpiFigure(79, Halfway))).ShouldBe(KpiClass.B);
    }

    [Fact]
    public void A_number_target_equal_to_the_baseline_is_a_level_to_keep_and_no_due_date_judges_the_direction()
    {
        Number(target: 50, baseline: 50, actual: 50).ShouldBe(KpiClass.A);
        Number(target: 50, baseline: 50, actual: 49).ShouldBe(KpiClass.B);
        KpiClassifier.Classify(new KpiRow(KpiTargetKind.Number, 100, null, new KpiFigure(20, Base), new KpiFigure(21, Halfway))).ShouldBe(KpiClass.A);
        KpiClassifier.Classify(new KpiRow(KpiTargetKind.Number, 100, null, new KpiFigure(20, Base), new KpiFigure(20, Halfway))).ShouldBe(KpiClass.B);
    }
}
