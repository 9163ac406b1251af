using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DxCollab.Platform.Files;

/// <summary>Scans with a clamd daemon (<c>Files:ClamAv:Host</c>, <c>:Port</c>) using its INSTREAM command: the bytes go
/// in chunks, clamd answers <c>stream: OK</c> or <c>stream: {signature} FOUND</c>. Any other answer, a timeout or a
/// refused connection is <see cref="ScanVerdict.Unavailable"/> (the upload is refused, never kept unscanned).</summary>
public sealed class ClamdFileScanner(IOptions<FileStorageOptions> options, ILogger<ClamdFileScanner> logger) : IFileScanner
{
    private const int ChunkSize = 64 * 1024;

    public async Task<FileScanResult> ScanAsync(string fileName, Stream content, CancellationToken ct = default)
    {
        var clamAv = options.Value.ClamAv;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(clamAv.TimeoutSeconds));
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(clamAv.Host!, clamAv.Port, timeout.Token);
            await using var stream = client.GetStream();
            await stream.WriteAsync("zINSTREAM\0"u8.ToArray(), timeout.Token);
            var length = new byte[4];
            var chunk = new byte[ChunkSize];
            int read;
            while ((read = await content.ReadAtLeastAsync(chunk, ChunkSize, throwOnEndOfStream: false, timeout.Token)) > 0)
            {
                BinaryPrimitives.WriteInt32BigEndian(length, read);
                await stream.WriteAsync(length, timeout.Token);
                await stream.WriteAsync(chunk.AsMemory(0, read), timeout.Token);
            }
            BinaryPrimitives.WriteInt32BigEndian(length, 0);
            await stream.WriteAsync(length, timeout.Token);
            var reply = await ReadReplyAsync(stream, timeout.Token);
            if (reply.EndsWith(" OK", StringComparison.Ordinal)) return FileScanResult.Clean;
            if (reply.EndsWith(" FOUND", StringComparison.Ordinal))
            {
                var threat = reply[(reply.IndexOf(':') + 1)..^" FOUND".Length].Trim();
                logger.LogWarning("clamd found {Threat} in an upload ({FileName})", threat, fileName);
                return new(ScanVerdict.Infected, threat);
            }
            logger.LogError("clamd answered {Reply} for an upload ({FileName})", reply, fileName);
            return new(ScanVerdict.Unavailable);
        }
        catch (Exception e) when (e is SocketException or IOException || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            logger.LogError(e, "clamd at {Host}:{Port} could not scan an upload", clamAv.Host, clamAv.Port);
            return new(ScanVerdict.Unavailable);
        }
    }

    /// <summary>The reply up to its terminating NUL (the z prefix of the command asks for NUL-terminated replies).</summary>
    private static async Task<string> ReadReplyAsync(NetworkStream stream, CancellationToken ct)
    {
        var reply = new List<byte>();
        var buffer = new byte[256];
        while (reply.Count < 4096)
        {
            var read = await stream.ReadAsync(buffer, ct);
            if (read == 0) break;
            var end = Array.IndexOf(buffer, (byte)0, 0, read);
            reply.AddRange(buffer.Take(end >= 0 ? end : read));
            if (end >= 0) break;
        }
        return Encoding.ASCII.GetString([.. reply]).Trim();
    }
}
