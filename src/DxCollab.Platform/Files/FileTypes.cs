namespace DxCollab.Platform.Files;

/// <summary>The kinds of file any upload may be (an <see cref="UploadPolicy"/> narrows them per purpose): documents (PDF,
/// Office, OpenDocument), images, CSV, text and ZIP. The type is decided by the extension and checked against the first bytes, so an executable renamed to
/// .pdf is refused; the content type sent back is ours, never the uploader's.</summary>
public static class FileTypes
{
    private sealed record Kind(string ContentType, Func<ReadOnlyMemory<byte>, bool> Looks);

    private static readonly byte[] Pdf = "%PDF"u8.ToArray();
    private static readonly byte[] Zip = [0x50, 0x4B];
    private static readonly byte[] Ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]; // .doc .xls .ppt
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Gif = "GIF8"u8.ToArray();

    private static Func<ReadOnlyMemory<byte>, bool> Starts(byte[] signature) => bytes => bytes.Span.StartsWith(signature);
    private static bool IsText(ReadOnlyMemory<byte> bytes) => !bytes.Span[..Math.Min(bytes.Length, 8192)].Contains((byte)0);

    private static readonly Dictionary<string, Kind> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = new("application/pdf", Starts(Pdf)),
        [".doc"] = new("application/msword", Starts(Ole)),
        [".xls"] = new("application/vnd.ms-excel", Starts(Ole)),
        [".ppt"] = new("application/vnd.ms-powerpoint", Starts(Ole)),
        [".docx"] = new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", Starts(Zip)),
        [".xlsx"] = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Starts(Zip)),
        [".pptx"] = new("application/vnd.openxmlformats-officedocument.presentationml.presentation", Starts(Zip)),
        [".odt"] = new("application/vnd.oasis.opendocument.text", Starts(Zip)),
        [".ods"] = new("application/vnd.oasis.opendocument.spreadsheet", Starts(Zip)),
        [".odp"] = new("application/vnd.oasis.opendocument.presentation", Starts(Zip)),
        [".png"] = new("image/png", Starts(Png)),
        [".jpg"] = new("image/jpeg", Starts(Jpeg)),
        [".jpeg"] = new("image/jpeg", Starts(Jpeg)),
        [".gif"] = new("image/gif", Starts(Gif)),
        [".csv"] = new("text/csv", IsText),
        [".txt"] = new("text/plain", IsText),
        [".zip"] = new("application/zip", Starts(Zip)),
    };

    /// <summary>For help texts and errors: 「PDF、Word・Excel・PowerPoint …」.</summary>
    public const string AllowedText = "PDF、Word・Excel・PowerPoint（.doc/.docx/.xls/.xlsx/.ppt/.pptx）、OpenDocument（.odt/.ods/.odp）、画像（.png/.jpg/.gif）、CSV、テキスト（.txt）、ZIP";

    /// <summary>The value of a file input's accept attribute.</summary>
    public static string Accept { get; } = string.Join(",", Kinds.Keys);

    /// <summary>The content type to store and send back, or null when the file is not one of the allowed kinds (by
    /// extension) or its bytes do not look like that kind.</summary>
    public static string? ContentTypeOf(string fileName, ReadOnlyMemory<byte> content)
    {
        if (!Kinds.TryGetValue(Path.GetExtension(fileName), out var kind)) return null;
        return kind.Looks(content) ? kind.ContentType : null;
    }

    public static bool IsAllowedName(string fileName) => Kinds.ContainsKey(Path.GetExtension(fileName));

    /// <summary>「3.2 MB」「480 KB」 for a file's size; <paramref name="exact"/> for a limit (「10 MB」, not 「10.0 MB」).</summary>
    public static string SizeText(long bytes, bool exact = false) => bytes switch
    {
        >= 1024 * 1024 when exact && bytes % (1024 * 1024) == 0 => $"{bytes / (1024 * 1024)} MB",
        >= 1024 * 1024 when !exact => $"{bytes / (1024.0 * 1024):0.0} MB",
        >= 1024 => $"{bytes / 1024.0:0} KB",
        _ => $"{bytes} バイト",
    };

    /// <summary>The uploaded name without folders (old browsers send C:\…), control characters or surrounding spaces,
    /// at most 200 characters with its extension kept.</summary>
    public static string CleanName(string? fileName)
    {
        var name = (fileName ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        name = new string(name.Where(c => !char.IsControl(c) && c is not ('"' or '<' or '>' or '|' or '*' or '?' or ':')).ToArray()).Trim();
        if (name.Length > 200)
        {
            var extension = Path.GetExtension(name);
            if (extension.Length > 20) extension = "";
            name = Truncate(name, 200 - extension.Length) + extension;
        }
        return name;
    }

    /// <summary>At most <paramref name="max"/> UTF-16 units, never splitting a character (surrogate pairs, 異体字 sequences).</summary>
    private static string Truncate(string text, int max)
    {
        var cut = 0;
        var elements = System.Globalization.StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext() && elements.ElementIndex + elements.GetTextElement().Length <= max)
            cut = elements.ElementIndex + elements.GetTextElement().Length;
        return text[..cut];
    }
}
