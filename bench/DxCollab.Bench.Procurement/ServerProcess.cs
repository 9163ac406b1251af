using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace DxCollab.Bench.Procurement;

/// <summary>The real web host as a child process (Kestrel on loopback, PostgreSQL, demo users), so its memory is its
/// own: the resident set (VmRSS) is read from /proc while requests run.</summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;

    private ServerProcess(Process process, Uri address, string folder) => (_process, Address, _folder) = (process, address, folder);

    public Uri Address { get; }

    public static async Task<ServerProcess> StartAsync(BenchDatabase database)
    {
        var web = Path.Combine(AppContext.BaseDirectory, "DxCollab.Web.dll");
        var port = FreePort();
        var folder = Directory.CreateTempSubdirectory("dxcollab-bench-server-").FullName;
        var start = new ProcessStartInfo("dotnet", ["exec", web, "--contentRoot", Path.Combine(BenchDatabase.RepositoryRoot, "src", "DxCollab.Web")])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = folder,
        };
        var env = start.Environment;
        env["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        env["ASPNETCORE_ENVIRONMENT"] = "Production";
        env["Database__Provider"] = "PostgreSql";
        env["Database__ConnectionString"] = database.AppConnection;
        env["Database__MigrationsConnectionString"] = database.OwnerConnection;
        env["Database__Demo"] = "true";
        env["Database__DemoFigures"] = "false";
        env["Email__PickupDirectory"] = Path.Combine(folder, "mail");
        env["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start) ?? throw new InvalidOperationException("サーバーを起動できませんでした。");
        var log = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, new Uri($"http://127.0.0.1:{port}"), folder);
        using var probe = new HttpClient { BaseAddress = server.Address };
        var until = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < until)
        {
            if (process.HasExited) throw new InvalidOperationException($"サーバーが終了しました:\n{log}");
            try
            {
                if ((await probe.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK) return server;
            }
            catch (HttpRequestException) { }
            await Task.Delay(500);
        }
        throw new TimeoutException($"サーバーが3分以内に準備できませんでした:\n{log}");
    }

    /// <summary>The server's resident memory now, in bytes.</summary>
    public long ResidentBytes()
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
        throw new InvalidOperationException("VmRSS が読めません。");
    }

    /// <summary>Runs <paramref name="work"/> while sampling the server's resident memory every 5 ms; returns the peak
    /// growth over the level just before.</summary>
    public async Task<long> PeakGrowthAsync(Func<Task> work)
    {
        var before = ResidentBytes();
        var peak = before;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, ResidentBytes());
                try { await Task.Delay(5, stop.Token); } catch (OperationCanceledException) { }
            }
        });
        await work();
        stop.Cancel();
        await sampler;
        return Math.Max(peak, ResidentBytes()) - before;
    }

    private static int FreePort()
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
