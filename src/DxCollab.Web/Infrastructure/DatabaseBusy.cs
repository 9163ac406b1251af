using DxCollab.Platform.Messaging;
using Npgsql;

namespace DxCollab.Web.Infrastructure;

/// <summary>The database cannot take the request now: the request itself is fine, so it is answered 503 with
/// Retry-After, not as a system error. Whether is the Platform's one classifier (<see cref="DatabaseOutage"/>, also
/// behind the consumers' outage retry); a deadlock or serialization failure is included, as "try again" is the honest
/// answer to it too (ADR 0012). The Npgsql checks here only choose the wording.</summary>
public static class DatabaseBusy
{
    /// <summary>What Retry-After says: long enough for a burst of slow requests to hand their connections back.</summary>
    public const int RetryAfterSeconds = 5;

    public static bool Is(Exception exception) => DatabaseOutage.Is(exception) || Busy(exception);

    /// <summary>Too many requests at once: no connection to spare (said so, rather than "the database had a problem").</summary>
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
}
