using System.Text;
using DxCollab.Platform.Organizations;

namespace DxCollab.Platform.Tests.Organizations;

public class LocalGovernmentListParseTests
{
    private const string Header = "code,prefecture_code,prefecture,name,kana,type";

    private static LocalGovernmentList Parse(params string[] lines) => LocalGovernmentList.Parse(new StringReader(string.Join("\n", lines)));

    [Fact]
    public void A_valid_list_is_read_row_by_row()
    {
        var list = Parse(Header, "270008,27,大阪府,大阪府,おおさかふ,都道府県", "272035,27,大阪府,豊中市,とよなかし,中核市");
        list.IsValid.ShouldBeTrue();
        list.Records.Count.ShouldBe(2);
        list.Records[1].ShouldBe(new LocalGovernmentRecord("272035", "27", "大阪府", "豊中市", "とよなかし", OrganizationType.CoreCity));
    }

    [Fact]
    public void A_bad_check_digit_is_reported_with_its_line_number()
    {
        var list = Parse(Header, "270008,27,大阪府,大阪府,おおさかふ,都道府県", "272036,27,大阪府,豊中市,とよなかし,中核市");
        list.IsValid.ShouldBeFalse();
        var error = list.Errors.ShouldHaveSingleItem();
        error.LineNumber.ShouldBe(3);
        error.Message.ShouldContain("検査数字");
        error.Message.ShouldContain("272035");
    }

    [Fact]
    public void A_duplicate_code_is_reported_on_the_second_line()
    {
        var list = Parse(Header, "272035,27,大阪府,豊中市,とよなかし,中核市", "270008,27,大阪府,大阪府,おおさかふ,都道府県", "272035,27,大阪府,豊中市,とよなかし,中核市");
        var error = list.Errors.ShouldHaveSingleItem();
        error.LineNumber.ShouldBe(4);
        error.Message.ShouldBe("団体コード「272035」が重複しています。");
    }

    [Fact]
    public void An_unknown_type_is_reported_by_name()
    {
        var list = Parse(Header, "272035,27,大阪府,豊中市,とよなかし,政令市");
        var error = list.Errors.ShouldHaveSingleItem();
        error.LineNumber.ShouldBe(2);
        error.Message.ShouldBe("種別「政令市」は認識できません。");
    }

    [Fact]
    public void A_missing_column_refuses_the_header_line()
    {
        var list = Parse("code,prefecture_code,prefecture,name,type", "272035,27,大阪府,豊中市,中核市");
        list.Records.ShouldBeEmpty();
        var error = list.Errors.ShouldHaveSingleItem();
        error.LineNumber.ShouldBe(1);
        error.Message.ShouldContain("kana");
    }

    [Fact]
    public void A_short_row_is_reported_with_its_column_count()
    {
        var error = Parse(Header, "272035,27,大阪府,豊中市").Errors.ShouldHaveSingleItem();
        error.LineNumber.ShouldBe(2);
        error.Message.ShouldContain("列の数が足りません");
    }

    [Fact]
    public void A_prefecture_code_that_does_not_match_the_code_is_refused()
    {
        var error = Parse(Header, "272035,26,京都府,豊中市,とよなかし,中核市").Errors.ShouldHaveSingleItem();
        error.Message.ShouldContain("先頭2桁");
    }

    [Fact]
    public void A_list_with_any_bad_row_reports_every_bad_row_and_keeps_blank_lines_counted()
    {
        var list = Parse(Header, "272036,27,大阪府,豊中市,とよなかし,中核市", "", "271004,27,大阪府,大阪市,おおさかし,町村区");
        list.IsValid.ShouldBeFalse();
        list.Errors.Select(e => e.LineNumber).ShouldBe([2, 4]);
    }

    [Fact]
    public void An_empty_file_is_refused() =>
        LocalGovernmentList.Parse(new StringReader("")).Errors.ShouldHaveSingleItem().Message.ShouldBe("ファイルが空です。");

    [Fact]
    public void A_byte_order_mark_in_the_text_is_accepted()
    {
        var list = Parse("\uFEFF" + Header, "272035,27,大阪府,豊中市,とよなかし,中核市");
        list.IsValid.ShouldBeTrue();
        list.Records.ShouldHaveSingleItem().Code.ShouldBe("272035");
    }

    [Fact]
    public void A_UTF8_file_with_BOM_saved_by_Excel_is_accepted()
    {
        var bytes = new UTF8Encoding(true).GetPreamble().Concat(Encoding.UTF8.GetBytes(Header + "\r\n272035,27,大阪府,豊中市,とよなかし,中核市\r\n")).ToArray();
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8);
        var list = LocalGovernmentList.Parse(reader);
        list.IsValid.ShouldBeTrue();
        list.Records.ShouldHaveSingleItem().Name.ShouldBe("豊中市");
    }

    [Fact]
    public void Column_order_is_read_from_the_header_and_upper_case_headers_are_accepted()
    {
        var list = Parse("TYPE,Name,kana,code,prefecture,prefecture_code", "中核市,豊中市,とよなかし,272035,大阪府,27");
        list.IsValid.ShouldBeTrue();
        list.Records.ShouldHaveSingleItem().ShouldSatisfyAllConditions(r => r.Code.ShouldBe("272035"), r => r.Type.ShouldBe(OrganizationType.CoreCity));
    }

    [Fact]
    public void An_optional_successor_code_column_marks_a_merger()
    {
        var list = Parse(Header + ",successor_code", "272035,27,大阪府,豊中市,とよなかし,中核市,", "272043,27,大阪府,池田市,いけだし,市,272035");
        list.IsValid.ShouldBeTrue();
        list.Records[0].SuccessorCode.ShouldBeNull();
        list.Records[1].SuccessorCode.ShouldBe("272035");
    }

    [Fact]
    public void A_successor_code_with_a_bad_check_digit_is_refused()
    {
        var error = Parse(Header + ",successor_code", "272043,27,大阪府,池田市,いけだし,市,272036").Errors.ShouldHaveSingleItem();
        error.LineNumber.ShouldBe(2);
        error.Message.ShouldStartWith("承継団体: ");
    }

    [Fact]
    public void Quoted_fields_as_Excel_writes_them_are_read_whole()
    {
        var list = Parse(Header, "\"270008\",27,\"大阪府\",\"大阪府\",おおさかふ,都道府県", "272035,27,大阪府,\"豊中市\",\"とよなかし\",\"中核市\"");
        list.IsValid.ShouldBeTrue(string.Join("; ", list.Errors.Select(e => e.Message)));
        list.Records[1].Name.ShouldBe("豊中市");
        list.Records[1].Type.ShouldBe(OrganizationType.CoreCity);
    }

    [Fact]
    public void A_numeric_type_is_refused_rather_than_guessed()
    {
        var list = Parse(Header, "272035,27,大阪府,豊中市,とよなかし,3");
        list.Errors.ShouldHaveSingleItem().Message.ShouldContain("種別「3」");
    }
}
