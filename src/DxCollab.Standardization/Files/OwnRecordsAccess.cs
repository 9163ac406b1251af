using System.Security.Claims;
using DxCollab.Platform.Visibility;

namespace DxCollab.Standardization.Files;

/// <summary>Who may see a 団体's 証跡 and inquiries: unlike step statuses (every member of the tenant reads those),
/// contracts and questions stay between the 団体 and its prefecture — the peer rule of docs/visibility.md
/// (<see cref="PeerVisibility"/>): the prefecture's staff see every 団体's, a municipality's officers only their own,
/// experts none.</summary>
public static class OwnRecordsAccess
{
    public static bool CanRead(ClaimsPrincipal user, string organizationCode) => user.SeesDetailsOf(organizationCode);
}
