using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using DxCollab.MultiTenancy;
using DxCollab.Platform.Data;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Tenancy;
using DxCollab.Procurement.Documents;
using DxCollab.Procurement.Workspaces;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.Bench.Procurement;

/// <summary>The documents list (GET procurements/{id}/documents, as a member's client calls it, JSON included) of a
/// workspace with 500 documents × 10 revisions on PostgreSQL, beside a hand-written SQL list of the same rows on the
/// app's connection (row-level security on); alternated rounds, medians.</summary>
internal static class ListingBench
{
    public const int Documents = 500, RevisionsEach = 10, Rounds = 41;
    public const double P50BudgetMs = 100;

    private const string BaselineSql = """
        SELECT f."Id", f."Name", f."Order" FROM "Procurement_DocumentFolders" f WHERE f."WorkspaceId" = @workspace ORDER BY f."Order", f."Name";
        SELECT d."Id", d."Title", d."FolderId", d."Confidentiality", d."LatestNumber", r."Id", r."FileName", r."Length", r."UploadedAt", r."UploadedBy",
               EXISTS (SELECT 1 FROM "Procurement_ApprovalRequests" a WHERE a."RevisionId" = r."Id")
        FROM "Procurement_Documents" d
        JOIN "Procurement_DocumentRevisions" r ON r."DocumentId" = d."Id" AND r."Number" = d."LatestNumber"
        WHERE d."WorkspaceId" = @workspace
        ORDER BY d."FolderId", d."Title"
        """;

