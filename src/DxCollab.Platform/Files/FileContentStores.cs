using DxCollab.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DxCollab.Platform.Files;

/// <summary>Where the bytes of a <see cref="StoredFile"/> are kept (<c>Files:Store</c>): <see cref="DatabaseFileContentStore"/>
/// by default, or <see cref="FileSystemFileContentStore"/>. <see cref="WriteAsync"/> runs inside the transaction that
/// saves the file's description, once its id is known.</summary>
public interface IFileContentStore
{
    Task WriteAsync(StoredFile file, byte[] content, CancellationToken ct = default);
    Task<byte[]?> ReadAsync(StoredFile file, CancellationToken ct = default);
    /// <summary>Drops the bytes (the database store with the caller's SaveChanges).</summary>
    Task DeleteAsync(StoredFile file, CancellationToken ct = default);
}

/// <summary>Bytes in Platform_FileContents, committed with the description: one backup, one isolation (named filter and
/// row-level security), nothing to keep in step.</summary>
public sealed class DatabaseFileContentStore(DxCollabDbContext db) : IFileContentStore
{
    public Task WriteAsync(StoredFile file, byte[] content, CancellationToken ct = default)
    {
        db.Add(new StoredFileContent { FileId = file.Id, Content = content });
        return Task.CompletedTask;
    }

    public async Task<byte[]?> ReadAsync(StoredFile file, CancellationToken ct = default) =>
        await db.Set<StoredFileContent>().AsNoTracking().Where(c => c.FileId == file.Id).Select(c => c.Content).FirstOrDefaultAsync(ct);

    public async Task DeleteAsync(StoredFile file, CancellationToken ct = default)
    {
        var content = await db.Set<StoredFileContent>().FirstOrDefaultAsync(c => c.FileId == file.Id, ct);
        if (content is not null) db.Remove(content);
    }
}

/// <summary>Bytes as files under <c>Files:FileSystemRoot</c>/{tenant}/{id}, for deployments that keep large files out
/// of the database (a shared volume when web and worker run apart). The tenant folder comes from the description, which
/// the tenant filter already guarded; the database keeps the description and its SHA-256. A file written for a
/// transaction that then fails stays behind unreferenced (harmless; never served); a deletion removes the bytes at once,
/// before the caller saves (a deletion whose save then fails leaves a description without bytes: read as "not found").</summary>
public sealed class FileSystemFileContentStore(IOptions<FileStorageOptions> options) : IFileContentStore
{
    public async Task WriteAsync(StoredFile file, byte[] content, CancellationToken ct = default)
    {
        var path = PathOf(file);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        await File.WriteAllBytesAsync(temporary, content, ct);
        File.Move(temporary, path, overwrite: true);
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
