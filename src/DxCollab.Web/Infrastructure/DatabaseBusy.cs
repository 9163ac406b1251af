using System.Net.Sockets;
using Npgsql;

namespace DxCollab.Web.Infrastructure;

/// <summary>The database cannot take the request now (every pooled connection busy, the server out of connection
/// slots, starting up, shutting down or not reachable at all while it restarts or fails over): the request itself is
/// fine, so it is answered 503 with Retry-After, not as a system error.</summary>
public static class DatabaseBusy
{
    /// <summary>What Retry-After says: long enough for a burst of slow requests to hand their connections back.</summary>
    public const int RetryAfterSeconds = 5;

    public static bool Is(Exception exception) => Busy(exception) || Unreachable(exception);

    /// <summary>Too many requests at once: no connection to spare.</summary>
    public static bool Busy(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                // 53300 too_many_connections, 57P03 cannot_connect_now (starting up or shutting down).
                case PostgresException { SqlState: PostgresErrorCodes.TooManyConnections or PostgresErrorCodes.CannotConnectNow }:
                    return true;
                // Npgsql's pool ran out of connections within the connection Timeout ("The connection pool has been
                // exhausted"), or the server did not answer in time: both carry a TimeoutException.
                case NpgsqlException { InnerException: TimeoutException } and not PostgresException:
                    return true;
            }
        }
        return false;
    }

    /// <summary>The server is gone for the moment: the connection is refused or was cut (a restart, a crash, a
    /// failover), or the server is shutting down. Found by the PostgreSQL outage test (Faults/PostgresOutageTests),
    /// which saw these answered 500.</summary>
    public static bool Unreachable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                // 57P01 admin_shutdown, 57P02 crash_shutdown: the server ended the session.
                case PostgresException { SqlState: PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown }:
                    return true;
                case NpgsqlException { InnerException: SocketException or IOException } and not PostgresException:
                    return true;
            }
        }
        return false;
    }
}
