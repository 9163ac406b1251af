using System.Security.Cryptography;
using DxCollab.Platform.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DxCollab.Platform.Files;

/// <summary>An uploaded file that passed the checks, not yet stored. Its bytes stay where the upload put them (the
/// request's buffer, on disk for large files) and are read again as a stream when stored: never held whole in memory.</summary>
public sealed record CheckedFile(string FileName, string ContentType, long Length, string Sha256, Func<Stream> OpenRead)
{
    /// <summary>A file made in memory (demo data, generated documents): checked by the same rules when added.</summary>
    public static CheckedFile FromBytes(string fileName, string contentType, byte[] content) =>
        new(fileName, contentType, content.LongLength, Convert.ToHexStringLower(SHA256.HashData(content)), () => new MemoryStream(content, writable: false));
}

/// <summary>Why an upload was refused. <see cref="TooLarge"/> becomes 413, <see cref="ScanUnavailable"/> 503, the others 400.</summary>
public enum FileRefusal { None, Missing, TooLarge, NotAllowed, Infected, ScanUnavailable }

/// <summary>The one place modules keep uploaded files: descriptions in Platform_Files, bytes in the configured
/// <see cref="IFileContentStore"/> (the database by default, so backups, tenant isolation and row-level security cover
/// them like every other row). Checks follow the purpose's <see cref="UploadPolicy"/> and the <see cref="IFileScanner"/>.
/// Adding does not save: <see cref="SaveAsync"/> commits the files together with the module's rows that refer to them.</summary>
public sealed class FileStore(DxCollabDbContext db, IFileContentStore contents, IFileScanner scanner, IOptionsMonitor<UploadPolicy> policies,
    TimeProvider clock)
{
    public UploadPolicy Policy(string purpose) => policies.Get(purpose);

    /// <summary>How much of the start of a file decides its kind (the longest signature check reads 8 KB).</summary>
    private const int HeadLength = 8192;

    /// <summary>Checks size (before reading anything), name and kind (extension and first bytes), then scans; reads the
    /// bytes only of an acceptable file.</summary>
    public async Task<FileCheck> CheckAsync(IFormFile? upload, string purpose, CancellationToken ct = default)
    {
        var policy = Policy(purpose);
        if (upload is null || upload.Length == 0 || string.IsNullOrWhiteSpace(upload.FileName))
            return new(null, FileRefusal.Missing, "ファイルを選んでください。");
        var name = FileTypes.CleanName(upload.FileName);
        if (upload.Length > policy.MaxFileBytes)
            return new(null, FileRefusal.TooLarge, $"ファイル「{name}」は大きすぎます（{FileTypes.SizeText(upload.Length)}）。1 ファイル {policy.MaxFileSizeText} までです。");
        if (name.Length == 0 || !policy.Allows(name))
            return new(null, FileRefusal.NotAllowed, $"ファイル「{name}」は受け付けられない種類です。受け付けるのは {policy.AllowedText} です。");
        // The kind from the first bytes, the SHA-256 in one pass, the scan in another: the bytes are read, never kept.
        var head = new byte[Math.Min(HeadLength, upload.Length)];
        string sha256;
        await using (var stream = upload.OpenReadStream())
        {
            await stream.ReadExactlyAsync(head, ct);
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            hash.AppendData(head);
            var buffer = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(buffer, ct)) > 0) hash.AppendData(buffer, 0, read);
            sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
        }
        var contentType = FileTypes.ContentTypeOf(name, head);
        if (contentType is null)
            return new(null, FileRefusal.NotAllowed, $"ファイル「{name}」の中身が拡張子（{Path.GetExtension(name)}）の形式ではありません。正しい形式のファイルを選んでください。");
        await using (var archive = upload.OpenReadStream())
            if (ArchiveCheck.BombError(archive, name) is { } bomb) return new(null, FileRefusal.NotAllowed, bomb);
        FileScanResult scan;
        await using (var stream = upload.OpenReadStream())
            scan = await scanner.ScanAsync(name, stream, ct);
        if (scan.Verdict == ScanVerdict.Infected)
            return new(null, FileRefusal.Infected, $"ファイル「{name}」からウイルスなどの不正なプログラム（{scan.Threat}）が見つかったため、受け付けませんでした。");
        if (scan.Verdict == ScanVerdict.Unavailable)
            return new(null, FileRefusal.ScanUnavailable, $"ファイル「{name}」のウイルス検査ができなかったため、受け付けませんでした。しばらくしてからもう一度お試しください。");
        return new(new CheckedFile(name, contentType, upload.Length, sha256, upload.OpenReadStream), FileRefusal.None, null);
    }

    /// <summary>Adds the file's description to the context (not saved). Its id is known after <see cref="SaveAsync"/>.</summary>
    public StoredFile Add(string organizationCode, CheckedFile file, string actor, string? actorUserId)
    {
        var stored = new StoredFile
        {
            OrganizationCode = organizationCode, FileName = file.FileName, ContentType = file.ContentType, Length = file.Length,
            Sha256 = file.Sha256, UploadedAt = clock.GetUtcNow().UtcDateTime,
            UploadedBy = actor, UploadedByUserId = actorUserId,
        };
        db.Add(stored);
        _pending.Add((stored, file));
        return stored;
    }

    private readonly List<(StoredFile File, CheckedFile Content)> _pending = [];

    /// <summary>Saves the files added since the last call together with whatever else the context holds, in one
    /// transaction: first the rows (ids are generated), then the bytes under the files' ids and what
    /// <paramref name="withIds"/> adds once the ids are known (the module's rows that point at the files).</summary>
    public async Task SaveAsync(Action? withIds = null, CancellationToken ct = default)
    {
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await db.SaveChangesAsync(ct);
        foreach (var (file, content) in _pending)
        {
            await using var stream = content.OpenRead();
            await contents.WriteAsync(file, stream, ct);
        }
        _pending.Clear();
        withIds?.Invoke();
        await db.SaveChangesAsync(ct);
        if (transaction is not null) await transaction.CommitAsync(ct);
    }

    /// <summary>The descriptions (never the bytes) of the files with these ids, deleted ones included, read-only: for a
    /// module that holds file ids and needs their names without reading every file of a 団体.</summary>
    public Task<List<StoredFile>> DescribeAsync(IReadOnlyCollection<long> ids, CancellationToken ct = default) =>
        ids.Count == 0 ? Task.FromResult(new List<StoredFile>())
            : db.Set<StoredFile>().AsNoTracking().Where(f => ids.Contains(f.Id)).ToListAsync(ct);

    /// <summary>The bytes of a file that was not deleted, or null.</summary>
    public Task<byte[]?> ReadAsync(StoredFile file, CancellationToken ct = default) =>
        file.DeletedAt is null ? contents.ReadAsync(file, ct) : Task.FromResult<byte[]?>(null);

    /// <summary>The description of one file of the current tenant (deleted ones too), read-only, or null.</summary>
    public Task<StoredFile?> FindAsync(long id, CancellationToken ct = default) =>
        db.Set<StoredFile>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct);

    /// <summary>The bytes of a file that was not deleted as a stream to copy to a response (dispose it), or null. Large
    /// files are served from this without the caller holding them whole.</summary>
    public Task<Stream?> OpenReadAsync(StoredFile file, CancellationToken ct = default) =>
        file.DeletedAt is null ? contents.OpenReadAsync(file, ct) : Task.FromResult<Stream?>(null);

    /// <summary>Marks the file deleted and drops its bytes (the description stays for the history; not saved).</summary>
    public async Task DeleteAsync(StoredFile file, string actor, CancellationToken ct = default)
    {
        file.DeletedAt = clock.GetUtcNow().UtcDateTime;
        file.DeletedBy = actor;
        await contents.DeleteAsync(file, ct);
    }
}
