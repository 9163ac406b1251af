namespace DxCollab.Surveys.SpecialForms;

/// <summary>The kind of a KPI's 目標値: a number, a direction (増加・減少), 「維持」, or none.</summary>
public enum KpiTargetKind { Number = 1, Increase = 2, Decrease = 3, Maintain = 4, None = 5 }

/// <summary>区分 of the 改革工程表: A = progress at least in line with the time elapsed, B = behind, N = no data yet,
/// F = no numeric target to judge against.</summary>
public enum KpiClass { A, B, N, F }

/// <summary>A figure and the day it describes (基準値・基準時点, 実績値・時点).</summary>
public sealed record KpiFigure(decimal Value, DateOnly At);

/// <summary>What the classifier needs of one KPI row.</summary>
public sealed record KpiRow(KpiTargetKind TargetKind, decimal? Target, DateOnly? DueBy, KpiFigure? Baseline, KpiFigure? Actual);

/// <summary>Computes the 区分 of a KPI row. Pure, so every rule is unit-tested.</summary>
public static class KpiClassifier
{
    public static KpiClass Classify(KpiRow row)
    {
        if (row.TargetKind == KpiTargetKind.None || (row.TargetKind == KpiTargetKind.Number && row.Target is null)) return KpiClass.F;
        // N: no 実績 yet, or nothing to measure progress from (a 基準値 is what "progress" is counted from).
        if (row.Actual is not { } actual || row.Baseline is not { } baseline) return KpiClass.N;
        return row.TargetKind switch
        {
            // A direction: any move that way since the 基準時点 is on track; standing still or going back is behind.
            KpiTargetKind.Increase => actual.Value > baseline.Value ? KpiClass.A : KpiClass.B,
            KpiTargetKind.Decrease => actual.Value < baseline.Value ? KpiClass.A : KpiClass.B,
            // 維持: keeping the level (the stated value, or the 基準値 when none is stated) or better. 維持 KPIs are
            // levels to keep up (実施率 100% を維持), so "better" is higher.
            KpiTargetKind.Maintain => actual.Value >= (row.Target ?? baseline.Value) ? KpiClass.A : KpiClass.B,
            _ => InLineWithTime(row.Target!.Value, row.DueBy, baseline, actual) ? KpiClass.A : KpiClass.B,
        };
    }

    /// <summary>"In line with the time elapsed", precisely:
    /// (実績 − 基準) / (目標 − 基準) ≥ (時点 − 基準時点) / (達成時期 − 基準時点),
    /// i.e. the share of the way to the target already covered is at least the share of the time already spent.
    /// Works the same for decreasing targets (both differences negative). The time share is capped at 1 (a figure
    /// after the 達成時期 must have reached the target) and floored at 0; with no 達成時期 only the direction counts.
    /// A target equal to the 基準値 is a level to keep: on track when the figure has not fallen below it.</summary>
    public static bool InLineWithTime(decimal target, DateOnly? dueBy, KpiFigure baseline, KpiFigure actual)
    {
        var distance = target - baseline.Value;
        if (distance == 0) return actual.Value >= target;
        var progress = (actual.Value - baseline.Value) / distance;
        if (dueBy is not { } due) return progress > 0;
        var span = due.DayNumber - baseline.At.DayNumber;
        var elapsed = span <= 0 ? 1m : Math.Clamp((decimal)(actual.At.DayNumber - baseline.At.DayNumber) / span, 0m, 1m);
        return progress >= elapsed;
    }

    public static string Describe(this KpiClass kpiClass) => kpiClass switch
    {
        KpiClass.A => "A: 時間の経過に見合って進んでいる",
        KpiClass.B => "B: 遅れている",
        KpiClass.N => "N: まだ実績がない",
        _ => "F: 数値の目標がない",
    };

    public static string ToJapanese(this KpiTargetKind kind) => kind switch
    {
        KpiTargetKind.Number => "数値",
        KpiTargetKind.Increase => "増加",
        KpiTargetKind.Decrease => "減少",
        KpiTargetKind.Maintain => "維持",
        _ => "なし",
    };
}
