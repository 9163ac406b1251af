using DxCollab.Platform.Files;

namespace DxCollab.Platform.Tests.Files;

/// <summary>Which files any upload may be (a 証跡, an attachment …) and how names are kept.</summary>
public sealed class FileTypesTests
{
    [Theory]
    [InlineData("移行計画書.pdf", "%PDF-1.7", "application/pdf")]
    [InlineData("契約書.DOCX", "PK\u0003\u0004", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [InlineData("構成図.png", "\u0089PNG\r\n\u001a\n", "image/png")]
    [InlineData("テスト結果.csv", "項目,結果\r\n", "text/csv")]
    [InlineData("議事録.txt", "打合せメモ", "text/plain")]
    [InlineData("資料一式.zip", "PK\u0003\u0004", "application/zip")]
    public void Allowed_kinds_get_our_content_type(string name, string start, string contentType) =>
        FileTypes.ContentTypeOf(name, Bytes(start)).ShouldBe(contentType);

    [Theory]
    [InlineData("setup.exe", "MZ")]
    [InlineData("script.js", "alert(1)")]
    [InlineData("契約書.pdf", "MZ")] // an executable renamed
    [InlineData("計画書.xlsx", "%PDF")]
    [InlineData("名簿.csv", "a\0b")] // binary posing as text
    [InlineData("拡張子なし", "%PDF")]
    public void Other_kinds_and_disguised_files_are_refused(string name, string start) =>
        FileTypes.ContentTypeOf(name, Bytes(start)).ShouldBeNull();

    [Theory]
    [InlineData(@"C:\Users\情シス\Desktop\移行計画書.pdf", "移行計画書.pdf")]
    [InlineData("  テスト結果\u0007.pdf ", "テスト結果.pdf")]
    [InlineData("a\"b<c>.txt", "abc.txt")]
    public void Names_keep_their_japanese_without_folders_or_control_characters(string uploaded, string kept) =>
        FileTypes.CleanName(uploaded).ShouldBe(kept);

    [Fact]
    public void Long_names_are_cut_to_200_characters_keeping_the_extension()
    {
        var name = FileTypes.CleanName(new string('あ', 300) + ".pdf");
        name.Length.ShouldBe(200);
        name.ShouldEndWith("あ.pdf");
    }

    [Fact]
    public void An_absurdly_long_extension_is_cut_with_the_name_and_never_splits_a_character()
    {
        FileTypes.CleanName("a." + new string('x', 250)).Length.ShouldBe(200);
        var name = FileTypes.CleanName(new string('a', 199) + "𠮷𠮷.pdf".PadLeft(10, 'b')); // 𠮷 is a surrogate pair
        name.Length.ShouldBeLessThanOrEqualTo(200);
        char.IsHighSurrogate(name[^5]).ShouldBeFalse();
        name.ShouldEndWith(".pdf");
    }

    /// <summary>Latin-1 for signatures written as text (\u0089PNG …), UTF-8 for Japanese text.</summary>
    private static ReadOnlyMemory<byte> Bytes(string start) =>
        start.All(c => c <= 0xFF) ? System.Text.Encoding.Latin1.GetBytes(start) : System.Text.Encoding.UTF8.GetBytes(start);
}