    public static async Task<bool> RunAsync(StringBuilder report)
    {
        await using var database = await BenchDatabase.CreateAsync("dxcollab_proclist");
        var web = Path.Combine(BenchDatabase.RepositoryRoot, "src", "DxCollab.Web");
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_DXCOLLAB_WEB", web);
        var mail = Directory.CreateTempSubdirectory("dxcollab-bench-mail-").FullName;
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseContentRoot(web);
            b.UseEnvironment("Benchmark");
            b.UseSetting("Database:Provider", "PostgreSql");
            b.UseSetting("Database:ConnectionString", database.AppConnection);
            b.UseSetting("Database:MigrationsConnectionString", database.OwnerConnection);
            b.UseSetting("Database:Demo", "true");
            b.UseSetting("Database:DemoFigures", "false");
            b.UseSetting("Email:PickupDirectory", mail);
            b.UseSetting("Logging:LogLevel:Default", "Warning");
            b.UseSetting("OpenTelemetry:Enabled", "false");
        });
        using var client = factory.CreateClient();
        using (var login = await client.PostAsJsonAsync("/api/v1/osaka/auth/login", new { email = "toyonaka@osaka.example", password = "Demo-2026!" }))
        {
            login.EnsureSuccessStatusCode();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
                (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        }
        using var created = await client.PostAsJsonAsync("/api/v1/osaka/procurements", new { subject = "ベンチマーク", title = "文書一覧の計測" });
        created.EnsureSuccessStatusCode();
        var workspace = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var seedWatch = Stopwatch.StartNew();
        await SeedAsync(factory.Services, workspace);
        var seedSeconds = seedWatch.Elapsed.TotalSeconds;

        async Task<(double Ms, int Rows)> ProductAsync()
        {
            var watch = Stopwatch.StartNew();
            using var response = await client.GetAsync($"/api/v1/osaka/procurements/{workspace}/documents");
            var body = await response.Content.ReadAsByteArrayAsync();
            watch.Stop();
            response.EnsureSuccessStatusCode();
            return (watch.Elapsed.TotalMilliseconds, JsonDocument.Parse(body).RootElement.GetProperty("documents").GetArrayLength());
        }

        async Task<(double Ms, int Rows)> BaselineAsync() => await InTenantAsync(factory.Services, async sp =>
        {
            var db = sp.GetRequiredService<DxCollabDbContext>();
            var watch = Stopwatch.StartNew();
            await db.Database.OpenConnectionAsync(); // the app's connection: the tenant's row-level security applies as to the product
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = BaselineSql;
            var parameter = command.CreateParameter();
            parameter.ParameterName = "workspace";
            parameter.Value = workspace;
            command.Parameters.Add(parameter);
            var rows = 0;
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync()) { } // the folders
                await reader.NextResultAsync();
                while (await reader.ReadAsync()) rows++;
            }
            watch.Stop();
            return (watch.Elapsed.TotalMilliseconds, rows);
        });

        for (var i = 0; i < 5; i++) { await ProductAsync(); await BaselineAsync(); } // warm-up
        var product = new List<double>();
        var baseline = new List<double>();
        int productRows = 0, baselineRows = 0;
        for (var i = 0; i < Rounds; i++)
        {
            var p = await ProductAsync();
            var b = await BaselineAsync();
            (productRows, baselineRows) = (p.Rows, b.Rows);
            product.Add(p.Ms);
            baseline.Add(b.Ms);
        }
        static double Median(List<double> xs) { var s = xs.Order().ToList(); return s[s.Count / 2]; }
        var (pMed, bMed) = (Median(product), Median(baseline));
        var met = pMed < P50BudgetMs && productRows == Documents && baselineRows == Documents;
        report.AppendLine("## Documents list of a large workspace")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"PostgreSQL, one workspace of {Documents} documents × {RevisionsEach} revisions (seeded in {seedSeconds:0.0} s, rows written directly: the list is measured, not the uploads), an approval asked on every tenth latest revision; {Rounds} rounds after 5 warm-up, alternated. The product is the API as a member calls it (in-process server, JSON read whole).")
            .AppendLine()
            .AppendLine("| | p50 (ms) | min | max | documents |")
            .AppendLine("|---|---|---|---|---|")
            .AppendLine(CultureInfo.InvariantCulture, $"| GET procurements/{{id}}/documents | {pMed:0.00} | {product.Min():0.00} | {product.Max():0.00} | {productRows} |")
            .AppendLine(CultureInfo.InvariantCulture, $"| hand-written SQL (same rows) | {bMed:0.00} | {baseline.Min():0.00} | {baseline.Max():0.00} | {baselineRows} |")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Ratio {pMed / bMed:0.00}×; budget p50 < {P50BudgetMs} ms: {(met ? "met" : "MISSED")}.")
            .AppendLine();
        try { Directory.Delete(mail, recursive: true); } catch (IOException) { }
        return met;
    }

    /// <summary>500 documents × 10 revisions in 5 folders, written in batches (the files' bytes are not part of a list).</summary>
    private static Task SeedAsync(IServiceProvider services, long workspace) => InTenantAsync(services, async sp =>
    {
        var db = sp.GetRequiredService<DxCollabDbContext>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var now = DateTime.UtcNow;
        var folders = Enumerable.Range(1, 5).Select(i => new DocumentFolder { WorkspaceId = workspace, Name = $"フォルダ{i}", Order = i, CreatedAt = now, CreatedBy = "bench" }).ToList();
        db.AddRange(folders);
        await db.SaveChangesAsync();
        for (var batch = 0; batch < Documents / 50; batch++)
        {
            var documents = Enumerable.Range(batch * 50, 50).Select(i => new ProcurementDocument
            {
                WorkspaceId = workspace, FolderId = folders[i % 5].Id, Title = $"仕様書 その{i + 1:000}", Confidentiality = (Confidentiality)(i % 3),
                LatestNumber = RevisionsEach, CreatedAt = now, CreatedBy = "bench", UpdatedAt = now,
            }).ToList();
            db.AddRange(documents);
            await db.SaveChangesAsync();
            var revisions = documents.SelectMany(d => Enumerable.Range(1, RevisionsEach).Select(n => new DocumentRevision
            {
                WorkspaceId = workspace, DocumentId = d.Id, Number = n, FileId = d.Id * 100 + n, FileName = $"{d.Title} 第{n}版.pdf",
                ContentType = "application/pdf", Length = 1_000_000 + n, Sha256 = new string('a', 64), ChangeNote = n == 1 ? null : "誤字の修正",
                UploadedAt = now.AddDays(n - RevisionsEach), UploadedBy = "bench@osaka.example", UploadedByOrganizationCode = "272035",
            })).ToList();
            db.AddRange(revisions);
            await db.SaveChangesAsync();
            db.AddRange(revisions.Where(r => r.Number == RevisionsEach && r.DocumentId % 10 == 0)
                .Select(r => new ApprovalRequest { WorkspaceId = workspace, RevisionId = r.Id, AskedAt = now, AskedBy = "bench" }));
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
        return 0;
    });

    private static async Task<T> InTenantAsync<T>(IServiceProvider services, Func<IServiceProvider, Task<T>> work)
    {
        var tenant = await services.GetRequiredService<IMultiTenantStore<PrefectureTenant>>().GetAsync("osaka")
            ?? throw new InvalidOperationException("テナント osaka がありません。");
        using var _ = services.GetRequiredService<TenantScope<PrefectureTenant>>().Begin(tenant, "bench");
        await using var scope = services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }
}
