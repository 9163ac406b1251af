namespace DxCollab.Standardization.Tracking;

/// <summary>The rules behind "what the mean hides", free of the database so they can be tested on their own.</summary>
public static class InsightRules
{
    /// <summary>The distribution buckets of a 団体's 完了率 for one 業務: 0%, 1–25%, 26–50%, 51–75%, 76–99%, 100%.</summary>
    public static IReadOnlyList<string> BucketLabels { get; } = ["0%", "1〜25%", "26〜50%", "51〜75%", "76〜99%", "100%"];

    /// <summary>A step is overdue when its planned date is before today on the Tokyo calendar and it is neither 完了済み
    /// nor 対象外: a step planned for today is not late yet, whatever the UTC date says.</summary>
    public static bool IsOverdue(StepStatus status, DateOnly? plannedDate, DateOnly todayInTokyo) =>
        plannedDate is { } planned && planned < todayInTokyo && !status.CountsAsDone();

    /// <summary>Days past the planned date (1 on the day after it).</summary>
    public static int DaysOverdue(DateOnly plannedDate, DateOnly todayInTokyo) => todayInTokyo.DayNumber - plannedDate.DayNumber;

    /// <summary>A system is stalled when nothing changed for <paramref name="weeks"/> weeks. A system never touched is
    /// measured from <paramref name="trackingStartUtc"/> (the tenant's first recorded change): before anyone in the
    /// prefecture records anything there is nothing to call stalled.</summary>
    public static bool IsStalled(DateTime? lastChangeUtc, DateTime? trackingStartUtc, DateTimeOffset now, int weeks) =>
        (lastChangeUtc ?? trackingStartUtc) is { } since && since <= now.UtcDateTime.AddDays(-7 * weeks);

    /// <summary>The bucket (0–5) of an exact 完了率: 0 only for exactly 0, 5 only for exactly 100%; 25% is in 1–25%.</summary>
    public static int Bucket(decimal rate) => rate switch
    {
        <= 0m => 0,
        >= 1m => 5,
        <= 0.25m => 1,
        <= 0.5m => 2,
        <= 0.75m => 3,
        _ => 4,
    };

    /// <summary>Counts per bucket, minimum, median, maximum and mean of the 団体's 完了率 for one 業務. The mean of rows of
    /// 40 steps each equals the 総務省 group rate.</summary>
    public static RateDistribution Distribute(IEnumerable<decimal> rates)
    {
        var sorted = rates.Order().ToList();
        var buckets = new int[BucketLabels.Count];
        foreach (var rate in sorted) buckets[Bucket(rate)]++;
        if (sorted.Count == 0) return new RateDistribution(0, buckets, 0m, 0m, 0m, 0m);
        var middle = sorted.Count / 2;
        var median = sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new RateDistribution(sorted.Count, buckets, sorted[0], median, sorted[^1], sorted.Sum() / sorted.Count);
    }
}

/// <summary>How the 団体's 完了率 for one 業務 spread (rates 0–1, exact).</summary>
public sealed record RateDistribution(int Organizations, IReadOnlyList<int> Buckets, decimal Min, decimal Median, decimal Max, decimal Mean)
{
    public int AtZero => Buckets[0];

    /// <summary>The mean looks like half the way or more, yet some 団体 have not started at all: the case the 総務省
    /// mean hides.</summary>
    public bool MeanHidesLaggards => Mean >= 0.5m && AtZero > 0;
}
