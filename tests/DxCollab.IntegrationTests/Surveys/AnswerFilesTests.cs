using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.Platform.Data;
using DxCollab.Platform.Files;
using DxCollab.Platform.Hosting;
using DxCollab.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DxCollab.IntegrationTests.Surveys.AnsweringTestData;

namespace DxCollab.IntegrationTests.Surveys;

/// <summary>Files of a file question: who may download them (the answer's own readers only), and a prefecture
/// department's answer, whose files belong to the prefecture (a department is not a 団体).</summary>
public abstract class AnswerFilesTests(AppFixture fixture) : AppTest(fixture)
{
    private const string Osaka = "270008";
    private static readonly byte[] PdfBytes = [.. "%PDF-1.7\n"u8.ToArray(), .. Enumerable.Range(0, 900).Select(i => (byte)(i % 251))];

    private static string Path(long survey, string code, string rest = "") => $"/api/v1/osaka/surveys/{survey}/responses/{code}{rest}";

    private static MultipartFormDataContent FileForm(string fileName, int version)
    {
        var file = new ByteArrayContent(PdfBytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { file, "file", fileName }, { new StringContent(version.ToString(System.Globalization.CultureInfo.InvariantCulture)), "version" } };
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private Task<string> OwnerOfAsync(long fileId) =>
        App.InTenantAsync("osaka", sp => sp.GetRequiredService<DxCollabDbContext>().Set<StoredFile>().Where(f => f.Id == fileId)
            .Select(f => f.OrganizationCode).SingleAsync());

    [Fact]
    public async Task Staff_answering_for_a_department_attach_a_file_download_it_and_find_it_in_the_zip_under_the_department_code()
    {
        var department = await App.CreateDepartmentAsync("osaka", "総務部 人事課");
        var code = $"D{department}";
        var survey = await App.CreateSurveyAsync("osaka", [Toyonaka, code]);
        using var staff = await App.SignInAsync("osaka", "pref.admin@osaka.example");

        using var form = FileForm("人事課の計画.pdf", 0);
        var saved = await JsonAsync(await staff.PostAsync(Path(survey, code, "/files/plan"), form));
        var fileId = saved.GetProperty("files").EnumerateArray().Single().GetProperty("id").GetInt64();
        // The platform's files belong to a 団体: a department's are the prefecture's, never "D…".
        (await OwnerOfAsync(fileId)).ShouldBe(Osaka);

        using (var download = await staff.GetAsync(Path(survey, code, $"/files/{fileId}")))
        {
            download.StatusCode.ShouldBe(HttpStatusCode.OK);
            download.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
            (await download.Content.ReadAsByteArrayAsync()).ShouldBe(PdfBytes);
        }
        // A municipality's officer reaches neither the department's answer nor its file.
        using var toyonaka = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        await (await toyonaka.GetAsync(Path(survey, code, $"/files/{fileId}"))).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        var version = saved.GetProperty("version").GetInt32();
        (await staff.PostAsJsonAsync(Path(survey, code, "/submit"), new
        {
            version, answers = new Dictionary<string, object> { ["staff"] = new { value = "4" }, ["uses-ai"] = new { value = "no" } },
        })).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var zipResponse = await staff.GetAsync($"/api/v1/osaka/surveys/{survey}/files.zip");
        zipResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var zip = new ZipArchive(new MemoryStream(await zipResponse.Content.ReadAsByteArrayAsync()));
        zip.Entries.Select(e => e.FullName).ShouldBe([$"{code}/plan_人事課の計画.pdf"]);
    }

    [Fact]
    public async Task A_file_downloads_only_for_its_answer_s_readers_not_another_団体_kyoto_or_an_expert()
    {
        var survey = await App.CreateSurveyAsync("osaka", [Toyonaka, Chihayaakasaka]);
        using var toyonaka = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        using var form = FileForm("計画.pdf", 0);
        var saved = await JsonAsync(await toyonaka.PostAsync(Path(survey, Toyonaka, "/files/plan"), form));
        var fileId = saved.GetProperty("files").EnumerateArray().Single().GetProperty("id").GetInt64();
        (await OwnerOfAsync(fileId)).ShouldBe(Toyonaka);
        (await toyonaka.GetAsync(Path(survey, Toyonaka, $"/files/{fileId}"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var osakaStaff = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        (await osakaStaff.GetAsync(Path(survey, Toyonaka, $"/files/{fileId}"))).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Another 団体's officer: through the owner's answer, or through its own answer (which does not hold the file).
        using var chihaya = await App.SignInAsync("osaka", "chihayaakasaka@osaka.example");
        await (await chihaya.GetAsync(Path(survey, Toyonaka, $"/files/{fileId}"))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await chihaya.GetAsync(Path(survey, Chihayaakasaka, $"/files/{fileId}"))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        // The staff too reach a file only through the answer that holds it.
        await (await osakaStaff.GetAsync(Path(survey, Chihayaakasaka, $"/files/{fileId}"))).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        using var kyoto = await App.SignInAsync("kyoto", "pref.admin@kyoto.example");
        (await kyoto.GetAsync(Path(survey, Toyonaka, $"/files/{fileId}"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden); // osaka's address
        await (await kyoto.GetAsync($"/api/v1/kyoto/surveys/{survey}/responses/{Toyonaka}/files/{fileId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        await App.CreateUserAsync("osaka", "expert.files@osaka.example", DemoData.Password, Toyonaka, Roles.Expert);
        using var expert = await App.SignInAsync("osaka", "expert.files@osaka.example");
        await (await expert.GetAsync(Path(survey, Toyonaka, $"/files/{fileId}"))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_AnswerFiles(SqliteAppFixture fixture) : AnswerFilesTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSql_AnswerFiles(PostgresAppFixture fixture) : AnswerFilesTests(fixture);
