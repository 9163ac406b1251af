using DxCollab.Platform.Organizations;

namespace DxCollab.Platform.Tests.Organizations;

public class LocalGovernmentCodeTests
{
    [Theory]
    [InlineData("011002")] // 札幌市
    [InlineData("131016")] // 千代田区
    [InlineData("272035")] // 豊中市
    [InlineData("010006")] // 北海道
    [InlineData("130001")] // 東京都
    [InlineData("270008")] // 大阪府
    [InlineData("271004")] // 大阪市
    [InlineData("232033")] // 一宮市
    [InlineData("012025")] // 函館市
    public void Published_codes_are_valid(string code)
    {
        LocalGovernmentCode.Validate(code).ShouldBeNull();
        LocalGovernmentCode.IsValid(code).ShouldBeTrue();
    }

    [Theory]
    [InlineData("011003", "011002")]
    [InlineData("272036", "272035")]
    [InlineData("131010", "131016")]
    public void A_changed_check_digit_is_refused_with_a_Japanese_message_naming_the_correct_code(string code, string correct)
    {
        LocalGovernmentCode.IsValid(code).ShouldBeFalse();
        var message = LocalGovernmentCode.Validate(code);
        message.ShouldNotBeNull();
        message.ShouldContain("検査数字");
        message.ShouldContain(code);
        message.ShouldContain(correct);
    }

    [Fact]
    public void A_remainder_of_one_gives_check_digit_zero()
    {
        // 0·6 + 0·5 + 0·4 + 0·3 + 6·2 = 12, 12 mod 11 = 1 → 11 − 1 = 10 → 0
        LocalGovernmentCode.CheckDigit("00006").ShouldBe(0);
        LocalGovernmentCode.IsValid("000060").ShouldBeTrue();
        LocalGovernmentCode.IsValid("000061").ShouldBeFalse();
    }

    [Fact]
    public void A_remainder_of_zero_gives_check_digit_one()
    {
        // 0·6 + 1·5 + 1·4 + 0·3 + 1·2 = 11, 11 mod 11 = 0 → 11 − 0 = 11 → 1
        LocalGovernmentCode.CheckDigit("01101").ShouldBe(1);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("27203")]
    [InlineData("2720351")]
    [InlineData("27203a")]
    [InlineData("２７２０３５")] // full-width digits are not a code
    public void Anything_but_six_ASCII_digits_is_refused(string? code)
    {
        LocalGovernmentCode.IsValid(code).ShouldBeFalse();
        LocalGovernmentCode.Validate(code)!.ShouldContain("6桁の数字ではありません");
    }

    [Fact]
    public void Every_code_in_the_bundled_list_has_a_valid_check_digit() =>
        LocalGovernmentList.Bundled.Where(r => !LocalGovernmentCode.IsValid(r.Code)).Select(r => r.Code).ShouldBeEmpty();
}
