using DxCollab.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DxCollab.Platform.Files;

/// <summary>Where the bytes of a <see cref="StoredFile"/> are kept (<c>Files:Store</c>): <see cref="DatabaseFileContentStore"/>
/// by default, or <see cref="FileSystemFileContentStore"/>. <see cref="WriteAsync"/> runs inside the transaction that
/// saves the file's description, once its id is known.</summary>
public interface IFileContentStore
{
    /// <summary>Stores the bytes <paramref name="content"/> gives, copying as it reads (a 50 MB revision is never whole in memory).</summary>
    Task WriteAsync(StoredFile file, Stream content, CancellationToken ct = default);
    Task<byte[]?> ReadAsync(StoredFile file, CancellationToken ct = default);
    /// <summary>The bytes as a stream read as it goes (dispose it), or null when they are gone.</summary>
    Task<Stream?> OpenReadAsync(StoredFile file, CancellationToken ct = default);
    /// <summary>Drops the bytes (the database store with the caller's SaveChanges).</summary>
    Task DeleteAsync(StoredFile file, CancellationToken ct = default);
}

/// <summary>Bytes in the database, committed with the description: one backup, one isolation (named filter and row-level
/// security), nothing to keep in step. A file up to <see cref="StoredFileChunk.Size"/> is one Platform_FileContents row;
/// a larger one is written as 1 MB rows of Platform_FileChunks, each saved as it is read, and read back one chunk at a
/// time — so neither an upload nor a download holds a large file whole.</summary>
public sealed class DatabaseFileContentStore(DxCollabDbContext db) : IFileContentStore
{
    public async Task WriteAsync(StoredFile file, Stream content, CancellationToken ct = default)
    {
        if (file.Length <= StoredFileChunk.Size)
        {
            var bytes = new byte[file.Length];
            await content.ReadExactlyAsync(bytes, ct);
            db.Add(new StoredFileContent { FileId = file.Id, Content = bytes });
            return;
        }
        var buffer = new byte[StoredFileChunk.Size];
        for (var index = 0; ; index++)
        {
            var read = await content.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, ct);
            if (read == 0) break;
            var chunk = new StoredFileChunk { FileId = file.Id, Index = index, Content = buffer[..read] };
            db.Add(chunk);
            await db.SaveChangesAsync(ct);
            db.Entry(chunk).State = EntityState.Detached; // the context must not keep every chunk it saved
        }
    }

    public async Task<byte[]?> ReadAsync(StoredFile file, CancellationToken ct = default)
    {
        await using var stream = await OpenReadAsync(file, ct);
        if (stream is null) return null;
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, ct);
        return copy.ToArray();
    }

    public async Task<Stream?> OpenReadAsync(StoredFile file, CancellationToken ct = default)
    {
        if (file.Length > StoredFileChunk.Size && await ChunkAsync(file.Id, 0, ct) is { } first)
            return new ChunkStream(first, (index, token) => ChunkAsync(file.Id, index, token));
        var whole = await db.Set<StoredFileContent>().AsNoTracking().Where(c => c.FileId == file.Id).Select(c => c.Content).FirstOrDefaultAsync(ct);
        return whole is null ? null : new MemoryStream(whole, writable: false);
    }

    public async Task DeleteAsync(StoredFile file, CancellationToken ct = default)
    {
        var content = await db.Set<StoredFileContent>().FirstOrDefaultAsync(c => c.FileId == file.Id, ct);
        if (content is not null) db.Remove(content);
        // Chunks by key, without loading their bytes.
        var indexes = await db.Set<StoredFileChunk>().Where(c => c.FileId == file.Id).Select(c => c.Index).ToListAsync(ct);
        foreach (var index in indexes) db.Remove(new StoredFileChunk { FileId = file.Id, Index = index, Content = [], TenantId = file.TenantId });
    }

    private Task<byte[]?> ChunkAsync(long fileId, int index, CancellationToken ct) =>
        db.Set<StoredFileChunk>().AsNoTracking().Where(c => c.FileId == fileId && c.Index == index).Select(c => c.Content).FirstOrDefaultAsync(ct);
}

/// <summary>Bytes as files under <c>Files:FileSystemRoot</c>/{tenant}/{id}, for deployments that keep large files out
/// of the database (a shared volume when web and worker run apart). The tenant folder comes from the description, which
/// the tenant filter already guarded; the database keeps the description and its SHA-256. A file written for a
/// transaction that then fails stays behind unreferenced (harmless; never served); a deletion removes the bytes at once,
/// before the caller saves (a deletion whose save then fails leaves a description without bytes: read as "not found").</summary>
public sealed class FileSystemFileContentStore(IOptions<FileStorageOptions> options) : IFileContentStore
{
    public async Task WriteAsync(StoredFile file, Stream content, CancellationToken ct = default)
    {
        var path = PathOf(file);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        await using (var target = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            await content.CopyToAsync(target, ct);
        File.Move(temporary, path, overwrite: true);
    }

    public Task<Stream?> OpenReadAsync(StoredFile file, CancellationToken ct = default)
    {
        var path = PathOf(file);
        return Task.FromResult<Stream?>(File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null);
    }

    public async Task<byte[]?> ReadAsync(StoredFile file, CancellationToken ct = default)
    {
        var path = PathOf(file);
        return File.Exists(path) ? await File.ReadAllBytesAsync(path, ct) : null;
    }

    public Task DeleteAsync(StoredFile file, CancellationToken ct = default)
    {
        File.Delete(PathOf(file));
        return Task.CompletedTask;
    }

    private string PathOf(StoredFile file)
    {
        if (file.Id <= 0 || string.IsNullOrEmpty(file.TenantId) || file.TenantId.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_')))
            throw new InvalidOperationException($"File {file.Id} of tenant '{file.TenantId}' has no place in the file store.");
        var root = options.Value.FileSystemRoot ?? throw new InvalidOperationException("Files:FileSystemRoot is not set.");
        return Path.Combine(Path.GetFullPath(root), file.TenantId, file.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
