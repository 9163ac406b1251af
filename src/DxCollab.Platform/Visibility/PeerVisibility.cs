using System.Security.Claims;
using DxCollab.Platform.Identity;

namespace DxCollab.Platform.Visibility;

/// <summary>How a viewer stands to one 団体's records (docs/visibility.md).</summary>
public enum Audience
{
    /// <summary>The 団体's own officers.</summary>
    Owner,
    /// <summary>The prefecture's DX staff: they see every 団体 of their tenant in full.</summary>
    Prefecture,
    /// <summary>Anyone else of the tenant: another 団体's officer, or a pool expert (assigned or not; an assignment is
    /// about one request, and the 団体 shares what the expert needs on that request).</summary>
    Peer,
}

/// <summary>The visibility policy of docs/visibility.md in code: a 団体's peers see its rates, statuses, dates and
/// flags, but not what it wrote in its own words (reasons, notes, 経過措置), nor who of its staff did what. Every
/// endpoint and page that returns another 団体's data asks here, and redacts the fields rather than refusing the
/// resource.</summary>
public static class PeerVisibility
{
    /// <summary>What a peer sees in place of a withheld text that exists.</summary>
    public const string Withheld = "非公開";

    public static Audience AudienceOf(this ClaimsPrincipal user, string organizationCode) =>
        user.IsPrefectureStaff() ? Audience.Prefecture
        : user.IsOfficerOf(organizationCode) ? Audience.Owner
        : Audience.Peer;

    /// <summary>May read the 団体's own words (reasons, notes, 経過措置) and the names of its people.</summary>
    public static bool SeesDetailsOf(this ClaimsPrincipal user, string organizationCode) =>
        user.AudienceOf(organizationCode) != Audience.Peer;

    /// <summary>A free text of the 団体 as the viewer may see it: itself, or null for a peer.</summary>
    public static string? Detail(this ClaimsPrincipal user, string organizationCode, string? text) =>
        user.SeesDetailsOf(organizationCode) ? text : null;

    /// <summary>The same for a page: 「非公開」 where a peer would see a text that exists.</summary>
    public static string? DetailOrWithheld(this ClaimsPrincipal user, string organizationCode, string? text) =>
        user.SeesDetailsOf(organizationCode) || string.IsNullOrEmpty(text) ? text : Withheld;
}
