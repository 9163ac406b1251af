using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DxCollab.IntegrationTests.Infrastructure;

namespace DxCollab.IntegrationTests.Files;

/// <summary>The file store's options as a deployment sets them: the bytes of a 証跡 land in the folder and come back as
/// a download, a file clamd flags is refused in words and not kept, a clamd that is down refuses uploads (503) rather
/// than letting unscanned files in, and the limit set under Files:Purposes (or a purpose's default) is the one applied and told.</summary>
[Collection(FileSystemStoreCollection.Name)]
public sealed class FileStoreOptionsTests(FileSystemStoreAppFixture fixture) : AppTest(fixture)
{
    private const string StepPath = "/api/v1/osaka/migration/272035/住民基本台帳/steps/④-1/evidence";
    private static readonly byte[] Pdf = [.. "%PDF-1.7\n"u8, .. Enumerable.Range(0, 3000).Select(i => (byte)(i % 251))];

    [Fact]
    public async Task Files_go_to_the_folder_are_scanned_and_follow_the_configured_limit()
    {
        using var toyonaka = await App.SignInAsync("osaka", "toyonaka@osaka.example");

        using var plan = Form("移行計画書.pdf", Pdf);
        var created = await toyonaka.PostAsync(StepPath, plan);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
        fixture.Clamd.Scanned.ShouldBe(1);
        var stored = Directory.GetFiles(Path.Combine(fixture.FilesRoot, "osaka"));
        stored.Length.ShouldBe(1);
        (await File.ReadAllBytesAsync(stored[0])).ShouldBe(Pdf);
        var download = await toyonaka.GetAsync($"/api/v1/osaka/migration/evidence/{id}");
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(Pdf);
        download.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        download.Content.Headers.ContentDisposition.FileNameStar.ShouldBe("移行計画書.pdf");

        using var virus = Form("メモ.txt", Encoding.ASCII.GetBytes("X5O!P%@AP EICAR-STANDARD-ANTIVIRUS-TEST-FILE"));
        var refused = await (await toyonaka.PostAsync(StepPath, virus)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        refused.FieldError("file").ShouldContain("Eicar-Test-Signature");

        using var tooLarge = Form("大きな計画書.pdf", [.. Pdf, .. new byte[70_000]]);
        (await (await toyonaka.PostAsync(StepPath, tooLarge)).ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge))
            .Detail().ShouldNotBeNull().ShouldContain("64 KB");

        fixture.Clamd.Stop();
        using var unscanned = Form("移行計画書2.pdf", Pdf);
        (await (await toyonaka.PostAsync(StepPath, unscanned)).ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable))
            .Detail().ShouldNotBeNull().ShouldContain("ウイルス検査ができなかった");
        Directory.GetFiles(Path.Combine(fixture.FilesRoot, "osaka")).Length.ShouldBe(1);
    }

    [Fact]
    public async Task The_organization_list_import_takes_only_CSV_up_to_its_limit_and_says_so()
    {
        using var ops = await App.SignInAsync(null, "ops@dxcollab.example");
        using var workbook = Form("団体一覧.xlsx", [0x50, 0x4B, 3, 4]);
        (await (await ops.PostAsync("/api/v1/ops/organizations/import", workbook)).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .FieldError("file").ShouldBe("CSV ファイル（拡張子 .csv）を選んでください。");
        using var huge = Form("団体一覧.csv", new byte[5 * 1024 * 1024 + 1]);
        (await (await ops.PostAsync("/api/v1/ops/organizations/import", huge)).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .FieldError("file").ShouldBe("ファイルが大きすぎます（上限 5 MB）。");
    }

    private static MultipartFormDataContent Form(string fileName, byte[] bytes)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { file, "file", fileName } };
    }
}
