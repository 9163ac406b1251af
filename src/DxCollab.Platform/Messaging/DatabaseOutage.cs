using System.Data.Common;

namespace DxCollab.Platform.Messaging;

/// <summary>The database cannot do the work now but may in a moment, anywhere in the exception chain: what the provider
/// itself calls transient (<see cref="DbException.IsTransient"/>: connection refused or cut, "cannot connect now", out of
/// connections, and also a deadlock or serialization failure), plus the server ending the session as it shuts down
/// (SQLSTATE 57P01/57P02, which Npgsql does not count as transient). The consumers' outage retry and the web's 503 both
/// decide with this (ADR 0012).</summary>
public static class DatabaseOutage
{
    public static bool Is(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is DbException { IsTransient: true } or DbException { SqlState: "57P01" or "57P02" }) return true;
        return false;
    }
}
