namespace DxCollab.Platform.Identity;

/// <summary>Role names. Tenant level: a prefecture's staff, a municipality's officers, pooled experts.
/// Host level (no tenant): national viewers and operators.</summary>
public static class Roles
{
    public const string PrefectureAdmin = nameof(PrefectureAdmin);
    public const string PrefectureStaff = nameof(PrefectureStaff);
    public const string MunicipalOfficer = nameof(MunicipalOfficer);
    public const string Expert = nameof(Expert);
    public const string NationalViewer = nameof(NationalViewer);
    public const string SystemAdmin = nameof(SystemAdmin);

    public static readonly IReadOnlyList<string> TenantRoles = [PrefectureAdmin, PrefectureStaff, MunicipalOfficer, Expert];
    public static readonly IReadOnlyList<string> HostRoles = [NationalViewer, SystemAdmin];
    public static readonly IReadOnlyList<string> All = [.. TenantRoles, .. HostRoles];

    public static string ToJapanese(string role) => role switch
    {
        PrefectureAdmin => "都道府県管理者",
        PrefectureStaff => "都道府県職員",
        MunicipalOfficer => "市区町村担当者",
        Expert => "人材プール専門人材",
        NationalViewer => "国（閲覧）",
        SystemAdmin => "システム運用",
        _ => role,
    };
}

/// <summary>Claim types DxCollab adds to a signed-in principal.</summary>
public static class DxClaims
{
    public const string Tenant = "tenant";
    public const string OrganizationCode = "org";
    public const string OrganizationName = "org_name";
    public const string DisplayName = "name_ja";
}

/// <summary>Authorization policy names.</summary>
public static class Policies
{
    public const string TenantMember = nameof(TenantMember);
    public const string PrefectureStaff = nameof(PrefectureStaff);
    public const string PrefectureAdmin = nameof(PrefectureAdmin);
    /// <summary>Staff of a 団体 (the prefecture's or a municipality's), not pooled experts: who asks and answers 照会.</summary>
    public const string OrganizationStaff = nameof(OrganizationStaff);
    public const string NationalViewer = nameof(NationalViewer);
    public const string SystemAdmin = nameof(SystemAdmin);
}
