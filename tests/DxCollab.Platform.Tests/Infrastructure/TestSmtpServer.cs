using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace DxCollab.Platform.Tests.Infrastructure;

/// <summary>A real SMTP server on 127.0.0.1 (SmtpServer package) on a free port chosen by the OS, which the test
/// reads from <see cref="Port"/>. Received messages are parsed with MimeKit; <see cref="RejectNext"/> makes it answer
/// the next messages with 554 (transaction failed).</summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly SmtpServer.SmtpServer _server;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;
    private readonly Store _store = new();

    private TestSmtpServer(int port, TaskCompletionSource<int> started)
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port)))
            .Build();
        var listeners = new EndpointListenerFactory();
        listeners.EndpointStarted += (_, e) => started.TrySetResult(((IPEndPoint)e.LocalEndPoint).Port);
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(_store);
        services.Add(listeners);
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(_stop.Token);
        _running.ContinueWith(t => started.TrySetException(t.Exception ?? new Exception("SMTP server stopped")), TaskContinuationOptions.OnlyOnFaulted);
    }

    public int Port { get; private set; }
    public IReadOnlyList<MimeMessage> Messages => _store.Messages.ToList();
    public int RejectNext { get => _store.RejectNext; set => _store.RejectNext = value; }

    /// <summary>Starts on <paramref name="port"/> (0: any free port) and waits until it listens.</summary>
    public static async Task<TestSmtpServer> StartAsync(int port = 0)
    {
        var started = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var server = new TestSmtpServer(port, started);
        server.Port = await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        _server.Shutdown();
        await _stop.CancelAsync();
        try { await _running.WaitAsync(TimeSpan.FromSeconds(5)); } catch (Exception) { /* stopping */ }
        _stop.Dispose();
    }

    private sealed class Store : MessageStore
    {
        private int _rejectNext;
        public ConcurrentQueue<MimeMessage> Messages { get; } = new();
        public int RejectNext { get => Volatile.Read(ref _rejectNext); set => Volatile.Write(ref _rejectNext, value); }

        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
        {
            if (Interlocked.Decrement(ref _rejectNext) >= 0) return Task.FromResult(new SmtpResponse(SmtpReplyCode.TransactionFailed, "test rejects"));
            Interlocked.Exchange(ref _rejectNext, 0);
            using var stream = new MemoryStream(buffer.ToArray());
            Messages.Enqueue(MimeMessage.Load(stream));
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}
