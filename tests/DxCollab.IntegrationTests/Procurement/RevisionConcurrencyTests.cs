using System.Net;
using System.Net.Http.Json;
using DxCollab.IntegrationTests.Infrastructure;
using static DxCollab.IntegrationTests.Procurement.DocumentTestData;

namespace DxCollab.IntegrationTests.Procurement;

/// <summary>Revision numbers under concurrent uploads: eight uploads of one document at once become 第2版 … 第9版, each
/// number once, each with its own file.</summary>
public abstract class RevisionConcurrencyTests(AppFixture fixture) : AppTest(fixture)
{
    [Fact]
    public async Task Eight_parallel_uploads_of_one_document_get_eight_distinct_numbers_and_none_is_lost()
    {
        using var seats = await App.ArrangeSeatsAsync();
        var id = await seats.Lead.UploadDocumentAsync(seats.WorkspaceId, "仕様書", content: Pdf("第1版"));
        var clients = new[] { seats.Lead, seats.Member };
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            clients[i % 2].PostRevisionAsync(seats.WorkspaceId, id, $"同時の登録 {i}", Pdf($"同時の登録 {i}"))));
        var numbers = new List<int>();
        foreach (var response in responses) numbers.Add((await response.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("number").GetInt32());
        numbers.Order().ShouldBe([2, 3, 4, 5, 6, 7, 8, 9]);

        var detail = await seats.Lead.DocumentAsync(seats.WorkspaceId, id);
        detail.GetProperty("latestNumber").GetInt32().ShouldBe(9);
        var revisions = detail.GetProperty("revisions").EnumerateArray().ToList();
        revisions.Select(r => r.GetProperty("number").GetInt32()).ShouldBe([9, 8, 7, 6, 5, 4, 3, 2, 1]);
        // Each number holds the file uploaded with its note.
        foreach (var revision in revisions.Where(r => r.GetProperty("number").GetInt32() > 1))
        {
            var note = revision.GetProperty("changeNote").GetString()!;
            using var file = await seats.Lead.GetAsync($"{Revision(seats.WorkspaceId, id, revision.GetProperty("number").GetInt32())}/file");
            (await file.Content.ReadAsByteArrayAsync()).ShouldBe(Pdf(note));
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_RevisionConcurrency(SqliteAppFixture fixture) : RevisionConcurrencyTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSql_RevisionConcurrency(PostgresAppFixture fixture) : RevisionConcurrencyTests(fixture);
