using DxCollab.MultiTenancy.EntityFrameworkCore;
using DxCollab.Platform.Audit;

namespace DxCollab.Platform.Files;

/// <summary>One slice of a large file's bytes in the database store (table Platform_FileChunks, key FileId + Index), so
/// a file of tens of megabytes is written and read a megabyte at a time. Not audited.</summary>
public sealed class StoredFileChunk : ITenantOwned, IAuditExempt
{
    /// <summary>Bytes per chunk; a file up to this size is one Platform_FileContents row instead.</summary>
    public const int Size = 1024 * 1024;

    public long FileId { get; init; }
    public int Index { get; init; }
    public string TenantId { get; set; } = "";
    public required byte[] Content { get; init; }
}

/// <summary>A read-only stream over a file's chunks, fetching the next one only when the reader gets there.</summary>
internal sealed class ChunkStream(byte[] first, Func<int, CancellationToken, Task<byte[]?>> next) : Stream
{
    private byte[]? _current = first;
    private int _index, _offset;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default)
    {
        while (_current is not null && _offset == _current.Length)
        {
            _current = await next(++_index, ct);
            _offset = 0;
        }
        if (_current is null || buffer.Length == 0) return 0;
        var count = Math.Min(buffer.Length, _current.Length - _offset);
        _current.AsMemory(_offset, count).CopyTo(buffer);
        _offset += count;
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
        ReadAsync(buffer.AsMemory(offset, count), ct).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
