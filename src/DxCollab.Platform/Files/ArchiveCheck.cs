using System.IO.Compression;

namespace DxCollab.Platform.Files;

/// <summary>Refuses a ZIP-based file (xlsx, docx, zip …) that would expand to far more than any real workbook or
/// document — a zip bomb — judged from its central directory, without expanding anything.</summary>
public static class ArchiveCheck
{
    /// <summary>200 MB expanded, or more than 10,000 entries: a 10 MB upload limit never needs more.</summary>
    public const long MaxExpandedBytes = 200L * 1024 * 1024;
    public const int MaxEntries = 10_000;
    /// <summary>Real Office files compress 5–20 times; a bomb thousands of times.</summary>
    public const long MaxRatio = 200;

    public static string? BombError(Stream stream, string fileName)
    {
        if (!stream.CanSeek) return null;
        var start = stream.Position;
        try
        {
            Span<byte> magic = stackalloc byte[2];
            if (stream.Read(magic) < 2 || magic[0] != 0x50 || magic[1] != 0x4B) return null;
            stream.Position = start;
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            long expanded = 0;
            var entries = 0;
            foreach (var entry in zip.Entries)
            {
                expanded += entry.Length;
                var suspicious = ++entries > MaxEntries || expanded > MaxExpandedBytes
                    || entry.Length > 1024 * 1024 && entry.Length / Math.Max(1, entry.CompressedLength) > MaxRatio;
                if (suspicious)
                    return $"ファイル「{fileName}」は展開すると極端に大きくなる圧縮ファイル（圧縮爆弾の疑い）のため、受け付けませんでした。";
            }
            return null;
        }
        catch (InvalidDataException)
        {
            return null; // not a readable archive: the type check or the reader refuses it with its own message
        }
        finally
        {
            stream.Position = start;
        }
    }
}
