using DxCollab.Platform.ReferenceData;

namespace DxCollab.Platform.Tests.ReferenceData;

public class ReferenceDataTests
{
    [Fact]
    public void There_are_20_standard_businesses_numbered_in_official_order()
    {
        StandardBusiness.All.Count.ShouldBe(20);
        StandardBusiness.All.Select(b => b.Number).ShouldBe(Enumerable.Range(1, 20));
        StandardBusiness.All[0].OfficialName.ShouldBe("児童手当");
        StandardBusiness.All[^1].OfficialName.ShouldBe("国民年金");
        StandardBusiness.All.Select(b => b.OfficialName).Distinct().Count().ShouldBe(20);
    }

    [Fact]
    public void The_workbook_uses_short_names_for_resident_records_and_family_register_annex()
    {
        var residents = StandardBusiness.All.Single(b => b.Number == 3);
        residents.OfficialName.ShouldBe("住民基本台帳");
        residents.WorkbookName.ShouldBe("住民記録");
        var annex = StandardBusiness.All.Single(b => b.Number == 4);
        annex.OfficialName.ShouldBe("戸籍の附票");
        annex.WorkbookName.ShouldBe("戸籍附票");
        StandardBusiness.All.Count(b => b.Number is not (3 or 4)).ShouldBe(18);
        StandardBusiness.All.Where(b => b.Number is not (3 or 4)).ShouldAllBe(b => b.WorkbookName == b.OfficialName);
    }

    [Fact]
    public void Prefectures_report_only_child_rearing_allowance_and_public_assistance() =>
        StandardBusiness.All.Where(b => b.ReportedByPrefecture).Select(b => b.OfficialName).ShouldBe(["児童扶養手当", "生活保護"]);

    [Theory]
    [InlineData("住民基本台帳", 3)]
    [InlineData("住民記録", 3)]
    [InlineData("戸籍の附票", 4)]
    [InlineData("戸籍附票", 4)]
    [InlineData(" 戸籍 附票 ", 4)]
    [InlineData("生活保護", 15)]
    public void A_business_is_found_by_official_or_workbook_name(string name, int number) =>
        StandardBusiness.Find(name)!.Number.ShouldBe(number);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("水道")]
    public void An_unknown_business_name_finds_nothing(string? name) => StandardBusiness.Find(name).ShouldBeNull();
}
