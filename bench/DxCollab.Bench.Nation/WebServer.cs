using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace DxCollab.Bench.Nation;

/// <summary>The real web app as a child process, as deployed by default (all roles in one process, Release build,
/// Production environment, Kestrel on a loopback port), on a benchmark database.</summary>
internal sealed class WebServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;
    private readonly StringBuilder _log;

    private WebServer(Process process, Uri address, string folder, StringBuilder log) => (_process, Address, _folder, _log) = (process, address, folder, log);

    public Uri Address { get; }

    /// <summary>The end of the server's console output (for a failure's explanation).</summary>
    public string LogTail => Tail(_log);

    /// <summary>Starts the built app and waits for /health/ready. <paramref name="webDll"/> defaults to the app built
    /// beside this harness; <paramref name="contentRoot"/> to the repository's src/DxCollab.Web.</summary>
    public static async Task<WebServer> StartAsync(BenchDatabase database, TimeSpan? wait = null)
    {
        var web = Path.Combine(AppContext.BaseDirectory, "DxCollab.Web.dll");
        var port = FreePort();
        var folder = Directory.CreateTempSubdirectory("dxcollab-nation-server-").FullName;
        var start = new ProcessStartInfo("dotnet", ["exec", web, "--contentRoot", Path.Combine(Machine.RepositoryRoot, "src", "DxCollab.Web")])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = folder,
        };
        var env = start.Environment;
        env["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        env["ASPNETCORE_ENVIRONMENT"] = "Production";
        env["Database__Provider"] = database.Provider.ToString();
        env["Database__ConnectionString"] = database.AppConnection;
        env["Database__MigrationsConnectionString"] = database.OwnerConnection;
        env["Database__Demo"] = database.Demo ? "true" : "false";
        env["Email__PickupDirectory"] = Path.Combine(folder, "mail");
        env["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start) ?? throw new InvalidOperationException("サーバーを起動できませんでした。");
        var log = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new WebServer(process, new Uri($"http://127.0.0.1:{port}"), folder, log);
        await WaitReadyAsync(server.Address, process, log, wait ?? TimeSpan.FromMinutes(5));
        return server;
    }

    /// <summary>Polls /health/ready every 250 ms until 200; returns the time it took.</summary>
    public static async Task<TimeSpan> WaitReadyAsync(Uri address, Process process, StringBuilder log, TimeSpan wait)
    {
        using var probe = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < wait)
        {
            if (process.HasExited) throw new InvalidOperationException($"サーバーが終了しました:\n{Tail(log)}");
            try
            {
                using var response = await probe.GetAsync("/health/ready");
                if (response.StatusCode == HttpStatusCode.OK) return clock.Elapsed;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException($"サーバーが {wait.TotalSeconds:0} 秒以内に準備できませんでした:\n{Tail(log)}");
    }

    public static string Tail(StringBuilder log)
    {
        lock (log)
        {
            var text = log.ToString();
            return text.Length > 20000 ? text[^20000..] : text;
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
