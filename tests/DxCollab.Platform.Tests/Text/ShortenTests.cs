using DxCollab.Platform.Text;

namespace DxCollab.Platform.Tests.Text;

/// <summary>How a notice or a message quotes a title: cut to a length, with 「…」.</summary>
public class ShortenTests
{
    [Fact]
    public void A_title_within_the_limit_is_quoted_whole() =>
        JapaneseText.Shorten("庁内ネットワークの更改について", 60).ShouldBe("庁内ネットワークの更改について");

    [Fact]
    public void A_longer_title_is_cut_to_the_limit_with_an_ellipsis()
    {
        var quoted = JapaneseText.Shorten(new string('あ', 31), 30);
        quoted.Length.ShouldBe(30);
        quoted.ShouldBe(new string('あ', 29) + "…");
    }

    [Fact]
    public void No_text_quotes_as_empty() => JapaneseText.Shorten(null).ShouldBe("");
}
