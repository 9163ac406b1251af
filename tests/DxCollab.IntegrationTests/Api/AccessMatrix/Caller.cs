namespace DxCollab.IntegrationTests.Api.AccessMatrix;

/// <summary>Who calls, as columns of the matrix. "Own" is the 団体 that owns the rows the matrix calls with (豊中市,
/// 272035); "peer" another 団体 of the same prefecture (千早赤阪村, 273830); "Kyoto …" the same roles of another tenant
/// calling osaka's paths.</summary>
[Flags]
public enum Caller
{
    None = 0,
    Anonymous = 1 << 0,
    OwnOfficer = 1 << 1,
    PeerOfficer = 1 << 2,
    PrefectureStaff = 1 << 3,
    PrefectureAdmin = 1 << 4,
    Expert = 1 << 5,
    KyotoOfficer = 1 << 6,
    KyotoStaff = 1 << 7,
    KyotoAdmin = 1 << 8,
    KyotoExpert = 1 << 9,
    NationalViewer = 1 << 10,
    SystemAdmin = 1 << 11,
}

public static class Callers
{
    public static readonly IReadOnlyList<Caller> All = [.. Enum.GetValues<Caller>().Where(c => c != Caller.None)];

    public const Caller Officers = Caller.OwnOfficer | Caller.PeerOfficer;
    public const Caller Prefecture = Caller.PrefectureStaff | Caller.PrefectureAdmin;
    public const Caller OrganizationStaff = Officers | Prefecture;
    public const Caller Members = OrganizationStaff | Caller.Expert;
    public const Caller Kyoto = Caller.KyotoOfficer | Caller.KyotoStaff | Caller.KyotoAdmin | Caller.KyotoExpert;
    public const Caller Host = Caller.NationalViewer | Caller.SystemAdmin;
    public const Caller SignedIn = Members | Kyoto | Host;

    /// <summary>Column headings of docs/access-matrix.md.</summary>
    public static string Heading(Caller caller) => caller switch
    {
        Caller.Anonymous => "匿名",
        Caller.OwnOfficer => "自団体",
        Caller.PeerOfficer => "他団体",
        Caller.PrefectureStaff => "府職員",
        Caller.PrefectureAdmin => "府管理者",
        Caller.Expert => "専門人材",
        Caller.KyotoOfficer => "京都 団体",
        Caller.KyotoStaff => "京都 職員",
        Caller.KyotoAdmin => "京都 管理者",
        Caller.KyotoExpert => "京都 専門人材",
        Caller.NationalViewer => "国",
        Caller.SystemAdmin => "運用",
        _ => caller.ToString(),
    };

    public static string Describe(Caller caller) => caller switch
    {
        Caller.Anonymous => "no token",
        Caller.OwnOfficer => "MunicipalOfficer of 豊中市 (272035), the 団体 that owns the rows called",
        Caller.PeerOfficer => "MunicipalOfficer of 千早赤阪村 (273830), another 団体 of osaka",
        Caller.PrefectureStaff => "PrefectureStaff of 大阪府",
        Caller.PrefectureAdmin => "PrefectureAdmin of 大阪府",
        Caller.Expert => "Expert of osaka's pool, assigned to 豊中市's request",
        Caller.KyotoOfficer => "MunicipalOfficer of 笠置町 (kyoto)",
        Caller.KyotoStaff => "PrefectureStaff of 京都府",
        Caller.KyotoAdmin => "PrefectureAdmin of 京都府",
        Caller.KyotoExpert => "Expert of kyoto's pool",
        Caller.NationalViewer => "NationalViewer (host)",
        Caller.SystemAdmin => "SystemAdmin (host)",
        _ => caller.ToString(),
    };
}
