using DxCollab.Standardization.Workbook;

namespace DxCollab.Standardization;

/// <summary>Counts of the four statuses over one or more 団体 × 業務 rows (40 steps each).</summary>
public readonly record struct StepCounts(int Completed, int InProgress, int NotStarted, int NotApplicable)
{
    public int Total => Completed + InProgress + NotStarted + NotApplicable;
    /// <summary>完了済み + 対象外: what the 完了率 counts.</summary>
    public int Done => Completed + NotApplicable;

    public static StepCounts operator +(StepCounts a, StepCounts b) =>
        new(a.Completed + b.Completed, a.InProgress + b.InProgress, a.NotStarted + b.NotStarted, a.NotApplicable + b.NotApplicable);

    public static StepCounts Of(IEnumerable<StepStatus> statuses)
    {
        int completed = 0, inProgress = 0, notStarted = 0, notApplicable = 0;
        foreach (var status in statuses)
        {
            switch (status)
            {
                case StepStatus.Completed: completed++; break;
                case StepStatus.InProgress: inProgress++; break;
                case StepStatus.NotStarted: notStarted++; break;
                case StepStatus.NotApplicable: notApplicable++; break;
                default: throw new ArgumentOutOfRangeException(nameof(statuses), status, null);
            }
        }
        return new(completed, inProgress, notStarted, notApplicable);
    }
}

/// <summary>Rates as exact fractions (0–1). <see cref="Rows"/> is the number of 団体 × 業務 rows behind them;
/// 0 rows gives 0 rates, so check <see cref="Rows"/> before showing them.</summary>
public readonly record struct ProgressRates(decimal CompletionRate, decimal InProgressRate, decimal NotStartedRate, int Rows)
{
    /// <summary>完了率 in % rounded to 0.1 (for display only).</summary>
    public decimal CompletionPercent => ProgressMath.ToDisplayPercent(CompletionRate);
    /// <summary>作業中率 in % rounded to 0.1 (for display only).</summary>
    public decimal InProgressPercent => ProgressMath.ToDisplayPercent(InProgressRate);
    /// <summary>未着手率 in % rounded to 0.1 (for display only).</summary>
    public decimal NotStartedPercent => ProgressMath.ToDisplayPercent(NotStartedRate);
}

/// <summary>Progress as 総務省 computes it. Per 団体 × 業務: 完了率 = (完了済み + 対象外) / 40, 作業中率 = 作業中 / 40,
/// 未着手率 = 未着手 / 40. For a group: the step counts summed over its rows / (40 × rows) — not the mean of
/// rounded row rates. Rates are exact decimals; round only for display (<see cref="ToDisplayPercent"/>).</summary>
public static class ProgressMath
{
    public const int StepsPerRow = WorkbookLayout.StepCount;

    /// <summary>Rates of one row of exactly 40 statuses.</summary>
    public static ProgressRates ForRow(IReadOnlyCollection<StepStatus> statuses)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        if (statuses.Count != StepsPerRow)
            throw new ArgumentException($"A row has {StepsPerRow} steps, got {statuses.Count}.", nameof(statuses));
        return FromCounts(StepCounts.Of(statuses), 1);
    }

    /// <summary>Rates of a group: sums over its rows (each of 40 statuses) / (40 × rows).</summary>
    public static ProgressRates ForGroup(IEnumerable<IReadOnlyCollection<StepStatus>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var counts = default(StepCounts);
        var rowCount = 0;
        foreach (var row in rows)
        {
            if (row.Count != StepsPerRow)
                throw new ArgumentException($"A row has {StepsPerRow} steps, got {row.Count}.", nameof(rows));
            counts += StepCounts.Of(row);
            rowCount++;
        }
        return FromCounts(counts, rowCount);
    }

    /// <summary>Rates from counts already summed over <paramref name="rows"/> rows (e.g. by a database query).</summary>
    public static ProgressRates FromCounts(StepCounts counts, int rows)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        if (counts.Total != StepsPerRow * rows)
            throw new ArgumentException($"{rows} rows need {StepsPerRow * rows} step statuses, got {counts.Total}.", nameof(counts));
        if (rows == 0) return new(0m, 0m, 0m, 0);
        decimal denominator = StepsPerRow * rows;
        return new(counts.Done / denominator, counts.InProgress / denominator, counts.NotStarted / denominator, rows);
    }

    /// <summary>A rate (0–1) as a percentage rounded half up to 0.1 (0.59245 → 59.2), for display only.</summary>
    public static decimal ToDisplayPercent(decimal rate) => Math.Round(rate * 100m, 1, MidpointRounding.AwayFromZero);

    /// <summary>「59.2%」</summary>
    public static string FormatPercent(decimal rate) =>
        ToDisplayPercent(rate).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%";
}
