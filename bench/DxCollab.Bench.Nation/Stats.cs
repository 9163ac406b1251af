namespace DxCollab.Bench.Nation;

internal static class Stats
{
    public static double Median(IEnumerable<double> values) => Percentile(values, 50);

    /// <summary>Nearest-rank percentile (p99 of 100 samples is the 99th smallest).</summary>
    public static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0) return double.NaN;
        var rank = (int)Math.Ceiling(p / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    public static string Ms(double ms) => double.IsNaN(ms) ? "–" : ms >= 100
        ? ms.ToString("0", System.Globalization.CultureInfo.InvariantCulture)
        : ms.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);

    public static string F(double value, string format = "0.00") => value.ToString(format, System.Globalization.CultureInfo.InvariantCulture);
}
