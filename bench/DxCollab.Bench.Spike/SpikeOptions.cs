using System.Globalization;

namespace DxCollab.Bench.Spike;

/// <summary>What to run: <c>--organizations 180 --window 60 --questions 30 --tenant hokkaido --seed 9 --keep-database
/// --baseline-only</c>. PostgreSQL connections come from DXCOLLAB_BENCH_PG_ADMIN / _OWNER / _APP, or else the test
/// variables that <c>infra/test-env.sh</c> exports (DXCOLLAB_TEST_PG_*).</summary>
public sealed record SpikeOptions(int Organizations, TimeSpan Window, int Questions, string Tenant, int Seed, bool KeepDatabase,
    bool BaselineOnly, string AdminConnection, string OwnerConnection, string AppConnection)
{
    /// <summary>The budget: p99 under 500 ms, no 5xx, no lost answer.</summary>
    public static readonly TimeSpan P99Budget = TimeSpan.FromMilliseconds(500);

    public static SpikeOptions Parse(string[] args)
    {
        string? Value(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }
        int Number(string name, int fallback) => Value(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

        return new SpikeOptions(
            Organizations: Number("--organizations", 180),
            Window: TimeSpan.FromSeconds(Number("--window", 60)),
            Questions: Number("--questions", 30),
            Tenant: Value("--tenant") ?? "hokkaido",
            Seed: Number("--seed", 20261203),
            KeepDatabase: args.Contains("--keep-database"),
            BaselineOnly: args.Contains("--baseline-only"),
            AdminConnection: Connection("ADMIN"),
            OwnerConnection: Connection("OWNER"),
            AppConnection: Connection("APP"));
    }

    private static string Connection(string role) =>
        Environment.GetEnvironmentVariable($"DXCOLLAB_BENCH_PG_{role}") is { Length: > 0 } bench ? bench
        : Environment.GetEnvironmentVariable($"DXCOLLAB_TEST_PG_{role}") is { Length: > 0 } test ? test
        : throw new InvalidOperationException(
            $"DXCOLLAB_BENCH_PG_{role} (or DXCOLLAB_TEST_PG_{role}) is not set: `source infra/test-env.sh` first (see bench/DxCollab.Bench.Spike/README.md).");
}
