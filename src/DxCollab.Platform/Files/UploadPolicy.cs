namespace DxCollab.Platform.Files;

/// <summary>What one purpose of upload accepts (named options, one per purpose): the largest file, how many files one
/// request may carry and which kinds (extensions of <see cref="FileTypes"/>; empty = every kind). Defaults come from the
/// module that registers the purpose (<see cref="FilesExtensions.AddUploadPurpose"/>), then configuration
/// <c>Files:Purposes:{purpose}</c> overrides them.</summary>
public sealed class UploadPolicy
{
    /// <summary>The request size upload endpoints and pages accept (above the server's 30 MB default), so that a request
    /// with several files, or one too large file, reaches the per-file check and is answered in words, not a bare 413.</summary>
    public const long RequestCeiling = 64 * 1024 * 1024;

    public const long DefaultMaxFileBytes = 10 * 1024 * 1024;

    /// <summary>Largest accepted file, in bytes.</summary>
    public long MaxFileBytes { get; set; } = DefaultMaxFileBytes;

    /// <summary>How many files one request (e.g. one inquiry message) may carry.</summary>
    public int MaxFilesPerRequest { get; set; } = 1;

    /// <summary>The extensions accepted (".pdf", ".csv" …), a subset of <see cref="FileTypes"/>; empty = all of them.</summary>
    public List<string> Extensions { get; set; } = [];

    public string MaxFileSizeText => FileTypes.SizeText(MaxFileBytes, exact: true);

    public bool Allows(string fileName) => FileTypes.IsAllowedName(fileName)
        && (Extensions.Count == 0 || Extensions.Contains(Path.GetExtension(fileName), StringComparer.OrdinalIgnoreCase));

    /// <summary>For help texts and errors: 「PDF、Word・Excel・PowerPoint …」 or the policy's own short list.</summary>
    public string AllowedText => Extensions.Count == 0 ? FileTypes.AllowedText : string.Join("・", Extensions.Select(e => e.TrimStart('.')));

    /// <summary>The value of a file input's accept attribute.</summary>
    public string Accept => Extensions.Count == 0 ? FileTypes.Accept : string.Join(",", Extensions);
}
