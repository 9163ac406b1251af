using DxCollab.Platform.Text;

namespace DxCollab.Platform.Tests.Text;

public class JapaneseTextTests
{
    [Theory]
    [InlineData("ﾄﾖﾅｶｼ", "とよなかし")]     // half-width katakana
    [InlineData("トヨナカシ", "とよなかし")]   // full-width katakana
    [InlineData("ＫＰＩ", "kpi")]              // full-width ASCII
    [InlineData("KPI", "kpi")]
    [InlineData("ｶﾞｲﾄﾞ", "がいど")]             // half-width voiced marks combine
    [InlineData(" 豊中　市 ", "豊中市")]        // ASCII and ideographic spaces removed
    public void Width_case_kana_and_spaces_fold_to_one_search_key(string text, string key) =>
        JapaneseText.SearchKey(text).ShouldBe(key);

    [Fact]
    public void Half_width_katakana_full_width_katakana_and_hiragana_give_the_same_key()
    {
        var keys = new[] { "ﾄﾖﾅｶ", "トヨナカ", "とよなか" }.Select(JapaneseText.SearchKey).Distinct().ToList();
        keys.ShouldHaveSingleItem().ShouldBe("とよなか");
    }

    [Fact]
    public void Full_width_and_half_width_ASCII_give_the_same_key() =>
        JapaneseText.SearchKey("ＤＸ推進１２３").ShouldBe(JapaneseText.SearchKey("dx推進123"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void No_text_gives_an_empty_key(string? text) => JapaneseText.SearchKey(text).ShouldBe("");
}
