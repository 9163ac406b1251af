using DxCollab.Platform.Exports;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DxCollab.Procurement.Vendors;

/// <summary>A small table (tens of rows) sent as xlsx or CSV through the Platform's writers: built in memory, then sent.</summary>
internal static class Tables
{
    public static async Task<Results<FileContentHttpResult, EmptyHttpResult, ProblemHttpResult>> SendAsync(HttpContext http, string format,
        ExportEncoding encoding, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows, string sheetName, string fileName,
        string asciiFileName, CancellationToken ct)
    {
        if (format == "xlsx")
        {
            using var buffer = new MemoryStream();
            TabularExport.WriteXlsx(buffer, headers, rows, sheetName);
            return TypedResults.File(buffer.ToArray(), TabularExport.XlsxContentType, fileName);
        }
        var list = rows.ToList();
        var refused = await CsvDownload.SendAsync(http, fileName, encoding, async (stream, token) =>
        {
            using var buffer = new MemoryStream();
            TabularExport.WriteCsv(buffer, headers, list, encoding);
            buffer.Position = 0;
            await buffer.CopyToAsync(stream, token);
        }, ct, asciiFileName);
        return refused is null ? TypedResults.Empty : refused;
    }
}
