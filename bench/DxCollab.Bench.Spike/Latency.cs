using System.Globalization;

namespace DxCollab.Bench.Spike;

/// <summary>One measured request.</summary>
public sealed record Sample(string Step, int Status, TimeSpan Elapsed);

/// <summary>Percentiles (nearest rank) and failures of one phase.</summary>
public sealed record PhaseSummary(string Phase, int Requests, TimeSpan P50, TimeSpan P95, TimeSpan P99, TimeSpan Max, int ServerErrors, int OtherFailures)
{
    public static PhaseSummary Of(string phase, IReadOnlyCollection<Sample> samples)
    {
        var sorted = samples.Select(s => s.Elapsed).Order().ToList();
        TimeSpan At(double p) => sorted.Count == 0 ? TimeSpan.Zero : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
        return new(phase, samples.Count, At(0.50), At(0.95), At(0.99), sorted.Count == 0 ? TimeSpan.Zero : sorted[^1],
            samples.Count(s => s.Status >= 500 || s.Status == 0), samples.Count(s => s.Status is >= 300 and < 500));
    }

    public static string Header => $"{"phase",-28} {"requests",8} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8} {"5xx",5} {"4xx",5}";

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Phase,-28} {Requests,8} {P50.TotalMilliseconds,8:0.0} {P95.TotalMilliseconds,8:0.0} {P99.TotalMilliseconds,8:0.0} {Max.TotalMilliseconds,8:0.0} {ServerErrors,5} {OtherFailures,5}");
}
