using DxCollab.Platform.Identity;
using DxCollab.Platform.Organizations;

namespace DxCollab.Platform.Tests.Infrastructure;

internal static class Make
{
    public static Organization Organization(string code, string name, string kana = "かな", OrganizationType type = OrganizationType.City)
    {
        var org = new Organization { Code = code, Name = name, Kana = kana, Type = type };
        org.RefreshSearchKey();
        return org;
    }

    public static AppUser User(string email, string? organizationCode = null) => new()
    {
        UserName = email, NormalizedUserName = email.ToUpperInvariant(),
        Email = email, NormalizedEmail = email.ToUpperInvariant(),
        DisplayName = "テスト 利用者", OrganizationCode = organizationCode,
        SecurityStamp = Guid.NewGuid().ToString("N"),
    };
}
