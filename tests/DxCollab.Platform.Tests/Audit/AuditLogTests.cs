using System.Text;
using DxCollab.Platform.Audit;
using DxCollab.Platform.Exports;
using DxCollab.Platform.Text;
using DxCollab.Platform.Tests.Infrastructure;

namespace DxCollab.Platform.Tests.Audit;

public sealed class AuditLogTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();

    private static AuditEntry Entry(string utc, string entityType = "Organization", string key = "272035", string user = "yamada@pref.osaka.lg.jp",
        AuditAction action = AuditAction.Updated, string? after = null) => new()
    {
        OccurredAt = DateTime.SpecifyKind(DateTime.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc),
        EntityType = entityType, EntityKey = key, UserEmail = user, Action = action, After = after,
    };

    public async Task InitializeAsync()
    {
        await using var db = _database.CreateContext(TestDatabase.Osaka);
        db.AuditEntries.AddRange(
            Entry("2026-03-31T14:59:59", key: "before-start"),                       // 3/31 23:59:59 JST
            Entry("2026-03-31T15:00:00", key: "first-of-day", action: AuditAction.Created), // 4/1 00:00 JST
            Entry("2026-04-01T03:00:00", entityType: "AppUser", key: "user-1", user: "suzuki@pref.osaka.lg.jp"),
            Entry("2026-04-01T14:59:59", key: "last-of-day", action: AuditAction.Deleted), // 4/1 23:59:59 JST
            Entry("2026-04-01T15:00:00", key: "next-day"));                        // 4/2 00:00 JST
        await db.SaveChangesAsync();

        await using var kyoto = _database.CreateContext(TestDatabase.Kyoto);
        kyoto.AuditEntries.Add(Entry("2026-04-01T03:00:00", key: "kyoto"));
        await kyoto.SaveChangesAsync();
    }

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    private async Task<AuditPage> Search(AuditFilter filter, int page = 1, int pageSize = 50)
    {
        await using var db = _database.CreateContext(TestDatabase.Osaka);
        return await new AuditLog(db).SearchAsync(filter, page, pageSize);
    }

    [Fact]
    public async Task A_day_filter_covers_the_Japanese_calendar_day_from_midnight_to_midnight_JST()
    {
        var day = new DateOnly(2026, 4, 1);
        var page = await Search(new AuditFilter(From: day, To: day));
        page.Items.Select(a => a.EntityKey).ShouldBe(["last-of-day", "user-1", "first-of-day"]);
        page.TotalCount.ShouldBe(3);
    }

    [Fact]
    public async Task From_and_to_can_be_used_alone()
    {
        (await Search(new AuditFilter(From: new DateOnly(2026, 4, 2)))).Items.Select(a => a.EntityKey).ShouldBe(["next-day"]);
        (await Search(new AuditFilter(To: new DateOnly(2026, 3, 31)))).Items.Select(a => a.EntityKey).ShouldBe(["before-start"]);
    }

    [Fact]
    public async Task Entries_are_listed_newest_first_and_only_for_the_current_tenant()
    {
        var page = await Search(new AuditFilter());
        page.TotalCount.ShouldBe(5);
        page.Items.Select(a => a.OccurredAt).ShouldBeInOrder(SortDirection.Descending);
        page.Items.ShouldNotContain(a => a.EntityKey == "kyoto");
    }

    [Fact]
    public async Task Entries_filter_by_entity_user_and_action()
    {
        (await Search(new AuditFilter(EntityType: "AppUser"))).Items.ShouldHaveSingleItem().EntityKey.ShouldBe("user-1");
        (await Search(new AuditFilter(User: " suzuki "))).Items.ShouldHaveSingleItem().EntityKey.ShouldBe("user-1");
        (await Search(new AuditFilter(User: "SUZUKI@Pref"))).Items.ShouldHaveSingleItem().EntityKey.ShouldBe("user-1"); // case does not matter
        (await Search(new AuditFilter(Action: AuditAction.Deleted))).Items.ShouldHaveSingleItem().EntityKey.ShouldBe("last-of-day");
        (await Search(new AuditFilter(EntityType: "Organization", Action: AuditAction.Updated))).TotalCount.ShouldBe(2);
    }

    [Fact]
    public async Task Entries_are_paged()
    {
        var second = await Search(new AuditFilter(), page: 2, pageSize: 2);
        second.Items.Select(a => a.EntityKey).ShouldBe(["user-1", "first-of-day"]);
        second.TotalCount.ShouldBe(5);
        second.PageCount.ShouldBe(3);
        (await Search(new AuditFilter(), page: 3, pageSize: 2)).Items.Select(a => a.EntityKey).ShouldBe(["before-start"]);
        (await Search(new AuditFilter(), page: 0, pageSize: 100_000)).ShouldSatisfyAllConditions(
            p => p.Page.ShouldBe(1), p => p.PageSize.ShouldBe(AuditLog.MaxPageSize));
    }

    [Fact]
    public async Task The_entity_types_offered_for_filtering_are_the_tenants_own()
    {
        await using var db = _database.CreateContext(TestDatabase.Osaka);
        (await new AuditLog(db).EntityTypesAsync()).ShouldBe(["AppUser", "Organization"]);
    }

    [Fact]
    public async Task The_CSV_opens_in_Excel_as_Japanese_text_in_Japan_time()
    {
        var csv = await CsvOf(new AuditFilter(EntityType: "AppUser"));

        csv.Bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var lines = csv.Text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("\"日時（日本時間）\",\"操作\",\"対象\",\"キー\",\"利用者\",\"団体コード\",\"変更前\",\"変更後\",\"リクエストID\"");
        lines.Length.ShouldBe(2);
        lines[1].ShouldStartWith("\"2026-04-01 12:00:00\",\"変更\",\"AppUser\",\"user-1\",\"suzuki@pref.osaka.lg.jp\"");
    }

    [Fact]
    public async Task The_CSV_neutralises_values_Excel_would_run_as_formulas_and_escapes_quotes()
    {
        await using (var db = _database.CreateContext(TestDatabase.Osaka))
        {
            db.AuditEntries.Add(Entry("2026-05-01T00:00:00", key: "=HYPERLINK(\"http://evil.example\")", user: "@attacker", after: "{\"Name\":\"豊中市\"}"));
            await db.SaveChangesAsync();
        }

        var csv = await CsvOf(new AuditFilter(From: new DateOnly(2026, 5, 1)));

        var row = csv.Text.Split("\r\n")[1];
        row.ShouldContain("\"'=HYPERLINK(\"\"http://evil.example\"\")\"");
        row.ShouldContain("\"'@attacker\"");
        row.ShouldContain("\"{\"\"Name\"\":\"\"豊中市\"\"}\"");
    }

    [Fact]
    public async Task A_name_with_a_comma_or_a_line_break_stays_in_its_own_cell()
    {
        await using (var db = _database.CreateContext(TestDatabase.Osaka))
        {
            db.AuditEntries.Add(Entry("2026-05-01T00:00:00", key: "272035", after: "{\"Name\":\"豊中市, 第二庁舎\",\n\"Kana\":\"とよなかし\"}"));
            await db.SaveChangesAsync();
        }

        var csv = await CsvOf(new AuditFilter(From: new DateOnly(2026, 5, 1)));

        var records = csv.Text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        records.Length.ShouldBe(2);
        var cells = Csv.SplitLine(records[1]);
        cells.Count.ShouldBe(AuditLog.CsvHeaders.Count);
        cells[7].ShouldBe("{\"Name\":\"豊中市, 第二庁舎\",\n\"Kana\":\"とよなかし\"}");
    }

    [Fact]
    public async Task The_CSV_in_Shift_JIS_reads_back_in_Excel_s_code_page()
    {
        await using var db = _database.CreateContext(TestDatabase.Osaka);
        using var stream = new MemoryStream();
        await new AuditLog(db).WriteCsvAsync(new AuditFilter(EntityType: "AppUser"), stream, ExportEncoding.ShiftJis);

        var text = CodePagesEncodingProvider.Instance.GetEncoding(932)!.GetString(stream.ToArray());
        text.ShouldStartWith("\"日時（日本時間）\",\"操作\"");
        text.ShouldContain("\"変更\",\"AppUser\",\"user-1\"");
    }

    private async Task<(byte[] Bytes, string Text)> CsvOf(AuditFilter filter)
    {
        await using var db = _database.CreateContext(TestDatabase.Osaka);
        using var stream = new MemoryStream();
        await new AuditLog(db).WriteCsvAsync(filter, stream);
        var bytes = stream.ToArray();
        return (bytes, new UTF8Encoding(false).GetString(bytes, 3, bytes.Length - 3));
    }
}
