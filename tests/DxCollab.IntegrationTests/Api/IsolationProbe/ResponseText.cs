using System.IO.Compression;
using System.Text;

namespace DxCollab.IntegrationTests.Api.IsolationProbe;

/// <summary>Everything a client can read from an answer, as text to search for markers: the headers (a file name in
/// Content-Disposition, a Location), the body, and for a zip (xlsx, or files.zip) the name and text of every entry,
/// nested zips included.</summary>
public static class ResponseText
{
    public static async Task<(string Text, byte[] Body)> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsByteArrayAsync();
        var text = new StringBuilder();
        foreach (var header in response.Headers.Concat(response.Content.Headers))
            text.Append(header.Key).Append(": ").AppendJoin(", ", header.Value).Append('\n');
        Append(text, body, 0);
        return (text.ToString(), body);
    }

    private static void Append(StringBuilder text, byte[] bytes, int depth)
    {
        text.Append(Encoding.UTF8.GetString(bytes)).Append('\n');
        if (depth > 2 || bytes.Length < 4 || bytes[0] != (byte)'P' || bytes[1] != (byte)'K' || bytes[2] != 3 || bytes[3] != 4) return;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            foreach (var entry in zip.Entries)
            {
                text.Append(entry.FullName).Append('\n');
                using var stream = entry.Open();
                using var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                Append(text, buffer.ToArray(), depth + 1);
            }
        }
        catch (InvalidDataException)
        {
            text.Append("(not a readable zip)\n");
        }
    }
}
