using DxCollab.Platform.Organizations;

namespace DxCollab.Platform.Tenancy;

/// <summary>The 47 prefecture tenants in JIS order, plus the host level (国・運用), which no URL resolves to.</summary>
public static class PrefectureCatalog
{
    /// <summary>Tenant id under which host-level users (NationalViewer, SystemAdmin) are stored.</summary>
    public const string HostTenantId = "_host";

    public static readonly IReadOnlyList<string> Identifiers =
    [
        "hokkaido", "aomori", "iwate", "miyagi", "akita", "yamagata", "fukushima", "ibaraki", "tochigi", "gunma",
        "saitama", "chiba", "tokyo", "kanagawa", "niigata", "toyama", "ishikawa", "fukui", "yamanashi", "nagano",
        "gifu", "shizuoka", "aichi", "mie", "shiga", "kyoto", "osaka", "hyogo", "nara", "wakayama",
        "tottori", "shimane", "okayama", "hiroshima", "yamaguchi", "tokushima", "kagawa", "ehime", "kochi", "fukuoka",
        "saga", "nagasaki", "kumamoto", "oita", "miyazaki", "kagoshima", "okinawa",
    ];

    public static readonly PrefectureTenant Host = new()
    {
        Id = HostTenantId, Identifier = HostTenantId, Name = "国・システム運用", Code = "000000", IsHost = true,
    };

    /// <summary>The prefecture's name of a tenant id (鳥取県 for tottori) from the bundled 団体 list, or the id itself for
    /// an unknown one.</summary>
    public static string NameOf(string tenant)
    {
        var index = Identifiers.ToList().IndexOf(tenant);
        if (index < 0) return tenant;
        var number = (index + 1).ToString("00", System.Globalization.CultureInfo.InvariantCulture);
        return LocalGovernmentList.Bundled.FirstOrDefault(r => r.Type == OrganizationType.Prefecture && r.PrefectureCode == number)?.Name ?? tenant;
    }

    /// <summary>Builds the 47 tenants from the bundled 団体 list; per-tenant connection strings come from configuration.</summary>
    public static IReadOnlyList<PrefectureTenant> Build(IReadOnlyDictionary<string, string>? connectionStrings = null)
    {
        var prefectures = LocalGovernmentList.Bundled.Where(r => r.Type == OrganizationType.Prefecture).ToList();
        return Identifiers.Select((identifier, i) =>
        {
            var row = prefectures.Single(p => p.PrefectureCode == (i + 1).ToString("00"));
            return new PrefectureTenant
            {
                Id = identifier, Identifier = identifier, Name = row.Name, Code = row.Code,
                ConnectionString = connectionStrings?.GetValueOrDefault(identifier),
            };
        }).ToList();
    }
}
