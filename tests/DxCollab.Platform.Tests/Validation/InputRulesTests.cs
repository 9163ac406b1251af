using DxCollab.Platform.Validation;

namespace DxCollab.Platform.Tests.Validation;

/// <summary>What every form and API refuses: dates outside 2000–2100, control and bidi characters, invisible-only text.</summary>
public sealed class InputRulesTests
{
    [Theory]
    [InlineData("2000-01-01", true)]
    [InlineData("2100-12-31", true)]
    [InlineData("2026-12-04", true)]
    [InlineData("1999-12-31", false)]
    [InlineData("2101-01-01", false)]
    [InlineData("9999-12-31", false)]
    [InlineData("0001-01-01", false)]
    public void Dates_are_accepted_only_between_2000_and_2100(string date, bool accepted)
    {
        var error = InputRules.DateError(DateOnly.Parse(date));
        (error is null).ShouldBe(accepted);
        if (!accepted) error.ShouldBe("日付は2000年1月1日から2100年12月31日までの範囲で入力してください。");
    }

    [Fact]
    public void A_missing_date_is_not_a_range_error() => InputRules.DateError((DateOnly?)null).ShouldBeNull();

    [Theory]
    [InlineData("メモ\0です")]
    [InlineData("\u0007ベル")]
    [InlineData("削除\u007F")]
    public void Control_characters_are_refused(string text) => InputRules.TextError(text).ShouldBe(InputRules.ControlCharacterMessage);

    [Theory]
    [InlineData("请求\u202Etxt.exe")]
    [InlineData("\u2066隔離\u2069")]
    public void Bidi_overrides_are_refused(string text) => InputRules.TextError(text).ShouldBe(InputRules.BidiMessage);

    [Theory]
    [InlineData("一行目\r\n二行目\t表")]
    [InlineData("住民記録システム")]
    [InlineData("ｶﾅ と １２３")]
    public void Ordinary_text_with_line_breaks_and_tabs_is_accepted(string text) => InputRules.TextError(text, "件名を入力してください。").ShouldBeNull();

    [Theory]
    [InlineData("\u200B\u180E")]
    [InlineData(" \u200C\u200D\u2060\uFEFF\u00AD ")]
    public void Invisible_only_text_is_refused_whether_required_or_not(string text)
    {
        InputRules.TextError(text, "件名を入力してください。").ShouldBe("件名を入力してください。");
        InputRules.TextError(text).ShouldBe(InputRules.InvisibleOnlyMessage);
        InputRules.HasVisibleText(text).ShouldBeFalse();
    }

    [Fact]
    public void Empty_optional_text_is_fine_and_empty_required_text_is_refused()
    {
        InputRules.TextError(null).ShouldBeNull();
        InputRules.TextError("   ").ShouldBeNull();
        InputRules.TextError("  ", "件名を入力してください。").ShouldBe("件名を入力してください。");
    }

    [Fact]
    public void Errors_are_collected_per_field_first_one_wins()
    {
        var errors = new Dictionary<string, string[]>()
            .CheckText("title", "\u200B", "件名を入力してください。")
            .CheckText("note", "a\0b")
            .CheckDate("plannedDate", new DateOnly(9999, 12, 31))
            .CheckDate("actualDate", new DateOnly(2026, 4, 1));
        errors.Keys.ShouldBe(["title", "note", "plannedDate"], ignoreOrder: true);
    }

    [Theory]
    [InlineData("平成", 12, 1, 1, "2000-01-01")]
    [InlineData("平成", 31, 4, 30, "2019-04-30")]
    [InlineData("令和", 1, 5, 1, "2019-05-01")]
    [InlineData("R", 8, 12, 4, "2026-12-04")]
    [InlineData("s", 64, 1, 7, "1989-01-07")]
    public void Wareki_dates_within_their_era_are_read(string era, int year, int month, int day, string expected)
    {
        JapaneseEras.TryCompose(era, year, month, day, out var date).ShouldBeTrue();
        date.ShouldBe(DateOnly.Parse(expected));
    }

    [Theory]
    [InlineData("平成", 31, 5, 1)]
    [InlineData("令和", 1, 4, 30)]
    [InlineData("昭和", 64, 1, 8)]
    [InlineData("平成", 0, 1, 1)]
    [InlineData("令和", 2, 2, 30)]
    [InlineData("大正", 1, 1, 1)]
    public void Wareki_dates_outside_their_era_or_calendar_are_refused(string era, int year, int month, int day) =>
        JapaneseEras.TryCompose(era, year, month, day, out _).ShouldBeFalse();
}
