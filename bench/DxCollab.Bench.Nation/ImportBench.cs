using System.Data.Common;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using DxCollab.Standardization;
using DxCollab.Standardization.Workbook;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace DxCollab.Bench.Nation;

/// <summary>The 総務省 workbook import of the whole prefecture (北海道: 3,582 rows × 40 steps) through the real endpoint
/// (POST /api/v1/{tenant}/migration/import, multipart xlsx, all or nothing) end to end, beside a bulk insert of the same
/// statuses (PostgreSQL binary COPY / SQLite one transaction with a prepared INSERT) into a scratch table.</summary>
internal static class ImportBench
{
    public static async Task RunAsync(RunContext run)
    {
        var (o, report, t) = (run.Options, run.Report, run.Target);
        report.Heading($"総務省 workbook import — {run.Where}");
        // The prefecture's own workbook as the app exports it, and a variant with one status moved on in every row.
        var original = await run.Api.GetBytesAsync($"/api/v1/{t.Tenant}/migration/export?format=xlsx");
        var rows = WorkbookReader.ReadXlsx(new MemoryStream(original)).Rows.Select(r => r.Row).ToList();
        var changedRows = rows.Select(MoveOn).ToList();
        using var variantStream = new MemoryStream();
        WorkbookWriter.WriteXlsx(variantStream, changedRows);
        var variant = variantStream.ToArray();
        var statuses = rows.Count * WorkbookLayout.StepCount;

        // Warm-up, not counted: one import each way (the server's first import compiles its code paths), one of each part.
        string? failure = null;
        foreach (var file in new[] { variant, original })
        {
            await run.Db.SettleAsync(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(2));
            failure ??= (await ImportAsync(run, file)).Error;
        }
        await BulkInsertAsync(run.Db, rows);
        WorkbookReader.ReadXlsx(new MemoryStream(variant));
        await ReadStoredAsync(run.Db);

        var product = new List<double>();
        var changed = new List<int>();
        for (var i = 0; i < o.ImportRounds && failure is null; i++)
        {
            // Odd rounds apply the variant, even rounds restore the original: every round changes the same statuses.
            // Each starts once the last round's events (the national roll-up of 180 団体) have gone out and been consumed.
            await run.Db.SettleAsync(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(2));
            var (ms, steps, error) = await ImportAsync(run, i % 2 == 0 ? variant : original);
            if (error is not null) failure = error;
            product.Add(ms);
            changed.Add(steps);
        }
        if (o.ImportRounds % 2 == 1 && failure is null) await ImportAsync(run, original);
        var baseline = new List<double>();
        for (var i = 0; i < Math.Max(3, o.ImportRounds); i++) baseline.Add(await BulkInsertAsync(run.Db, rows));
        // Two parts no import of this file can skip, each timed alone: reading the workbook, and reading the statuses
        // it is compared with (all or nothing needs every stored status of the rows before anything is written).
        var parse = new List<double>();
        var stored = new List<double>();
        for (var i = 0; i < Math.Max(3, o.ImportRounds); i++)
        {
            var clock = Stopwatch.StartNew();
            if (WorkbookReader.ReadXlsx(new MemoryStream(variant)).Rows.Count != rows.Count) throw new InvalidOperationException("The variant did not read back.");
            parse.Add(clock.Elapsed.TotalMilliseconds);
            stored.Add(await ReadStoredAsync(run.Db));
        }
        report.Line(
            $"The tenant's workbook exported by the app (xlsx, {original.Length / 1024.0:0} KB, {rows.Count:N0} rows = {statuses:N0} statuses), and a variant with one status moved on per row "
            + $"(未 → 作業中, else 作業中 → 完了済み); rounds alternate variant and original, so each round changes the same statuses; each round starts once the last round's events are sent and its consumers have been idle for 2 s. End to end = upload, "
            + $"read, validate, apply, save, report (timed by the client). Baseline: the same {statuses:N0} statuses bulk-inserted into a scratch table "
            + $"({(run.Db.Provider == Provider.PostgreSql ? "binary COPY" : "one transaction, prepared INSERT")}), {baseline.Count} rounds. One round of each, import and parts, first as warm-up, not counted.")
            .Line()
            .Line("| | median (s) | all rounds (s) | statuses changed per round |")
            .Line("|---|---|---|---|")
            .Line($"| import through the API | {Stats.F(Stats.Median(product) / 1000)} | {string.Join(" / ", product.Select(p => Stats.F(p / 1000)))} | {string.Join(" / ", changed)} |")
            .Line($"| bulk insert of the statuses | {Stats.F(Stats.Median(baseline) / 1000)} | {string.Join(" / ", baseline.Select(p => Stats.F(p / 1000)))} | |")
            .Line($"| part: reading the xlsx alone (in this process) | {Stats.F(Stats.Median(parse) / 1000)} | {string.Join(" / ", parse.Select(p => Stats.F(p / 1000)))} | |")
            .Line($"| part: reading the stored statuses alone (one SELECT) | {Stats.F(Stats.Median(stored) / 1000)} | {string.Join(" / ", stored.Select(p => Stats.F(p / 1000)))} | |")
            .Line()
            .Line(FormattableString.Invariant($"Those two parts alone take {(Stats.Median(parse) + Stats.Median(stored)) / Stats.Median(baseline):0.0}× the bulk insert, before any validation, comparison or write."));
        if (failure is not null)
        {
            report.Line().Line("Import failed: " + failure);
            report.Unmeasured($"Workbook import, {run.Where}", "< 10 s, ≤ 3× the baseline", "the import was refused or failed: " + failure);
            return;
        }
        var (median, bulk) = (Stats.Median(product), Stats.Median(baseline));
        var ratio = median / bulk;
        report.Budget(new($"Workbook import end to end, {run.Where}", $"{Stats.F(median / 1000)} s", $"bulk insert {Stats.F(bulk / 1000)} s", "< 10 s",
            median < 10_000 ? Outcome.Met : Outcome.Missed, $"importing the whole prefecture takes {Stats.F(median / 1000)} s."));
        report.Budget(new($"Workbook import vs bulk insert, {run.Where}", FormattableString.Invariant($"{ratio:0.0}×"), $"{Stats.F(bulk / 1000)} s", "≤ 3× the baseline",
            ratio <= 3 ? Outcome.Met : Outcome.Missed,
            FormattableString.Invariant($"the import (xlsx read, validation of every row, compare with the stored statuses, history rows, tally, all or nothing) takes {ratio:0.0}× a bare bulk insert of its statuses.")));
    }

