using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.Platform.Data;
using DxCollab.Standardization;
using DxCollab.Standardization.Tracking;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.IntegrationTests.Standardization;

/// <summary>The 総務省 workbook layout out and back in: export, edit in "Excel", import all or nothing.</summary>
public abstract class WorkbookImportExportTests(AppFixture fixture) : AppTest(fixture)
{
    private static async Task<string[]> ExportCsvAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/api/v1/osaka/migration/export?format=csv");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF }); // opens cleanly in Excel
        return Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient client, IEnumerable<string> lines)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n"));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "進捗.csv");
        return await client.PostAsync("/api/v1/osaka/migration/import", form);
    }

    /// <summary>Sets the first <paramref name="count"/> step cells of a CSV line (after the three name columns) to 完了済み.</summary>
    private static string MarkDone(string line, int count)
    {
        var cells = line.Split(',');
        for (var i = 3; i < 3 + count; i++) cells[i] = "\"完了済み\"";
        return string.Join(',', cells);
    }

    [Fact]
    public async Task An_expert_may_not_import_and_an_oversized_file_is_a_413_in_words()
    {
        await App.CreateUserAsync("osaka", "expert.import@osaka.example", "Expert-Import-2026!", null, Platform.Identity.Roles.Expert);
        using var expert = await App.SignInAsync("osaka", "expert.import@osaka.example", "Expert-Import-2026!");
        using (var refused = await ImportAsync(expert, ["都道府県名,市区町村名,業務名"]))
            await refused.ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        using var admin = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(new byte[21 * 1024 * 1024]), "file", "大きすぎる.csv");
        using var response = await admin.PostAsync("/api/v1/osaka/migration/import", form);
        (await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge)).GetProperty("detail").GetString()!.ShouldContain("20 MB");
    }

    [Fact]
    public async Task Export_lists_every_body_and_business_in_the_somusho_layout()
    {
        using var client = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        var lines = await ExportCsvAsync(client);
        lines[0].ShouldStartWith("\"都道府県名\",\"市区町村名\",\"業務名\"");
        lines.Length.ShouldBe(1 + 2 + 43 * 20);
        lines.Count(l => l.Contains("\"-\"")).ShouldBe(2);
        lines.Count(l => l.Contains("\"豊中市\"") && l.Contains("\"住民記録\"")).ShouldBe(1);
        (await client.GetAsync("/api/v1/osaka/migration/export?format=pdf")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_edited_export_imports_back_and_only_the_changed_steps_change()
    {
        using var client = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        var lines = await ExportCsvAsync(client);
        var toyonaka = lines.Single(l => l.Contains("\"豊中市\"") && l.Contains("\"住民記録\""));
        using var response = await ImportAsync(client, [lines[0], MarkDone(toyonaka, 3)]);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        report.GetProperty("applied").GetBoolean().ShouldBeTrue();
        report.GetProperty("rows")[0].GetProperty("changedSteps").GetInt32().ShouldBe(3);

        var grid = await client.GetFromJsonAsync<JsonElement[]>("/api/v1/osaka/migration/272035");
        grid!.Count(c => c.GetProperty("business").GetInt32() == 3 && c.GetProperty("status").GetString() == "完了済み").ShouldBeGreaterThanOrEqualTo(3);

        using var again = await ImportAsync(client, [lines[0], MarkDone(toyonaka, 3)]);
        (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rows")[0].GetProperty("changedSteps").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task An_import_is_one_audit_entry_and_each_changed_step_keeps_its_own_history()
    {
        using var client = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        var lines = await ExportCsvAsync(client);
        var hirakata = lines.Single(l => l.Contains("\"枚方市\"") && l.Contains("\"国民年金\""));
        async Task<int> CountAsync(string action) => (await client.GetFromJsonAsync<JsonElement>(
            $"/api/v1/osaka/audit?entity=StepProgress&action={action}&pageSize=1")).GetProperty("totalCount").GetInt32();
        var (imports, updates, creations) = (await CountAsync("Imported"), await CountAsync("Updated"), await CountAsync("Created"));

        using var response = await ImportAsync(client, [lines[0], MarkDone(hirakata, 4)]);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var changed = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rows")[0].GetProperty("changedSteps").GetInt32();
        changed.ShouldBeGreaterThan(0);

        // The audit log shows the import as one event by its user, with what it changed; not a line per step.
        (await CountAsync("Imported")).ShouldBe(imports + 1);
        (await CountAsync("Updated")).ShouldBe(updates);
        (await CountAsync("Created")).ShouldBe(creations);
        var entry = (await client.GetFromJsonAsync<JsonElement>("/api/v1/osaka/audit?entity=StepProgress&action=Imported&pageSize=1"))
            .GetProperty("items")[0];
        entry.GetProperty("user").GetString().ShouldBe("pref.admin@osaka.example");
        using var after = JsonDocument.Parse(entry.GetProperty("after").GetString()!);
        after.RootElement.GetProperty("変更したステップ").GetInt32().ShouldBe(changed);
        after.RootElement.GetProperty("行数").GetInt32().ShouldBe(1);

        // Each changed step's own history says who changed it from what to what, by import.
        var history = await App.InTenantAsync("osaka", sp => sp.GetRequiredService<DxCollabDbContext>()
            .Set<StepProgressChange>().AsNoTracking()
            .Where(c => c.OrganizationCode == "272108" && c.BusinessNumber == 20 && c.Source == "import").ToListAsync());
        history.Count.ShouldBe(changed);
        history.ShouldAllBe(c => c.ToStatus == StepStatus.Completed && c.ChangedBy == "pref.admin@osaka.example");
    }

    [Fact]
    public async Task One_bad_row_rejects_the_whole_file_with_a_reason_per_row()
    {
        using var client = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        var lines = await ExportCsvAsync(client);
        var suita = lines.Single(l => l.Contains("\"吹田市\"") && l.Contains("\"介護保険\""));
        var kyotoCity = MarkDone(suita, 2).Replace("\"吹田市\"", "\"京都市\"");
        using var response = await ImportAsync(client, [lines[0], MarkDone(suita, 5), kyotoCity]);
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        report.GetProperty("applied").GetBoolean().ShouldBeFalse();
        var rows = report.GetProperty("rows").EnumerateArray().ToList();
        rows.Single(r => r.GetProperty("lineNumber").GetInt32() == 3).GetProperty("reason").GetString().ShouldNotBeNull().ShouldContain("京都市");
        rows.Single(r => r.GetProperty("lineNumber").GetInt32() == 2).GetProperty("reason").ValueKind.ShouldBe(JsonValueKind.Null);

        var grid = await client.GetFromJsonAsync<JsonElement[]>("/api/v1/osaka/migration/272051");
        grid!.ShouldBeEmpty(); // 吹田市's good row was not applied either
    }

    [Fact]
    public async Task A_municipality_can_import_its_own_rows_but_not_its_neighbours()
    {
        using var admin = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        var lines = await ExportCsvAsync(admin);
        using var client = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        var own = lines.Single(l => l.Contains("\"豊中市\"") && l.Contains("\"戸籍\""));
        var neighbour = lines.Single(l => l.Contains("\"吹田市\"") && l.Contains("\"戸籍\""));
        using var refused = await ImportAsync(client, [lines[0], MarkDone(own, 1), MarkDone(neighbour, 1)]);
        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("権限がありません");
        using var accepted = await ImportAsync(client, [lines[0], MarkDone(own, 1)]);
        accepted.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_category_table_exports_with_the_somusho_rows_for_excel()
    {
        using var client = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        var csv = Encoding.UTF8.GetString(await client.GetByteArrayAsync("/api/v1/osaka/migration/progress/export?format=csv")).TrimStart('\uFEFF')
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        csv[0].ShouldBe("\"団体区分\",\"行数\",\"完了率(%)\",\"作業中率(%)\",\"未着手率(%)\"");
        csv.Skip(1).Select(l => Platform.Text.Csv.SplitLine(l)[0]).ShouldBe(["全市区町村", "指定都市", "特別区", "中核市", "指定都市・中核市以外の市", "町村", "都道府県"]);
        csv[1].Split(',')[1].ShouldBe("860");
        var xlsx = await client.GetByteArrayAsync("/api/v1/osaka/migration/progress/export?format=xlsx");
        xlsx.Take(2).ShouldBe("PK"u8.ToArray());
    }

    [Fact]
    public async Task The_export_in_Shift_JIS_reads_as_Japanese_and_imports_back_unchanged()
    {
        using var client = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        using var response = await client.GetAsync("/api/v1/osaka/migration/export?format=csv&encoding=sjis");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.CharSet.ShouldBe("shift_jis");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var lines = CodePagesEncodingProvider.Instance.GetEncoding(932)!.GetString(bytes).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldStartWith("\"都道府県名\",\"市区町村名\",\"業務名\"");
        lines.ShouldContain(l => l.StartsWith("\"大阪府\",\"豊中市\",", StringComparison.Ordinal));

        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(bytes), "file", "進捗.csv");
        using var imported = await client.PostAsync("/api/v1/osaka/migration/import", form);
        imported.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/api/v1/osaka/migration/progress/export?format=csv&encoding=ebcdic")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_file_without_the_step_columns_is_a_400_not_a_500()
    {
        using var client = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        using var response = await ImportAsync(client, ["都道府県名,市区町村名,業務名", "大阪府,豊中市,住民記録"]);
        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldError("file").ShouldContain(c => c > 0x3000);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_WorkbookImportExport(SqliteAppFixture fixture) : WorkbookImportExportTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSql_WorkbookImportExport(PostgresAppFixture fixture) : WorkbookImportExportTests(fixture);
