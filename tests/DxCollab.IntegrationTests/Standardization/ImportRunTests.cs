using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DxCollab.IntegrationTests.Infrastructure;

namespace DxCollab.IntegrationTests.Standardization;

/// <summary>The workbook import in the background: the run's progress record, its per-row report, all or nothing,
/// and who may see a run.</summary>
public abstract class ImportRunTests(AppFixture fixture) : AppTest(fixture)
{
    private record Row(int LineNumber, string Organization, string Business, bool Applied, int ChangedSteps, string? Reason);
    private record Run(Guid Id, string Status, string StatusText, bool Finished, int? RowsTotal, int RowsRead, int RowsValidated, int RowsApplied,
        bool? Applied, int RejectedRows, Row[] Rows, string[] FileErrors, string? Failure);

    private static async Task<string[]> ExportCsvAsync(HttpClient client)
    {
        var bytes = await client.GetByteArrayAsync("/api/v1/osaka/migration/export?format=csv");
        return Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }

    private static async Task<HttpResponseMessage> StartAsync(HttpClient client, IEnumerable<string> lines, string name = "進捗.csv")
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n"));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", name);
        return await client.PostAsync("/api/v1/osaka/migration/imports", form);
    }

    private static async Task<Run> WaitAsync(HttpClient client, string url)
    {
        Run run = null!;
        for (var deadline = DateTime.UtcNow.AddSeconds(30); DateTime.UtcNow < deadline; await Task.Delay(200))
        {
            run = (await client.GetFromJsonAsync<Run>(url))!;
            if (run.Finished) return run;
        }
        return run;
    }

    private static async Task<string> GridTextAsync(HttpClient client) =>
        await client.GetStringAsync("/api/v1/osaka/migration/272035");

    private static string MarkDone(string line, int count)
    {
        var cells = line.Split(',');
        for (var i = 3; i < 3 + count; i++) cells[i] = "\"完了済み\"";
        return string.Join(',', cells);
    }

    [Fact]
    public async Task A_whole_tenant_import_runs_in_the_background_to_完了_with_a_report_per_row()
    {
        using var admin = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        var lines = await ExportCsvAsync(admin);
        var edited = lines.Select((l, i) => i == 0 ? l : l.Contains("\"豊中市\"") && l.Contains("\"住民記録\"") ? MarkDone(l, 5) : l).ToList();
        using var started = await StartAsync(admin, edited);
        started.StatusCode.ShouldBe(HttpStatusCode.Accepted, await started.Content.ReadAsStringAsync());
        var url = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("statusUrl").GetString()!;
        started.Headers.Location!.ToString().ShouldBe(url);

        var run = await WaitAsync(admin, url);
        run.Status.ShouldBe("Completed");
        run.StatusText.ShouldBe("完了");
        run.Applied.ShouldBe(true);
        run.RowsTotal.ShouldBe(lines.Length - 1);
        run.RowsRead.ShouldBe(lines.Length - 1);
        run.RowsValidated.ShouldBe(lines.Length - 1);
        run.RowsApplied.ShouldBe(lines.Length - 1);
        run.Rows.Length.ShouldBe(lines.Length - 1);
        run.Rows.Single(r => r.Organization == "豊中市" && r.Business == "住民基本台帳").ChangedSteps.ShouldBe(5);
        run.Rows.Sum(r => r.ChangedSteps).ShouldBe(5);

        var grid = (await admin.GetFromJsonAsync<JsonElement[]>("/api/v1/osaka/migration/272035"))!;
        grid.Count(c => c.GetProperty("business").GetInt32() == 3 && c.GetProperty("status").GetString() == "完了済み").ShouldBe(5);
    }

    [Fact]
    public async Task A_bad_row_changes_nothing_and_the_report_says_why()
    {
        using var admin = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        var lines = await ExportCsvAsync(admin);
        var toyonaka = lines.Single(l => l.Contains("\"豊中市\"") && l.Contains("\"住民記録\""));
        var stranger = toyonaka.Replace("\"豊中市\"", "\"存在しない市\"");
        var before = await GridTextAsync(admin);
        using var started = await StartAsync(admin, [lines[0], MarkDone(toyonaka, 10), stranger]);
        var run = await WaitAsync(admin, (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("statusUrl").GetString()!);
        run.Status.ShouldBe("Completed");
        run.Applied.ShouldBe(false);
        run.RejectedRows.ShouldBe(1);
        run.Rows.Single(r => r.LineNumber == 3).Reason.ShouldNotBeNull().ShouldContain("存在しない市");
        run.Rows.Single(r => r.LineNumber == 2).Applied.ShouldBeFalse();
        run.RowsApplied.ShouldBe(0);
        (await GridTextAsync(admin)).ShouldBe(before);

        // A file that is not the layout at all: a file-level error, nothing changed.
        using var garbage = await StartAsync(admin, ["a,b,c", "1,2,3"]);
        var bad = await WaitAsync(admin, (await garbage.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("statusUrl").GetString()!);
        bad.Status.ShouldBe("Completed");
        bad.Applied.ShouldBe(false);
        bad.FileErrors.ShouldNotBeEmpty();
        bad.FileErrors[0].ShouldContain(c => c > 0x3000);
    }

    [Fact]
    public async Task Uploads_are_checked_before_anything_is_stored()
    {
        using var admin = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent([1, 2, 3]), "file", "進捗.pdf");
        using var pdf = await admin.PostAsync("/api/v1/osaka/migration/imports", form);
        (await pdf.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldError("file").ShouldContain("xlsx");
        using var big = new MultipartFormDataContent();
        big.Add(new ByteArrayContent(new byte[20 * 1024 * 1024 + 1]), "file", "大きい.csv");
        using var tooLarge = await admin.PostAsync("/api/v1/osaka/migration/imports", big);
        (await tooLarge.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldError("file").ShouldContain("20 MB");

        using var kyoto = await App.SignInAsync("kyoto", "kasagi@kyoto.example");
        using var cross = await StartAsync(kyoto, ["a"]);
        cross.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_municipal_officer_imports_only_its_own_rows_and_no_one_else_sees_the_run()
    {
        using var toyonaka = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        var lines = await ExportCsvAsync(toyonaka);
        var own = lines.Single(l => l.Contains("\"豊中市\"") && l.Contains("\"戸籍\"") && !l.Contains("附票"));
        var other = lines.Single(l => l.Contains("\"千早赤阪村\"") && l.Contains("\"住民記録\""));
        using var mixed = await StartAsync(toyonaka, [lines[0], MarkDone(own, 2), MarkDone(other, 2)]);
        var url = (await mixed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("statusUrl").GetString()!;
        var refused = await WaitAsync(toyonaka, url);
        refused.Applied.ShouldBe(false);
        refused.Rows.Single(r => r.LineNumber == 3).Reason.ShouldNotBeNull().ShouldContain("権限");

        using var ownOnly = await StartAsync(toyonaka, [lines[0], MarkDone(own, 2)]);
        var ok = await WaitAsync(toyonaka, (await ownOnly.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("statusUrl").GetString()!);
        ok.Applied.ShouldBe(true);

        // Another municipality of the tenant does not see it; the prefecture's staff do; kyoto cannot even ask.
        using var chihaya = await App.SignInAsync("osaka", "chihayaakasaka@osaka.example");
        await (await chihaya.GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        using var admin = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        (await admin.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var kyoto = await App.SignInAsync("kyoto", "pref.admin@kyoto.example");
        (await kyoto.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await kyoto.GetAsync(url.Replace("/osaka/", "/kyoto/"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_status_page_shows_the_progress_and_then_the_report()
    {
        using var admin = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        var lines = await ExportCsvAsync(admin);
        using var started = await StartAsync(admin, [lines[0], lines[1]]);
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        await WaitAsync(admin, $"/api/v1/osaka/migration/imports/{id}");
        var html = await admin.GetStringAsync($"/osaka/migration/import/{id}");
        html.ShouldContain("<progress");
        html.ShouldContain("aria-live=\"polite\"");
        html.ShouldContain("すべての行（1 行）を反映しました");
        html.ShouldNotContain("http-equiv=\"refresh\"");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_ImportRuns(SqliteAppFixture fixture) : ImportRunTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSql_ImportRuns(PostgresAppFixture fixture) : ImportRunTests(fixture);
