using System.Security.Cryptography;
using DxCollab.Platform.Data;
using DxCollab.Platform.Results;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DxCollab.Standardization.Files;

/// <summary>An uploaded file that passed the checks, still only in memory.</summary>
public sealed record CheckedFile(string FileName, string ContentType, byte[] Content);

/// <summary>Why an upload was refused. <see cref="TooLarge"/> becomes 413, the others 400.</summary>
public enum FileRefusal { None, Missing, TooLarge, NotAllowed }

public sealed record FileCheck(CheckedFile? File, FileRefusal Refusal, string? Message)
{
    public bool Accepted => Refusal == FileRefusal.None;

    /// <summary>The refusal as an outcome naming <paramref name="field"/>: 413 when too large, else 400.</summary>
    public Outcome<T> ToOutcome<T>(string field) =>
        Refusal == FileRefusal.TooLarge ? Outcome<T>.TooLarge(field, Message ?? "") : Outcome<T>.Invalid(field, Message ?? "");
}

/// <summary>The one place files of the 標準化 module are kept: 証跡 and inquiry attachments alike, in the database
/// (description in Migration_Files, bytes in Migration_FileContents), so backups, tenant isolation and row-level
/// security cover them like every other row. Adding does not save: the caller's SaveChanges commits the file together
/// with the 証跡 or message that refers to it.</summary>
public sealed class FileStore(DxCollabDbContext db, IOptions<MigrationFileOptions> options, TimeProvider clock)
{
    public MigrationFileOptions Options => options.Value;

    /// <summary>Checks size (before reading anything), name and type; reads the bytes only of an acceptable file.</summary>
    public async Task<FileCheck> CheckAsync(IFormFile? upload, CancellationToken ct = default)
    {
        if (upload is null || upload.Length == 0 || string.IsNullOrWhiteSpace(upload.FileName))
            return new(null, FileRefusal.Missing, "ファイルを選んでください。");
        if (upload.Length > Options.MaxFileBytes)
            return new(null, FileRefusal.TooLarge, $"ファイル「{FileTypes.CleanName(upload.FileName)}」は大きすぎます（{SizeText(upload.Length)}）。1 ファイル {Options.MaxFileSizeText} までです。");
        var name = FileTypes.CleanName(upload.FileName);
        if (name.Length == 0 || !FileTypes.IsAllowedName(name))
            return new(null, FileRefusal.NotAllowed, $"ファイル「{name}」は受け付けられない種類です。受け付けるのは {FileTypes.AllowedText} です。");
        var content = new byte[upload.Length];
        await using (var stream = upload.OpenReadStream())
            await stream.ReadExactlyAsync(content, ct);
        var contentType = FileTypes.ContentTypeOf(name, content);
        if (contentType is null)
            return new(null, FileRefusal.NotAllowed, $"ファイル「{name}」の中身が拡張子（{Path.GetExtension(name)}）の形式ではありません。正しい形式のファイルを選んでください。");
        return new(new CheckedFile(name, contentType, content), FileRefusal.None, null);
    }

    /// <summary>Adds the file and its bytes to the context (not saved). Its id is known after SaveChanges.</summary>
    public StoredFile Add(string organizationCode, CheckedFile file, string actor, string? actorUserId)
    {
        var stored = new StoredFile
        {
            OrganizationCode = organizationCode, FileName = file.FileName, ContentType = file.ContentType, Length = file.Content.LongLength,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(file.Content)), UploadedAt = clock.GetUtcNow().UtcDateTime,
            UploadedBy = actor, UploadedByUserId = actorUserId,
        };
        db.Add(stored);
        _pending.Add((stored, file.Content));
        return stored;
    }

    private readonly List<(StoredFile File, byte[] Content)> _pending = [];

    /// <summary>Saves the files added since the last call together with whatever else the context holds, in one
    /// transaction: first the rows (ids are generated), then the bytes under the files' ids and what
    /// <paramref name="withIds"/> adds once the ids are known (the 証跡 or attachment rows that point at the files).</summary>
    public async Task SaveAsync(Action? withIds = null, CancellationToken ct = default)
    {
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await db.SaveChangesAsync(ct);
        foreach (var (file, content) in _pending)
            db.Add(new StoredFileContent { FileId = file.Id, Content = content });
        _pending.Clear();
        withIds?.Invoke();
        await db.SaveChangesAsync(ct);
        if (transaction is not null) await transaction.CommitAsync(ct);
    }

    /// <summary>The bytes of a file that was not deleted, or null.</summary>
    public async Task<byte[]?> ReadAsync(long fileId, CancellationToken ct = default) =>
        await db.Set<StoredFileContent>().AsNoTracking().Where(c => c.FileId == fileId).Select(c => c.Content).FirstOrDefaultAsync(ct);

    /// <summary>Marks the file deleted and drops its bytes (not saved).</summary>
    public async Task DeleteAsync(StoredFile file, string actor, CancellationToken ct = default)
    {
        file.DeletedAt = clock.GetUtcNow().UtcDateTime;
        file.DeletedBy = actor;
        var content = await db.Set<StoredFileContent>().FirstOrDefaultAsync(c => c.FileId == file.Id, ct);
        if (content is not null) db.Remove(content);
    }

    public static string SizeText(long bytes) => bytes switch
    {
        >= 1024 * 1024 => $"{bytes / (1024.0 * 1024):0.0} MB",
        >= 1024 => $"{bytes / 1024.0:0} KB",
        _ => $"{bytes} バイト",
    };
}
