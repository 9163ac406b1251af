using Microsoft.AspNetCore.Http;
using DxCollab.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace DxCollab.Platform.Exports;

/// <summary>Sends a CSV as a download. UTF-8 streams straight to the response. Shift_JIS is first written to a
/// buffer (memory, then a temporary file), because a character CP932 cannot hold is found only while writing and
/// must become a 400 naming it, not a download cut off after its headers were sent.</summary>
public static class CsvDownload
{
    /// <summary>Null when the file was sent; else the 400 to return (field <c>encoding</c>).</summary>
    /// <param name="asciiFileName">The plain <c>filename=</c> for old clients when <paramref name="fileName"/> is not ASCII
    /// (default <c>download.csv</c>).</param>
    public static async Task<ProblemHttpResult?> SendAsync(HttpContext http, string fileName, ExportEncoding encoding,
        Func<Stream, CancellationToken, Task> write, CancellationToken ct = default, string? asciiFileName = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(write);
        if (encoding == ExportEncoding.Utf8)
        {
            SetHeaders(http.Response, fileName, asciiFileName, encoding);
            await write(http.Response.Body, ct);
            return null;
        }
        await using var buffer = new FileBufferingWriteStream();
        try
        {
            await write(buffer, ct);
        }
        catch (ExportEncodingException ex)
        {
            return Refused(ex);
        }
        SetHeaders(http.Response, fileName, asciiFileName, encoding);
        await buffer.DrainBufferAsync(http.Response.Body, ct);
        return null;
    }

    /// <summary>The 400 for a character Shift_JIS cannot hold.</summary>
    public static ProblemHttpResult Refused(ExportEncodingException ex) =>
        Problems.Invalid(new Dictionary<string, string[]> { ["encoding"] = [ex.Message] }, "Shift_JIS で書き出せない文字があります。");

    /// <summary>The 400 for an unknown <c>encoding</c> value.</summary>
    public static ProblemHttpResult InvalidEncoding() => Problems.Invalid("encoding", ExportEncodings.InvalidMessage);

    private static void SetHeaders(HttpResponse response, string fileName, string? asciiFileName, ExportEncoding encoding)
    {
        response.ContentType = encoding.CsvContentType();
        response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment")
        {
            FileName = AsciiName(fileName, asciiFileName), FileNameStar = fileName,
        }.ToString();
    }

    // Old clients read filename=; keep it ASCII and let filename* (RFC 5987) carry the Japanese name.
    private static string AsciiName(string fileName, string? fallback) =>
        fileName.All(c => c is > ' ' and < (char)127 and not '"' and not '\\' and not ';') ? fileName
            : fallback ?? "download" + Path.GetExtension(fileName);
}
