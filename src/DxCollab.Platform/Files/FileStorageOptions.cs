namespace DxCollab.Platform.Files;

public enum FileContentStoreKind { Database, FileSystem }

/// <summary>Where uploaded files are kept and how they are scanned. Section <c>Files</c>; the limits of each purpose are
/// in <c>Files:Purposes:{purpose}</c> (<see cref="UploadPolicy"/>).</summary>
public sealed class FileStorageOptions
{
    public const string Section = "Files";

    /// <summary><c>Database</c> (default) or <c>FileSystem</c>. Switching keeps no copy: move the bytes first (docs/operations.md).</summary>
    public FileContentStoreKind Store { get; set; } = FileContentStoreKind.Database;

    /// <summary>The folder of the file-system store (a volume shared by every web and worker instance).</summary>
    public string? FileSystemRoot { get; set; }

    public ClamAvOptions ClamAv { get; set; } = new();
}

/// <summary>A clamd daemon to scan every upload (INSTREAM over TCP). Off while <see cref="Host"/> is empty.</summary>
public sealed class ClamAvOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 3310;
    public int TimeoutSeconds { get; set; } = 30;
}
