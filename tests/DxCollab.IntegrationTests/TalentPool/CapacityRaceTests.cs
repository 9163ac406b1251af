using System.Net;
using System.Net.Http.Json;
using DxCollab.IntegrationTests.Infrastructure;
using Npgsql;
using static DxCollab.IntegrationTests.TalentPool.AssignmentEndingTests;
using static DxCollab.IntegrationTests.TalentPool.MatchingTestData;

namespace DxCollab.IntegrationTests.TalentPool;

/// <summary>Hours go back to an expert's capacity once, also under a real race on PostgreSQL: the test holds the expert's
/// ledger rows so that a cancel stops after claiming its assignment and a withdrawal of the same request reads that
/// assignment while it still looks 開始前; once the rows are let go, only the cancel gives the hours back.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgreSql_CapacityRace(PostgresAppFixture fixture) : AppTest(fixture)
{
    [Fact]
    public async Task A_withdrawal_racing_the_cancel_of_one_of_its_assignments_gives_that_experts_hours_back_once()
    {
        using var staff = await App.SignInAsync("osaka", Staff);
        using var officer = await App.SignInAsync("osaka", ToyonakaOfficer);
        var areas = await App.SkillAreasAsync("osaka");
        var (start, end) = (Month(ThisMonth.AddMonths(1)), Month(ThisMonth.AddMonths(2)));
        var raced = await staff.ExpertAsync(areas, "競合 一郎", capacity: 40);
        var other = await staff.ExpertAsync(areas, "競合 二郎", capacity: 40);
        var request = await officer.RequestAsync("取り下げる依頼", "network");
        var cancelled = await staff.AssignedAsync(request, raced, start, end, 6);
        await staff.AssignedAsync(request, other, start, end, 6);
        await staff.AssignedAsync(await officer.RequestAsync("同じ月の別の依頼", "network"), raced, start, end, 10);
        var version = (await ActivityTestData.JsonAsync(await staff.GetAsync($"/api/v1/osaka/talent/requests/{request}"))).GetProperty("version").GetInt32();

        await using var holder = new NpgsqlConnection(fixture.AdminConnectionString);
        await holder.OpenAsync();
        var hold = await holder.BeginTransactionAsync();
        Task<HttpResponseMessage>? cancel = null, withdraw = null;
        try
        {
            await ExecuteAsync(holder, $"SELECT 1 FROM \"TalentPool_MonthLoads\" WHERE \"ExpertId\" = {raced} FOR UPDATE");
            cancel = staff.PostAsync($"/api/v1/osaka/talent/assignments/{cancelled}/cancel", null);
            await WaitingOnLocksAsync(1);
            withdraw = officer.PostAsJsonAsync($"/api/v1/osaka/talent/requests/{request}/withdraw", new { version, reason = "庁内で対応できた" });
            await WaitingOnLocksAsync(2);
        }
        finally
        {
            await hold.RollbackAsync();
        }

        using var cancelled200 = await cancel!;
        cancelled200.StatusCode.ShouldBe(HttpStatusCode.OK, await cancelled200.Content.ReadAsStringAsync());
        using var withdrawn200 = await withdraw!;
        withdrawn200.StatusCode.ShouldBe(HttpStatusCode.OK, await withdrawn200.Content.ReadAsStringAsync());
        (await BookedOfAsync(raced)).ShouldBe([10, 10]);
        (await BookedOfAsync(other)).ShouldBe([0, 0]);
        var states = (await ActivityTestData.JsonAsync(await staff.GetAsync($"/api/v1/osaka/talent/assignments?requestId={request}"))).EnumerateArray()
            .Select(a => a.GetProperty("stateName").GetString()).ToList();
        states.ShouldBe(["取消", "取消"]);
    }

    private async Task<List<int>> BookedOfAsync(long expert)
    {
        await using var connection = new NpgsqlConnection(fixture.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT \"BookedHours\" FROM \"TalentPool_MonthLoads\" WHERE \"ExpertId\" = {expert} ORDER BY \"Month\"", connection);
        var booked = new List<int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) booked.Add(reader.GetInt32(0));
        return booked;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Waits until this many sessions of the test database wait on a lock (the callers stopped where the test wants).</summary>
    private async Task WaitingOnLocksAsync(int sessions)
    {
        await using var connection = new NpgsqlConnection(fixture.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", connection);
        for (var deadline = DateTime.UtcNow.AddSeconds(30); DateTime.UtcNow < deadline; await Task.Delay(50))
            if ((long)(await command.ExecuteScalarAsync())! >= sessions) return;
        throw new TimeoutException($"{sessions} session(s) never waited on a lock.");
    }
}