    private static WorkbookRow MoveOn(WorkbookRow row)
    {
        var statuses = row.Statuses.ToArray();
        var i = Array.IndexOf(statuses, StepStatus.NotStarted);
        if (i >= 0) statuses[i] = StepStatus.InProgress;
        else if ((i = Array.IndexOf(statuses, StepStatus.InProgress)) >= 0) statuses[i] = StepStatus.Completed;
        return new WorkbookRow(row.PrefectureName, row.MunicipalityName, row.Business, statuses, row.LocalGovernmentCode);
    }

    private static async Task<(double Ms, int Changed, string? Error)> ImportAsync(RunContext run, byte[] workbook)
    {
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(workbook);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        content.Add(file, "file", $"{WorkbookLayout.SheetName}.xlsx");
        var clock = Stopwatch.StartNew();
        using var response = await run.Api.Client.PostAsync($"/api/v1/{run.Target.Tenant}/migration/import", content);
        var body = System.Text.Encoding.UTF8.GetString(await Session.BodyAsync(response));
        var ms = clock.Elapsed.TotalMilliseconds;
        if (!response.IsSuccessStatusCode) return (ms, 0, $"{(int)response.StatusCode} {(body.Length > 600 ? body[..600] : body)}");
        var changed = JsonDocument.Parse(body).RootElement.GetProperty("rows").EnumerateArray().Sum(r => r.GetProperty("changedSteps").GetInt32());
        return (ms, changed, null);
    }

