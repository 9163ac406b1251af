using System.Diagnostics;

namespace DxCollab.IntegrationTests.Faults;

/// <summary>Runs a program (pg_ctl, pg_dump …) and returns what it printed. Both streams are read (a full pipe would
/// stall it) and it is given up after <c>patience</c>: a tool that hangs fails the test instead of the suite.</summary>
public static class ExternalCommand
{
    public static async Task<string> RunAsync(string program, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null,
        TimeSpan? patience = null)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        using var limit = new CancellationTokenSource(patience ?? TimeSpan.FromMinutes(1));
        var output = process.StandardOutput.ReadToEndAsync(limit.Token);
        var errors = process.StandardError.ReadToEndAsync(limit.Token);
        var line = $"{program} {string.Join(' ', args)}";
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{line} did not finish in time.");
        }
        if (process.ExitCode != 0) throw new InvalidOperationException($"{line} failed ({process.ExitCode}): {await errors}{await output}");
        return await output + await errors;
    }

    /// <summary>The same, as the postgres OS user (PostgreSQL's server programs refuse to run as root).</summary>
    public static Task<string> AsPostgresAsync(string program, params string[] args) =>
        RunAsync("runuser", ["-u", "postgres", "--", program, .. args]);
}

/// <summary>A fact that needs root (it starts a PostgreSQL server of its own as the postgres OS user, as CI does):
/// skipped, with the reason, anywhere else.</summary>
public sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (Environment.UserName != "root")
            Skip = "Needs root: the test runs a PostgreSQL server of its own as the postgres OS user (infra/test.sh runs as root).";
        else if (!File.Exists(PrivatePostgres.Binary("initdb")))
            Skip = $"Needs PostgreSQL 15 server programs in {PrivatePostgres.BinDirectory} (infra/test.sh installs them).";
    }
}

/// <summary>A fact that runs PostgreSQL 15's client programs (pg_dump, pg_restore): skipped, with the reason, without them.</summary>
public sealed class PostgresToolsFactAttribute : FactAttribute
{
    public PostgresToolsFactAttribute()
    {
        if (!File.Exists(PrivatePostgres.Binary("pg_dump")))
            Skip = $"Needs PostgreSQL 15 client programs in {PrivatePostgres.BinDirectory} (infra/test.sh installs them).";
    }
}
