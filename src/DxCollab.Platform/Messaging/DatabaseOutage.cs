using System.Data.Common;

namespace DxCollab.Platform.Messaging;

/// <summary>The database is away for the moment (restart, crash, failover: connection refused or cut, "cannot connect
/// now"), as the provider itself classifies it (<see cref="DbException.IsTransient"/>), anywhere in the chain.</summary>
public static class DatabaseOutage
{
    public static bool Is(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is DbException { IsTransient: true }) return true;
        return false;
    }
}