    /// <summary>Every stored status of the tenant read into memory, as the import's comparison needs them.</summary>
    private static async Task<double> ReadStoredAsync(BenchDatabase db)
    {
        await using var connection = await db.OpenBaselineAsync(db.Target.Tenant);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"OrganizationCode\", \"BusinessNumber\", \"StepNumber\", \"Status\" FROM \"Migration_StepProgress\"";
        var clock = Stopwatch.StartNew();
        var statuses = new Dictionary<(string, int, int), string>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                statuses[(reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2))] = reader.GetString(3);
        return clock.Elapsed.TotalMilliseconds;
    }

    /// <summary>The statuses of the rows into a scratch table of the same columns as the step rows, in bulk.</summary>
    private static async Task<double> BulkInsertAsync(BenchDatabase db, IReadOnlyList<WorkbookRow> rows)
    {
        var cells = rows.SelectMany(r => r.Statuses.Select((s, i) => (Code: r.LocalGovernmentCode ?? r.MunicipalityName ?? "000000", r.Business.Number, Step: i + 1, Status: s.ToString())))
            .ToList();
        var now = DateTime.UtcNow;
        await using var connection = await db.OpenBaselineAsync(db.Target.Tenant);
        await Exec(connection, """
            CREATE TEMP TABLE bench_statuses ("TenantId" varchar(64), "OrganizationCode" varchar(6), "BusinessNumber" int, "StepNumber" int,
                "Status" varchar(20), "UpdatedAt" timestamp with time zone)
            """.Replace("timestamp with time zone", db.Provider == Provider.Sqlite ? "text" : "timestamp with time zone", StringComparison.Ordinal));
        var clock = Stopwatch.StartNew();
        if (connection is NpgsqlConnection pg)
        {
            await using var copy = await pg.BeginBinaryImportAsync(
                "COPY bench_statuses (\"TenantId\", \"OrganizationCode\", \"BusinessNumber\", \"StepNumber\", \"Status\", \"UpdatedAt\") FROM STDIN (FORMAT BINARY)");
            foreach (var c in cells)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(db.Target.Tenant, NpgsqlDbType.Varchar);
                await copy.WriteAsync(c.Code, NpgsqlDbType.Varchar);
                await copy.WriteAsync(c.Number, NpgsqlDbType.Integer);
                await copy.WriteAsync(c.Step, NpgsqlDbType.Integer);
                await copy.WriteAsync(c.Status, NpgsqlDbType.Varchar);
                await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
            }
            await copy.CompleteAsync();
        }
        else
        {
            var sqlite = (SqliteConnection)connection;
            await using var transaction = sqlite.BeginTransaction();
            await using var insert = sqlite.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO bench_statuses VALUES ($t, $o, $b, $s, $st, $u)";
            var p = new[] { "$t", "$o", "$b", "$s", "$st", "$u" }.Select(n => insert.Parameters.Add(n, SqliteType.Text)).ToArray();
            p[2].SqliteType = p[3].SqliteType = SqliteType.Integer;
            insert.Prepare();
            foreach (var c in cells)
            {
                p[0].Value = db.Target.Tenant;
                p[1].Value = c.Code;
                p[2].Value = c.Number;
                p[3].Value = c.Step;
                p[4].Value = c.Status;
                p[5].Value = now.ToString("O");
                await insert.ExecuteNonQueryAsync();
            }
            await transaction.CommitAsync();
        }
        var ms = clock.Elapsed.TotalMilliseconds;
        await Exec(connection, "DROP TABLE bench_statuses");
        return ms;
    }

    private static async Task Exec(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
