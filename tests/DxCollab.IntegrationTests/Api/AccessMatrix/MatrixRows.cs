using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.IntegrationTests.Procurement;
using DxCollab.IntegrationTests.Surveys;
using DxCollab.IntegrationTests.TalentPool;
using DxCollab.Platform.Hosting;
using DxCollab.Platform.Identity;

namespace DxCollab.IntegrationTests.Api.AccessMatrix;

/// <summary>The rows the matrix calls with, all of osaka and owned by 豊中市, made through the product's API as the
/// proper role (the survey is written directly, as the answering tests do), and a bearer token per caller.</summary>
public sealed class MatrixRows
{
    public const string Tenant = "osaka", Own = "272035", Peer = "273830", Suita = "272051";
    private const string Password = "Matrix-Access-2026!";
    /// <summary>A well-formed id of no row: what a caller gets for an operation whose row the matrix does not make.</summary>
    public const long Missing = 987_654;

    public Dictionary<Caller, string?> Tokens { get; } = [];
    public long Survey { get; private set; }
    /// <summary>A closed survey both officers answered to: its 還元 (feedback) is what a closed survey shows.</summary>
    public long ClosedSurvey { get; private set; }
    public long Inquiry { get; private set; }
    public long InquiryAttachment { get; private set; } = Missing;
    public long Evidence { get; private set; }
    public long Request { get; private set; }
    public long Assignment { get; private set; }
    public long PoolExpert { get; private set; }
    public long Skill { get; private set; }
    public long Workspace { get; private set; }
    public long InvitedMember { get; private set; }
    public long Document { get; private set; }
    public long Milestone { get; private set; } = Missing;
    public long VendorQuestion { get; private set; } = Missing;
    public long Poll { get; private set; } = Missing;

    public static async Task<MatrixRows> ArrangeAsync(AppFixture app)
    {
        var rows = new MatrixRows();
        await app.CreateUserAsync("osaka", "staff.matrix@osaka.example", Password, "270008", Roles.PrefectureStaff);
        await app.CreateUserAsync("kyoto", "staff.matrix@kyoto.example", Password, "260002", Roles.PrefectureStaff);
        await app.CreateUserAsync("kyoto", "expert.matrix@kyoto.example", Password, null, Roles.Expert);

        // 豊中市's support request with an assigned expert (whose account is the Expert column).
        var assignment = await app.AssignmentAsync("expert.matrix@osaka.example");
        (rows.Assignment, rows.Request, rows.PoolExpert) = (assignment.AssignmentId, assignment.RequestId, assignment.ExpertId);

        using var client = app.CreateClient();
        async Task<string> Token(string? tenant, string email, string password = DemoData.Password) =>
            await AppFixture.GetTokenAsync(client, tenant, email, password);
        rows.Tokens[Caller.Anonymous] = null;
        rows.Tokens[Caller.OwnOfficer] = await Token("osaka", "toyonaka@osaka.example");
        rows.Tokens[Caller.PeerOfficer] = await Token("osaka", "chihayaakasaka@osaka.example");
        rows.Tokens[Caller.PrefectureStaff] = await Token("osaka", "staff.matrix@osaka.example", Password);
        rows.Tokens[Caller.PrefectureAdmin] = await Token("osaka", "pref.admin@osaka.example");
        rows.Tokens[Caller.Expert] = await Token("osaka", assignment.ExpertEmail, ActivityTestData.ExpertPassword);
        rows.Tokens[Caller.KyotoOfficer] = await Token("kyoto", "kasagi@kyoto.example");
        rows.Tokens[Caller.KyotoStaff] = await Token("kyoto", "staff.matrix@kyoto.example", Password);
        rows.Tokens[Caller.KyotoAdmin] = await Token("kyoto", "pref.admin@kyoto.example");
        rows.Tokens[Caller.KyotoExpert] = await Token("kyoto", "expert.matrix@kyoto.example", Password);
        rows.Tokens[Caller.NationalViewer] = await Token(null, "national@dxcollab.example");
        rows.Tokens[Caller.SystemAdmin] = await Token(null, "ops@dxcollab.example");

        using var own = rows.Client(app, Caller.OwnOfficer);
        using var admin = rows.Client(app, Caller.PrefectureAdmin);

        rows.Survey = await app.CreateSurveyAsync("osaka", [Own, Peer]);
        rows.ClosedSurvey = await app.CreateSurveyAsync("osaka", [Own, Peer], global::DxCollab.Surveys.Domain.SurveyState.Closed, title: "締め切った照会");

        using (var ask = new MultipartFormDataContent { { new StringContent("マトリクスの質問"), "title" }, { new StringContent("本文"), "body" } })
        {
            ask.Add(Pdf("添付"), "files", "添付.pdf");
            var inquiry = await Json(await own.PostAsync("/api/v1/osaka/migration/inquiries", ask), HttpStatusCode.Created);
            rows.Inquiry = inquiry.GetProperty("inquiry").GetProperty("id").GetInt64();
            foreach (var entry in inquiry.GetProperty("entries").EnumerateArray())
                if (entry.TryGetProperty("attachments", out var files))
                    foreach (var file in files.EnumerateArray()) rows.InquiryAttachment = file.GetProperty("id").GetInt64();
        }

        using (var upload = new MultipartFormDataContent { { new StringContent("契約書"), "description" } })
        {
            upload.Add(Pdf("証跡"), "file", "契約書.pdf");
            rows.Evidence = (await Json(await own.PostAsync($"/api/v1/osaka/migration/{Own}/1/steps/1/evidence", upload), HttpStatusCode.Created))
                .GetProperty("id").GetInt64();
        }

        rows.Skill = (await Json(await admin.GetAsync("/api/v1/osaka/talent/skills"), HttpStatusCode.OK)).EnumerateArray().First().GetProperty("id").GetInt64();

        rows.Workspace = await ProcurementTestData.CreateWorkspaceAsync(own);
        rows.InvitedMember = await WorkspaceTestData.InviteAsync(own, rows.Workspace, Suita);
        rows.Document = await own.UploadDocumentAsync(rows.Workspace, "仕様書（案）");
        var workspace = $"{ProcurementTestData.Procurements}/{rows.Workspace}";
        var dueOn = RequestTestData.Day(RequestTestData.Today.AddDays(30));
        rows.Milestone = await IdAsync(await own.PostAsJsonAsync($"{workspace}/milestones", new { title = "仕様書の確定", dueOn, ownerOrganizationCode = Own }));
        rows.VendorQuestion = await IdAsync(await own.PostAsJsonAsync($"{workspace}/questions", VendorTestData.VendorQuestion()));
        rows.Poll = await IdAsync(await own.PostAsJsonAsync($"{workspace}/polls", new { question = "参加しますか", deadline = dueOn, candidateCodes = new[] { Suita } }));
        return rows;
    }

