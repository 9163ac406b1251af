namespace DxCollab.Platform.Exports;

/// <summary>A text cell holds a character Shift_JIS (CP932) cannot represent. <see cref="Row"/> counts as Excel
/// shows it (the header is row 1); the message names row, column and character in Japanese, for a 400.</summary>
public sealed class ExportEncodingException(int row, string column, string character)
    : Exception($"{row}行目「{column}」の文字「{character}」（U+{char.ConvertToUtf32(character, 0):X4}）は Shift_JIS（CP932）で表せません。" +
                "文字を置き換えるか、UTF-8 で書き出してください。")
{
    public int Row { get; } = row;
    public string Column { get; } = column;
    public string Character { get; } = character;
}
