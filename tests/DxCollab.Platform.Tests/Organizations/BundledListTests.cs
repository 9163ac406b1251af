using DxCollab.Platform.Organizations;

namespace DxCollab.Platform.Tests.Organizations;

public class BundledListTests
{
    private static readonly IReadOnlyList<LocalGovernmentRecord> Bundled = LocalGovernmentList.Bundled;

    [Fact]
    public void The_bundled_list_holds_47_prefectures_and_1741_municipalities()
    {
        Bundled.Count.ShouldBe(1788);
        Bundled.Count(r => r.Type != OrganizationType.Prefecture).ShouldBe(1741);
    }

    [Theory]
    [InlineData(OrganizationType.Prefecture, 47)]
    [InlineData(OrganizationType.DesignatedCity, 20)]
    [InlineData(OrganizationType.CoreCity, 62)]
    [InlineData(OrganizationType.SpecialWard, 23)]
    [InlineData(OrganizationType.City, 710)]
    [InlineData(OrganizationType.Town, 743)]
    [InlineData(OrganizationType.Village, 183)]
    public void The_bundled_list_counts_each_type_as_the_official_list_does(OrganizationType type, int expected) =>
        Bundled.Count(r => r.Type == type).ShouldBe(expected);

    [Fact]
    public void Osaka_has_43_municipalities()
    {
        var osaka = Bundled.Where(r => r.PrefectureCode == "27").ToList();
        osaka.Count(r => r.Type != OrganizationType.Prefecture).ShouldBe(43);
        osaka.Single(r => r.Type == OrganizationType.Prefecture).Name.ShouldBe("大阪府");
        osaka.Single(r => r.Code == "272035").ShouldSatisfyAllConditions(
            r => r.Name.ShouldBe("豊中市"), r => r.Kana.ShouldBe("とよなかし"), r => r.Type.ShouldBe(OrganizationType.CoreCity));
    }

    [Fact]
    public void Codes_are_unique_and_every_code_starts_with_its_prefecture_code()
    {
        Bundled.Select(r => r.Code).Distinct().Count().ShouldBe(Bundled.Count);
        Bundled.ShouldNotBeEmpty();
        Bundled.ShouldAllBe(r => r.Code.StartsWith(r.PrefectureCode));
        Bundled.Select(r => r.PrefectureCode).Distinct().Count().ShouldBe(47);
    }

    [Fact]
    public void Every_prefecture_row_is_its_prefectures_own_body()
    {
        var prefectures = Bundled.Where(r => r.Type == OrganizationType.Prefecture).ToList();
        prefectures.Count.ShouldBe(47);
        prefectures.ShouldAllBe(r => r.Name == r.Prefecture && r.Code.Substring(2, 3) == "000");
    }

    [Theory]
    [InlineData(OrganizationType.Prefecture, OrganizationCategory.Prefecture, "都道府県")]
    [InlineData(OrganizationType.DesignatedCity, OrganizationCategory.DesignatedCity, "指定都市")]
    [InlineData(OrganizationType.CoreCity, OrganizationCategory.CoreCity, "中核市")]
    [InlineData(OrganizationType.SpecialWard, OrganizationCategory.SpecialWard, "特別区")]
    [InlineData(OrganizationType.City, OrganizationCategory.OtherCity, "指定都市・中核市以外の市")]
    [InlineData(OrganizationType.Town, OrganizationCategory.TownOrVillage, "町村")]
    [InlineData(OrganizationType.Village, OrganizationCategory.TownOrVillage, "町村")]
    public void Types_roll_up_into_the_categories_national_statistics_use(OrganizationType type, OrganizationCategory category, string name)
    {
        type.ToCategory().ShouldBe(category);
        category.ToJapanese().ShouldBe(name);
    }

    [Fact]
    public void The_roll_up_of_the_bundled_list_gives_926_towns_and_villages_and_710_other_cities()
    {
        var byCategory = Bundled.GroupBy(r => r.Type.ToCategory()).ToDictionary(g => g.Key, g => g.Count());
        byCategory[OrganizationCategory.TownOrVillage].ShouldBe(926);
        byCategory[OrganizationCategory.OtherCity].ShouldBe(710);
    }

    [Fact]
    public void Japanese_and_English_type_names_both_parse()
    {
        OrganizationTypeNames.TryParse("中核市", out var core).ShouldBeTrue();
        core.ShouldBe(OrganizationType.CoreCity);
        OrganizationTypeNames.TryParse("village", out var village).ShouldBeTrue();
        village.ShouldBe(OrganizationType.Village);
        OrganizationTypeNames.TryParse("区", out _).ShouldBeFalse();
        OrganizationTypeNames.TryParse("", out _).ShouldBeFalse();
    }
}