    /// <summary>The new row's id, or <see cref="Missing"/> when the product would not make it (the matrix then calls with no row).</summary>
    private static async Task<long> IdAsync(HttpResponseMessage response)
    {
        using (response)
            return response.StatusCode == HttpStatusCode.Created
                ? JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64() : Missing;
    }

    public HttpClient Client(AppFixture app, Caller caller)
    {
        var client = app.CreateClient();
        if (Tokens[caller] is { } token) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>The value of a path parameter: the row the operation addresses (by the segment before it), 豊中市 for a
    /// 団体コード, else a well-formed value of no row.</summary>
    public string PathValue(string name, string previousSegment, string? format) => (name, previousSegment) switch
    {
        _ when format == "uuid" => "3f2b8c1e-0000-4000-8000-00000000abcd",
        ("tenant", _) => Tenant,
        ("orgCode" or "code", _) => Own,
        ("business" or "stepNo" or "n", _) => "1",
        ("sectionKey", _) => "basic",
        ("questionKey", _) => "plan",
        ("id", "surveys") => $"{Survey}",
        ("id", "inquiries") => $"{Inquiry}",
        ("id", "evidence") => $"{Evidence}",
        ("id", "requests") => $"{Request}",
        ("id", "assignments") => $"{Assignment}",
        ("id", "experts") => $"{PoolExpert}",
        ("id", "skills") => $"{Skill}",
        ("id", "procurements") => $"{Workspace}",
        ("attachmentId", _) => $"{InquiryAttachment}",
        ("memberId", _) => $"{InvitedMember}",
        ("docId", _) => $"{Document}",
        ("milestoneId", _) => $"{Milestone}",
        ("questionId", _) => $"{VendorQuestion}",
        ("pollId", _) => $"{Poll}",
        _ => $"{Missing}",
    };

    private static ByteArrayContent Pdf(string text)
    {
        var content = new ByteArrayContent(DocumentTestData.Pdf(text));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return content;
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            response.StatusCode.ShouldBe(expected, body);
            return JsonDocument.Parse(body).RootElement.Clone();
        }
    }
}
