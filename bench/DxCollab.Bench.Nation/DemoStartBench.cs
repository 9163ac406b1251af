using System.Diagnostics;
using System.Text;

namespace DxCollab.Bench.Nation;

/// <summary>A new user's first start: `git clone` of the current commit into a temporary folder, then
/// `dotnet run --project src/DxCollab.Web` (restore, build, demo mode on SQLite with its first seeding) until
/// /health/ready answers 200. NuGet packages come from the machine's cache, as on a developer's machine that has
/// built .NET before; the clone's build output and database are new.</summary>
internal static class DemoStartBench
{
    public static async Task RunAsync(Report report)
    {
        report.Heading("Demo start from a fresh clone");
        var sha = Machine.Run("git", "rev-parse HEAD").Trim();
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
                var seconds = clock.Elapsed.TotalSeconds;
                report.Line($"`git clone` of {sha[..10]}, then `dotnet run --project src/DxCollab.Web -- --urls http://127.0.0.1:{port}` "
                    + $"(Development profile: demo mode, SQLite in App_Data); /health/ready polled every 250 ms: **{seconds:0.0} s** from `dotnet run` to 200 "
                    + "(restore from the local NuGet cache, build of every project, migrations, 団体 of 47 prefectures, demo accounts and figures).");
                report.Budget(new("Demo start (`dotnet run` on a fresh clone → /health/ready)", FormattableString.Invariant($"{seconds:0.0} s"), "–", "< 90 s incl. build",
                    seconds < 90 ? Outcome.Met : Outcome.Missed, FormattableString.Invariant($"a new user waits {seconds:0} s for the demo, build included.")));
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
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
        {
            report.Line("Failed: " + ex.Message);
            report.Unmeasured("Demo start (`dotnet run` on a fresh clone → /health/ready)", "< 90 s incl. build", ex.Message.Split('\n')[0]);
        }
        finally
        {
            // The build server of the clone's `dotnet run` may still hold files; the folder goes with the next reboot otherwise.
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
