namespace DxCollab.Platform.Exports;

/// <summary>How a CSV is encoded: UTF-8 with BOM (Excel opens it as Japanese text) or Shift_JIS (CP932) for the
/// older tools many municipalities still feed CSV into.</summary>
public enum ExportEncoding
{
    Utf8,
    ShiftJis,
}

public static class ExportEncodings
{
    /// <summary>What an API's <c>encoding</c> parameter accepts, for OpenAPI descriptions.</summary>
    public const string ParameterDescription =
        "CSV の文字コード: utf-8（既定、BOM 付き）または sjis（Shift_JIS / CP932）。Shift_JIS で表せない文字があれば 400 で行・列・文字を示します。";

    public const string InvalidMessage = "文字コード（encoding）は utf-8 または sjis を指定してください。";

    /// <summary>Null or empty means UTF-8; accepts utf-8/utf8 and sjis/shift_jis/shift-jis/cp932/windows-31j.</summary>
    public static bool TryParse(string? value, out ExportEncoding encoding)
    {
        encoding = ExportEncoding.Utf8;
        switch ((value ?? "").Trim().ToLowerInvariant())
        {
            case "" or "utf-8" or "utf8":
                return true;
            case "sjis" or "shift_jis" or "shift-jis" or "cp932" or "windows-31j":
                encoding = ExportEncoding.ShiftJis;
                return true;
            default:
                return false;
        }
    }

    /// <summary>The Content-Type of a CSV in this encoding.</summary>
    public static string CsvContentType(this ExportEncoding encoding) =>
        encoding == ExportEncoding.ShiftJis ? "text/csv; charset=shift_jis" : "text/csv; charset=utf-8";
}
