using System.Net.Sockets;
using DxCollab.Platform.Messaging;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DxCollab.Platform.Tests.Messaging;

/// <summary>The one classifier behind the consumers' outage retry and the web's 503 (ADR 0012), on what Npgsql throws.</summary>
public sealed class DatabaseOutageTests
{
    [Theory]
    [InlineData("57P01")] // admin_shutdown: the server ended the session while stopping
    [InlineData("57P02")] // crash_shutdown
    [InlineData("57P03")] // cannot_connect_now: starting up
    [InlineData("53300")] // too_many_connections
    [InlineData("40001")] // serialization_failure: the same transaction may succeed now
    [InlineData("40P01")] // deadlock_detected
    public void A_server_answer_that_may_go_away_by_itself_is_an_outage(string sqlState) =>
        DatabaseOutage.Is(new DbUpdateException("save failed", Server(sqlState))).ShouldBeTrue();

    [Theory]
    [InlineData("23505")] // unique_violation: trying again changes nothing
    [InlineData("23514")] // check_violation
    [InlineData("42501")] // insufficient_privilege (row-level security)
    public void A_refusal_of_the_data_itself_is_not(string sqlState) =>
        DatabaseOutage.Is(new DbUpdateException("save failed", Server(sqlState))).ShouldBeFalse();

    [Fact]
    public void A_refused_or_cut_connection_is_an_outage()
    {
        DatabaseOutage.Is(new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused))).ShouldBeTrue();
        DatabaseOutage.Is(new InvalidOperationException("wrapped", new NpgsqlException("Exception while reading from stream", new IOException("reset")))).ShouldBeTrue();
        DatabaseOutage.Is(new InvalidOperationException("a bug")).ShouldBeFalse();
    }

    private static PostgresException Server(string sqlState) => new("test", "ERROR", "ERROR", sqlState);
}
