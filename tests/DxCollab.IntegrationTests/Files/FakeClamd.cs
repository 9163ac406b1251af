using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace DxCollab.IntegrationTests.Files;

/// <summary>A loopback stand-in for clamd: takes <c>zINSTREAM</c> and its chunks, answers FOUND when the bytes hold
/// "EICAR", else OK. <see cref="Stop"/> makes it unreachable, as a clamd that went down.</summary>
public sealed class FakeClamd : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();

    public FakeClamd()
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _ = Task.Run(ServeAsync);
    }

    public int Port { get; }
    public int Scanned { get; private set; }

    public void Stop()
    {
        _stop.Cancel();
        _listener.Stop();
    }

    private async Task ServeAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                await using var stream = client.GetStream();
                var command = new byte[10];
                await stream.ReadExactlyAsync(command, _stop.Token);
                var received = new MemoryStream();
                var length = new byte[4];
                while (true)
                {
                    await stream.ReadExactlyAsync(length, _stop.Token);
                    var size = BinaryPrimitives.ReadInt32BigEndian(length);
                    if (size == 0) break;
                    var chunk = new byte[size];
                    await stream.ReadExactlyAsync(chunk, _stop.Token);
                    received.Write(chunk);
                }
                Scanned++;
                var infected = Encoding.ASCII.GetString(received.ToArray()).Contains("EICAR", StringComparison.Ordinal);
                await stream.WriteAsync(Encoding.ASCII.GetBytes(infected ? "stream: Eicar-Test-Signature FOUND\0" : "stream: OK\0"), _stop.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException) { }
    }

    public void Dispose() => Stop();
}
