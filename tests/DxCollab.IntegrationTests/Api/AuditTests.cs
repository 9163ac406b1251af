using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DxCollab.IntegrationTests.Infrastructure;

namespace DxCollab.IntegrationTests.Api;

/// <summary>The audit trail is for prefecture administrators; demo users' creation is already in it.</summary>
public abstract class AuditTests(AppFixture fixture) : AppTest(fixture)
{
    [Fact]
    public async Task Municipal_officer_gets_403()
    {
        using var client = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        using var response = await client.GetAsync("/api/v1/osaka/audit");
        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        using var export = await client.GetAsync("/api/v1/osaka/audit/export");
        export.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Prefecture_admin_pages_through_own_tenant_entries_newest_first()
    {
        using var client = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        var first = await client.GetFromJsonAsync<JsonElement>("/api/v1/osaka/audit?page=1&pageSize=2");
        first.GetProperty("page").GetInt32().ShouldBe(1);
        first.GetProperty("pageSize").GetInt32().ShouldBe(2);
        var total = first.GetProperty("totalCount").GetInt32();
        total.ShouldBeGreaterThanOrEqualTo(3); // at least the three osaka demo users' creation
        var items = first.GetProperty("items").EnumerateArray().ToList();
        items.Count.ShouldBe(2);
        items[0].GetProperty("occurredAt").GetDateTime().ShouldBeGreaterThanOrEqualTo(items[1].GetProperty("occurredAt").GetDateTime());

        var second = await client.GetFromJsonAsync<JsonElement>("/api/v1/osaka/audit?page=2&pageSize=2");
        var secondIds = second.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToList();
        secondIds.ShouldNotBeEmpty();
        secondIds.ShouldNotContain(items[0].GetProperty("id").GetInt64());

        // Only osaka's users appear, never kyoto's.
        var all = await client.GetFromJsonAsync<JsonElement>("/api/v1/osaka/audit?pageSize=200");
        var keys = all.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("after").GetString() ?? "").ToList();
        keys.ShouldContain(k => k.Contains("toyonaka@osaka.example"));
        keys.ShouldNotContain(k => k.Contains("kyoto.example"));
    }

    [Theory]
    [InlineData("from=2026-13-01", "from")]
    [InlineData("to=yesterday", "to")]
    [InlineData("from=2026-05-02&to=2026-05-01", "to")]
    [InlineData("action=Exploded", "action")]
    [InlineData("pageSize=500", "pageSize")]
    public async Task Bad_filters_are_400_with_the_field_named(string query, string field)
    {
        using var client = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        using var response = await client.GetAsync("/api/v1/osaka/audit?" + query);
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldError(field).ShouldContain(c => c > 0x3000);
    }

    [Fact]
    public async Task Csv_export_has_bom_and_japanese_header()
    {
        using var client = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        using var response = await client.GetAsync("/api/v1/osaka/audit/export");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var disposition = response.Content.Headers.ContentDisposition.ShouldNotBeNull();
        disposition.DispositionType.ShouldBe("attachment");
        // Dated in Tokyo; old clients get an ASCII name, new ones the Japanese one.
        var today = DxCollab.Platform.Text.JapaneseCalendar.TodayInTokyo(DateTimeOffset.UtcNow);
        disposition.FileName!.Trim('"').ShouldBe($"audit-{today:yyyyMMdd}.csv");
        disposition.FileNameStar.ShouldBe($"監査ログ-{today:yyyyMMdd}.csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n");
        lines[0].ShouldBe("\"日時（日本時間）\",\"操作\",\"対象\",\"キー\",\"利用者\",\"団体コード\",\"変更前\",\"変更後\",\"リクエストID\"");
        lines.Length.ShouldBeGreaterThan(2);
        lines[1].ShouldStartWith("\"");
    }

    [Fact]
    public async Task Csv_export_in_Shift_JIS_on_request()
    {
        using var client = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        using var response = await client.GetAsync("/api/v1/osaka/audit/export?encoding=sjis");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.CharSet.ShouldBe("shift_jis");
        response.Content.Headers.ContentDisposition.ShouldNotBeNull().FileNameStar.ShouldNotBeNull().ShouldStartWith("監査ログ");
        var text = CodePagesEncodingProvider.Instance.GetEncoding(932)!.GetString(await response.Content.ReadAsByteArrayAsync());
        text.ShouldStartWith("\"日時（日本時間）\",\"操作\",");
    }

    [Fact]
    public async Task Csv_export_with_an_unknown_encoding_is_400()
    {
        using var client = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        using var response = await client.GetAsync("/api/v1/osaka/audit/export?encoding=ebcdic");
        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldError("encoding").ShouldContain("sjis");
    }

    [Fact]
    public async Task Csv_export_with_a_bad_date_is_400()
    {
        using var client = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        using var response = await client.GetAsync("/api/v1/osaka/audit/export?from=2026/01/01");
        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldError("from").ShouldContain("yyyy-MM-dd");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_Audit(SqliteAppFixture fixture) : AuditTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSql_Audit(PostgresAppFixture fixture) : AuditTests(fixture);
