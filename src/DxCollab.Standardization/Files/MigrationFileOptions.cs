namespace DxCollab.Standardization.Files;

/// <summary>Limits of uploaded files (証跡 and inquiry attachments). Section <c>Migration:Files</c>.</summary>
public sealed class MigrationFileOptions
{
    public const string Section = "Migration:Files";

    /// <summary>The request size the upload endpoints and pages accept (above the server's 30 MB default), so that a
    /// message with several files reaches the per-file check and is answered in words, not with a bare 413.</summary>
    public const long RequestCeiling = 64 * 1024 * 1024;

    /// <summary>Largest accepted file, in bytes (default 10 MB: a scanned 契約書 or a 移行計画書 fits; a system image does not).</summary>
    public long MaxFileBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>How many files one inquiry message may carry.</summary>
    public int MaxAttachmentsPerMessage { get; set; } = 5;

    public string MaxFileSizeText => MaxFileBytes % (1024 * 1024) == 0 ? $"{MaxFileBytes / (1024 * 1024)} MB" : $"{MaxFileBytes / 1024} KB";
}
