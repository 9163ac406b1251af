using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace DxCollab.DeploymentTests;

/// <summary>The compose proxy (infra/compose/nginx.conf, run by Debian's nginx with only its upstream and port changed)
/// answers the requests it refuses itself — an encoded NUL in the path, which Kestrel would answer with an empty 400 —
/// as the app answers a bad URL: a Japanese ProblemDetails for the API, the 400 error page for pages.</summary>
public sealed class ProxyBadRequestTests : IAsyncLifetime
{
    private const string Nginx = "/usr/sbin/nginx";
    private readonly string folder = Path.Combine(Path.GetTempPath(), "dxcollab-nginx-" + Guid.NewGuid().ToString("N"));
    private int port;

    public async Task InitializeAsync()
    {
        if (!File.Exists(Nginx)) return;
        Directory.CreateDirectory(folder);
        port = FreePort();
        // The upstream is never reached by these requests: a closed loopback port stands in for the web replicas.
        var site = RepoFiles.Read("infra/compose/nginx.conf")
            .Replace("resolver 127.0.0.11 valid=10s ipv6=off;", "")
            .Replace("listen 8080;", $"listen 127.0.0.1:{port};")
            .Replace("set $dxcollab_web http://web:8080;", $"set $dxcollab_web http://127.0.0.1:{FreePort()};");
        await File.WriteAllTextAsync(Path.Combine(folder, "site.conf"), site);
        await File.WriteAllTextAsync(Path.Combine(folder, "nginx.conf"), $$"""
            worker_processes 1;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log;
            events { worker_connections 16; }
            http {
                access_log off;
                client_body_temp_path {{folder}}/body; proxy_temp_path {{folder}}/proxy; fastcgi_temp_path {{folder}}/fcgi;
                uwsgi_temp_path {{folder}}/uwsgi; scgi_temp_path {{folder}}/scgi;
                include {{folder}}/site.conf;
            }
            """);
        await RunAsync("-c", Path.Combine(folder, "nginx.conf"));
        for (var i = 0; i < 50 && !File.Exists(Path.Combine(folder, "nginx.pid")); i++) await Task.Delay(100);
    }

    public async Task DisposeAsync()
    {
        if (!File.Exists(Path.Combine(folder, "nginx.pid"))) return;
        await RunAsync("-c", Path.Combine(folder, "nginx.conf"), "-s", "stop");
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task An_encoded_nul_in_the_path_is_a_japanese_problem_for_the_api_and_the_error_page_otherwise()
    {
        if (!File.Exists(Nginx)) Assert.Fail($"{Nginx} is missing: infra/test.sh installs nginx (the compose proxy) for this test.");

        var api = await SendAsync("GET /api/v1/osaka/migration%00 HTTP/1.1");
        api.ShouldStartWith("HTTP/1.1 400");
        api.ShouldContain("Content-Type: application/problem+json");
        api.ShouldContain("Cache-Control: no-store");
        api.ShouldContain("\"title\":\"URL に誤りがあります。\"");
        api.ShouldContain("\"status\":400");

        var page = await SendAsync("GET /osaka/migration%00 HTTP/1.1");
        page.ShouldStartWith("HTTP/1.1 303");
        page.ShouldContain("/error/400\r\n");
    }

    /// <summary>One raw request (a client library would refuse to send the NUL), the whole answer as text.</summary>
    private async Task<string> SendAsync(string requestLine)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"{requestLine}\r\nHost: dxcollab.example\r\nConnection: close\r\n\r\n"));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(Nginx, arguments) { RedirectStandardError = true })!;
        await process.WaitForExitAsync();
        (process.ExitCode == 0).ShouldBeTrue(await process.StandardError.ReadToEndAsync());
    }
}
