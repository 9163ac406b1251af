using System.Diagnostics;
using System.Text;

namespace DxCollab.Bench.Nation;

/// <summary>A new user's first start: `git clone` of the current commit into a temporary folder, then
/// `dotnet run --project src/DxCollab.Web` (restore, build, demo mode on SQLite with its first seeding) until
/// /health/ready answers 200. NuGet packages come from the machine's cache, as on a developer's machine that has
/// built .NET before; the clone's build output and database are new.</summary>
internal static class DemoStartBench
{
    public static async Task RunAsync(Report report, int rounds)
    {
        report.Heading("Demo start from a fresh clone");
        var sha = Machine.Run("git", "rev-parse HEAD").Trim();
        try
        {
            // The compiler server is stopped before each round, as a new user's machine has none running.
            var seconds = new List<double>();
            for (var i = 0; i < rounds; i++) seconds.Add(await OneStartAsync(sha));
            var median = Stats.Median(seconds);
            report.Line($"`git clone` of {sha[..10]}, then `dotnet run --project src/DxCollab.Web -- --urls http://127.0.0.1:<free port>` "
                + "(Development profile: demo mode, SQLite in App_Data); /health/ready polled every 250 ms, from `dotnet run` to 200 "
                + "(restore from the local NuGet cache, build of every project the web needs, migrations, 団体 of 47 prefectures, demo accounts and figures); "
                + $"{rounds} fresh clone(s) one after another, `dotnet build-server shutdown` before each: "
                + string.Join(" / ", seconds.Select(s => FormattableString.Invariant($"{s:0.0} s"))) + FormattableString.Invariant($", median **{median:0.0} s**."));
            report.Budget(new("Demo start (`dotnet run` on a fresh clone → /health/ready)", FormattableString.Invariant($"{median:0.0} s"), "–", "< 90 s incl. build",
                median < 90 ? Outcome.Met : Outcome.Missed, FormattableString.Invariant($"a new user waits {median:0} s for the demo, build included (median of {rounds}).")));
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
        {
            report.Line("Failed: " + ex.Message);
            report.Unmeasured("Demo start (`dotnet run` on a fresh clone → /health/ready)", "< 90 s incl. build", ex.Message.Split('\n')[0]);
        }
    }

    /// <summary>One fresh clone of <paramref name="sha"/> run to /health/ready; the seconds from `dotnet run` to 200.</summary>
    private static async Task<double> OneStartAsync(string sha)
    {
        Machine.Run("dotnet", "build-server shutdown");
        var folder = Directory.CreateTempSubdirectory("dxcollab-demo-start-").FullName;
        try
        {
            var clone = Path.Combine(folder, "DxCollab");
            Machine.Run("git", $"clone --quiet --no-checkout {Machine.RepositoryRoot} {clone}", folder);
            Machine.Run("git", $"checkout --quiet {sha}", clone);
            if (!File.Exists(Path.Combine(clone, "DxCollab.sln"))) throw new InvalidOperationException($"git clone of {sha} failed.");
            var port = WebServer.FreePort();
            // --urls (a command-line argument of the app) wins over the launch profile's applicationUrl, so a busy 5080 cannot interfere.
            var start = new ProcessStartInfo("dotnet", ["run", "--project", "src/DxCollab.Web", "--", "--urls", $"http://127.0.0.1:{port}"])
            {
                WorkingDirectory = clone, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true,
            };
            // MSBuild worker nodes end with the build instead of lingering after the harness (the compiler server is shared anyway).
            start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
            // As a new user's shell: none of the test command's settings.
            start.Environment.Remove("DXCOLLAB_ANALYZERS");
            start.Environment.Remove("CI");
            var log = new StringBuilder();
            var clock = Stopwatch.StartNew();
            using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet run を起動できませんでした。");
            process.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
            process.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            try
            {
                await WebServer.WaitReadyAsync(new Uri($"http://127.0.0.1:{port}"), process, log, TimeSpan.FromMinutes(6));
                return clock.Elapsed.TotalSeconds;
            }
            finally
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync();
                }
            }
        }
        finally
        {
            // The build server of the clone's `dotnet run` may still hold files; the folder goes with the next reboot otherwise.
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
