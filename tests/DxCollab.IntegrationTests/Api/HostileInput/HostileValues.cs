using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace DxCollab.IntegrationTests.Api.HostileInput;

/// <summary>One hostile value for a JSON member. <paramref name="MustRefuse"/>: no operation may accept it (a 4xx);
/// the others (full-width digits, 和暦, wrong types …) may be valid somewhere, but never give a 5xx.
/// <paramref name="ForDates"/>: put into a date member (an out-of-range date is only wrong where a date is expected).</summary>
public sealed record HostileValue(string Name, string Json, bool MustRefuse, bool ForDates = false);

/// <summary>What the hostile-input tests feed the API.</summary>
public static class HostileValues
{
    private static string Text(string value) => JsonSerializer.Serialize(value);

    public static readonly IReadOnlyList<HostileValue> Members =
    [
        new("NUL in text", Text("メモ\0です"), MustRefuse: true),
        new("C0 control characters", Text("\u0007\u001B[31m赤字\u0008"), MustRefuse: true),
        new("bidi override", Text("請求書\u202Efdp.exe"), MustRefuse: true),
        new("bidi isolate", Text("\u2066隔離\u2069"), MustRefuse: true),
        new("zero-width only (U+200B U+180E)", Text("\u200B\u180E"), MustRefuse: true),
        new("invisible only (U+FEFF U+2060 U+00AD)", Text(" \uFEFF\u2060\u00AD "), MustRefuse: true),
        new("1 MB string", Text(new string('あ', 1_048_576)), MustRefuse: true),
        new("planned date 9999-12-31", Text("9999-12-31"), MustRefuse: true, ForDates: true),
        new("actual date 0001-01-01", Text("0001-01-01"), MustRefuse: true, ForDates: true),
        new("date 1999-12-31 (平成11年)", Text("1999-12-31"), MustRefuse: true, ForDates: true),
        new("date 2101-01-01", Text("2101-01-01"), MustRefuse: true, ForDates: true),
        new("full-width digits", Text("１２３４５"), MustRefuse: false),
        new("full-width 団体コード", Text("２７２０３５"), MustRefuse: false),
        new("bad 団体コード check digit", Text("272036"), MustRefuse: false),
        new("和暦 平成31年5月1日 (no such day)", Text("平成31年5月1日"), MustRefuse: false),
        new("和暦 令和元年4月30日 (no such day)", Text("令和元年4月30日"), MustRefuse: false),
        new("和暦 平成12年1月1日", Text("平成12年1月1日"), MustRefuse: false),
        new("number for text", "12345", MustRefuse: false),
        new("huge number", "1e308", MustRefuse: false),
        new("negative number", "-2147483649", MustRefuse: false),
        new("object", """{"nested":{"deeper":[1,2,3]}}""", MustRefuse: false),
        new("array", """["a",1,null]""", MustRefuse: false),
        new("boolean", "true", MustRefuse: false),
        new("null", "null", MustRefuse: false),
        new("empty text", Text(""), MustRefuse: false),
    ];

    /// <summary>Whole bodies that are not JSON at all: every operation must refuse them.</summary>
    public static readonly IReadOnlyList<(string Name, string Body)> Malformed =
    [
        ("truncated object", """{"title":"""),
        ("trailing comma", """{"a":1,}"""),
        ("NUL byte", "\0"),
    ];

    /// <summary>A Windows executable (MZ header) named as a PDF.</summary>
    public static byte[] ExecutableAsPdf()
    {
        var exe = new byte[4096];
        "MZ"u8.CopyTo(exe);
        Encoding.ASCII.GetBytes("This program cannot be run in DOS mode.").CopyTo(exe, 0x4E);
        return exe;
    }

    /// <summary>An .xlsx whose worksheet expands to 256 MB of blanks from a few hundred KB.</summary>
    public static byte[] ZipBombXlsx()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var types = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open()))
                types.Write("""<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>""");
            using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            sheet.Write("<worksheet><sheetData>"u8);
            var blanks = new byte[1024 * 1024];
            Array.Fill(blanks, (byte)' ');
            for (var i = 0; i < 256; i++) sheet.Write(blanks);
            sheet.Write("</sheetData></worksheet>"u8);
        }
        return buffer.ToArray();
    }
}
