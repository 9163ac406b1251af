namespace DxCollab.Platform.Organizations;

/// <summary>団体の種別, as in the 総務省 list.</summary>
public enum OrganizationType
{
    Prefecture = 1,      // 都道府県
    DesignatedCity = 2,  // 指定都市
    CoreCity = 3,        // 中核市
    SpecialWard = 4,     // 特別区
    City = 5,            // 市 (指定都市・中核市以外)
    Town = 6,            // 町
    Village = 7,         // 村
}

/// <summary>団体区分: the groups national statistics (e.g. the 標準化 PMO table) report by.</summary>
public enum OrganizationCategory
{
    DesignatedCity = 1,  // 指定都市
    CoreCity = 2,        // 中核市
    SpecialWard = 3,     // 特別区
    OtherCity = 4,       // 指定都市・中核市以外の市
    TownOrVillage = 5,   // 町村
    Prefecture = 6,      // 都道府県
}

public static class OrganizationTypeNames
{
    private static readonly Dictionary<OrganizationType, string> TypeNames = new()
    {
        [OrganizationType.Prefecture] = "都道府県", [OrganizationType.DesignatedCity] = "指定都市",
        [OrganizationType.CoreCity] = "中核市", [OrganizationType.SpecialWard] = "特別区",
        [OrganizationType.City] = "市", [OrganizationType.Town] = "町", [OrganizationType.Village] = "村",
    };

    private static readonly Dictionary<OrganizationCategory, string> CategoryNames = new()
    {
        [OrganizationCategory.DesignatedCity] = "指定都市", [OrganizationCategory.CoreCity] = "中核市",
        [OrganizationCategory.SpecialWard] = "特別区", [OrganizationCategory.OtherCity] = "指定都市・中核市以外の市",
        [OrganizationCategory.TownOrVillage] = "町村", [OrganizationCategory.Prefecture] = "都道府県",
    };

    public static string ToJapanese(this OrganizationType type) => TypeNames[type];
    public static string ToJapanese(this OrganizationCategory category) => CategoryNames[category];

    public static OrganizationCategory ToCategory(this OrganizationType type) => type switch
    {
        OrganizationType.Prefecture => OrganizationCategory.Prefecture,
        OrganizationType.DesignatedCity => OrganizationCategory.DesignatedCity,
        OrganizationType.CoreCity => OrganizationCategory.CoreCity,
        OrganizationType.SpecialWard => OrganizationCategory.SpecialWard,
        OrganizationType.City => OrganizationCategory.OtherCity,
        _ => OrganizationCategory.TownOrVillage,
    };

    /// <summary>Parses the Japanese type name (都道府県, 指定都市 …) or the English enum name.</summary>
    public static bool TryParse(string? text, out OrganizationType type)
    {
        type = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var trimmed = text.Trim();
        foreach (var (key, name) in TypeNames)
            if (name == trimmed) { type = key; return true; }
        // Names only: a bare number ("3") is not a type anyone writes on purpose.
        return !trimmed.All(char.IsAsciiDigit) && Enum.TryParse(trimmed, ignoreCase: true, out type) && Enum.IsDefined(type);
    }

    public static IEnumerable<OrganizationType> All => TypeNames.Keys;
}
