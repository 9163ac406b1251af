using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DxCollab.IntegrationTests.Api.AccessMatrix;
using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.IntegrationTests.Procurement;
using DxCollab.IntegrationTests.TalentPool;
using DxCollab.Platform.Identity;

namespace DxCollab.IntegrationTests.Api.IsolationProbe;

/// <summary>The victim: osaka's 豊中市, with the access matrix's rows (<see cref="MatrixRows"/>) and, made through the API
/// by an officer whose e-mail is itself a marker, rows carrying secret markers in fields that docs/visibility.md hides
/// from peers and from other prefectures (notes, reasons, 経過措置, 証跡 and attachment names, inquiry and request texts,
/// a survey answer, a workspace with its document, decision and milestone). Also the attackers' own rows: a workspace,
/// an inquiry and a request of 千早赤阪村 (osaka's peer) and a workspace and an inquiry of 笠置町 (kyoto), so that a probe
/// can mix an own parent with a victim's child.</summary>
public sealed class VictimRows
{
    public const string VictimTenant = "osaka", AttackerTenant = "kyoto", Kasagi = "263648";
    private const string Password = "Isolation-Probe-2026!";

    public required MatrixRows Matrix { get; init; }
    /// <summary>The probe's callers: the matrix's, except that <see cref="Caller.Expert"/> is an expert of osaka's pool
    /// with no assignment (expert.tanaka), for whom every row of 豊中市 but its statuses is another's.</summary>
    public Dictionary<Caller, string?> Tokens { get; } = [];
    public const string UnassignedExpert = "expert.tanaka@osaka.example";
    /// <summary>Secret strings (marker → where it was planted): none may appear in any answer to an attacker. ASCII, so that JSON, CSV in any encoding
    /// and xlsx keep them as they are.</summary>
    public Dictionary<string, string> Markers { get; } = [];

    public long SecretEvidence { get; private set; }
    public long SecretInquiry { get; private set; }
    public long SecretAttachment { get; private set; } = MatrixRows.Missing;
    public long SecretRequest { get; private set; }
    public long SecretRequestFile { get; private set; }
    public long SecretWorkspace { get; private set; }
    public long SecretDocument { get; private set; }
    public long SecretMilestone { get; private set; }
    public long SecretDecision { get; private set; } = MatrixRows.Missing;
    public List<long> Notifications { get; } = [];

    public long PeerWorkspace { get; private set; }
    public long PeerInquiry { get; private set; }
    public long PeerRequest { get; private set; }
    public long KyotoWorkspace { get; private set; }
    public long KyotoInquiry { get; private set; }

    private string Marker(string what)
    {
        var marker = $"zq{Seed:x8}k{Markers.Count:d2}";
        Markers[marker] = what;
        return marker;
    }

    private int Seed { get; init; }

    public static async Task<VictimRows> ArrangeAsync(AppFixture app, int seed)
    {
        var rows = new VictimRows { Matrix = await MatrixRows.ArrangeAsync(app), Seed = seed };
        foreach (var (caller, token) in rows.Matrix.Tokens) rows.Tokens[caller] = token;
        using (var anonymous = app.CreateClient())
            rows.Tokens[Caller.Expert] = await AppFixture.GetTokenAsync(anonymous, VictimTenant, UnassignedExpert);
        var email = rows.Marker("e-mail of the officer who writes the secrets") + "@osaka.example";
        await app.CreateUserAsync(VictimTenant, email, Password, MatrixRows.Own, Roles.MunicipalOfficer);
        using var secret = await app.SignInAsync(VictimTenant, email, Password);
        using var staff = rows.Matrix.Client(app, Caller.PrefectureAdmin);
        const string own = MatrixRows.Own;

        await Ok(await secret.PutAsJsonAsync($"/api/v1/osaka/migration/{own}/3/steps/10",
            new { status = "作業中", plannedDate = "2026-12-01", actualDate = (string?)null, note = rows.Marker("step note") }));
        await Ok(await secret.PutAsJsonAsync($"/api/v1/osaka/migration/{own}/3/system", new
        {
            specificMigrationSupport = true, specificSupportReason = rows.Marker("特定移行支援 reason"), specificSupportPlannedCompletion = "2027-03-31",
            transitionalMeasures = rows.Marker("経過措置"), vendorName = "株式会社サンプル",
        }));

        using (var upload = new MultipartFormDataContent { { new StringContent(rows.Marker("証跡 description")), "description" } })
        {
            upload.Add(Pdf(), "file", rows.Marker("証跡 file name") + ".pdf");
            rows.SecretEvidence = (await Json(await secret.PostAsync($"/api/v1/osaka/migration/{own}/3/steps/10/evidence", upload), HttpStatusCode.Created))
                .GetProperty("id").GetInt64();
        }

        using (var ask = new MultipartFormDataContent { { new StringContent(rows.Marker("inquiry title")), "title" }, { new StringContent(rows.Marker("inquiry body")), "body" } })
        {
            ask.Add(Pdf(), "files", rows.Marker("inquiry attachment name") + ".pdf");
            var inquiry = await Json(await secret.PostAsync("/api/v1/osaka/migration/inquiries", ask), HttpStatusCode.Created);
            rows.SecretInquiry = inquiry.GetProperty("inquiry").GetProperty("id").GetInt64();
            foreach (var entry in inquiry.GetProperty("entries").EnumerateArray())
                if (entry.TryGetProperty("attachments", out var files))
                    foreach (var file in files.EnumerateArray()) rows.SecretAttachment = file.GetProperty("id").GetInt64();
        }

        rows.SecretRequestFile = await RequestTestData.UploadAsync(secret, rows.Marker("request attachment name") + ".pdf");
        rows.SecretRequest = (await RequestTestData.CreateRequestAsync(secret,
            RequestTestData.MigrationPlan(rows.Marker("request title"), [rows.SecretRequestFile]))).GetProperty("id").GetInt64();
        // The prefecture asks about the request: the officers of 豊中市 get notifications, whose ids a probe then tries as another's.
        await Ok(await staff.PostAsJsonAsync($"{RequestTestData.Requests}/{rows.SecretRequest}/conversation", new { body = rows.Marker("request conversation") }));

        await Ok(await secret.PutAsJsonAsync($"/api/v1/osaka/surveys/{rows.Matrix.Survey}/responses/{own}",
            new { version = 0, answers = new { memo = new { value = rows.Marker("survey answer") } } }));

        rows.SecretWorkspace = await ProcurementTestData.CreateWorkspaceAsync(secret,
            new { subject = "ビジネスチャット", title = rows.Marker("workspace title"), description = rows.Marker("workspace description") });
        rows.SecretDocument = (await Json(await secret.PostDocumentAsync(rows.SecretWorkspace, rows.Marker("document title"), "MembersOnly",
            fileName: rows.Marker("document file name") + ".pdf"), HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var workspace = $"{ProcurementTestData.Procurements}/{rows.SecretWorkspace}";
        var dueOn = RequestTestData.Day(RequestTestData.Today.AddDays(30));
        rows.SecretMilestone = (await Json(await secret.PostAsJsonAsync($"{workspace}/milestones",
            new { title = rows.Marker("milestone title"), dueOn, ownerOrganizationCode = own }), HttpStatusCode.Created)).GetProperty("id").GetInt64();
        rows.SecretDecision = (await Json(await secret.PostAsJsonAsync($"{workspace}/decisions",
            new { decidedOn = RequestTestData.Day(RequestTestData.Today), matter = rows.Marker("decision matter"), attendeeCodes = new[] { own } }),
            HttpStatusCode.Created)).GetProperty("id").GetInt64();

        foreach (var item in (await Json(await secret.GetAsync("/api/v1/osaka/notifications"), HttpStatusCode.OK)).EnumerateItems())
            if (item.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.Number) rows.Notifications.Add(id.GetInt64());

        using var peer = rows.Matrix.Client(app, Caller.PeerOfficer);
        rows.PeerWorkspace = await ProcurementTestData.CreateWorkspaceAsync(peer);
        rows.PeerInquiry = await InquiryAsync(peer, VictimTenant);
        rows.PeerRequest = (await RequestTestData.CreateRequestAsync(peer)).GetProperty("id").GetInt64();
        using var kyoto = rows.Matrix.Client(app, Caller.KyotoOfficer);
        rows.KyotoWorkspace = (await Json(await kyoto.PostAsJsonAsync("/api/v1/kyoto/procurements", ProcurementTestData.ChatWorkspace()), HttpStatusCode.Created))
            .GetProperty("id").GetInt64();
        rows.KyotoInquiry = await InquiryAsync(kyoto, AttackerTenant);
        return rows;
    }

    private static async Task<long> InquiryAsync(HttpClient officer, string tenant)
    {
        using var ask = new MultipartFormDataContent { { new StringContent("自団体の質問"), "title" }, { new StringContent("本文"), "body" } };
        return (await Json(await officer.PostAsync($"/api/v1/{tenant}/migration/inquiries", ask), HttpStatusCode.Created))
            .GetProperty("inquiry").GetProperty("id").GetInt64();
    }

    private static ByteArrayContent Pdf()
    {
        var content = new ByteArrayContent(DocumentTestData.Pdf("probe"));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return content;
    }

    private static async Task Ok(HttpResponseMessage response)
    {
        using (response)
            response.IsSuccessStatusCode.ShouldBeTrue($"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            response.StatusCode.ShouldBe(expected, $"{response.RequestMessage?.RequestUri}: {body}");
            return JsonDocument.Parse(body).RootElement.Clone();
        }
    }

    /// <summary>A value of the victim for a path parameter (by its name and the segment before it), or null when the
    /// probe has none of that kind (then any of the victim's row ids is tried).</summary>
    public string? VictimValue(string name, string previousSegment, Random random) => (name, previousSegment) switch
    {
        ("tenant", _) => VictimTenant,
        ("orgCode" or "code", _) => MatrixRows.Own,
        ("id", "surveys") => Pick(random, Matrix.Survey, Matrix.ClosedSurvey),
        ("id", "inquiries") => Pick(random, Matrix.Inquiry, SecretInquiry),
        ("id", "evidence") => Pick(random, Matrix.Evidence, SecretEvidence),
        ("id", "requests") => Pick(random, Matrix.Request, SecretRequest),
        ("id", "assignments") => Pick(random, Matrix.Assignment),
        ("id", "experts") => Pick(random, Matrix.PoolExpert),
        ("id", "skills") => Pick(random, Matrix.Skill),
        ("id", "procurements") => Pick(random, Matrix.Workspace, SecretWorkspace),
        ("id", "notifications") => Notifications.Count > 0 ? Pick(random, [.. Notifications]) : null,
        ("attachmentId", _) => Pick(random, Matrix.InquiryAttachment, SecretAttachment),
        ("fileId", _) => Pick(random, SecretRequestFile, SecretAttachment, SecretEvidence),
        ("memberId", _) => Pick(random, Matrix.InvitedMember),
        ("docId", _) => Pick(random, Matrix.Document, SecretDocument),
        ("milestoneId", _) => Pick(random, Matrix.Milestone, SecretMilestone),
        ("questionId", _) => Pick(random, Matrix.VendorQuestion),
        ("pollId", _) => Pick(random, Matrix.Poll),
        _ => null,
    };

    /// <summary>Every row id of the victim, for parameters and members the probe cannot tell the kind of.</summary>
    public long[] AllIds =>
    [
        Matrix.Survey, Matrix.ClosedSurvey, Matrix.Inquiry, SecretInquiry, Matrix.Evidence, SecretEvidence, Matrix.Request, SecretRequest,
        Matrix.Assignment, Matrix.PoolExpert, Matrix.Workspace, SecretWorkspace, Matrix.Document, SecretDocument, SecretMilestone,
        SecretRequestFile, SecretDecision, .. Notifications,
    ];

    /// <summary>The attacker's own value for a path parameter, when it has a row of that kind (else a well-formed id of no row).</summary>
    public string OwnValue(Caller attacker, string name, string previousSegment, string? format)
    {
        var peer = attacker == Caller.PeerOfficer;
        return (name, previousSegment) switch
        {
            _ when format == "uuid" => "3f2b8c1e-0000-4000-8000-00000000abcd",
            ("tenant", _) => InVictimsTenant(attacker) ? VictimTenant : AttackerTenant,
            ("orgCode" or "code", _) => InVictimsTenant(attacker) ? MatrixRows.Peer : Kasagi,
            ("business" or "stepNo" or "n", _) => "1",
            ("sectionKey", _) => "basic",
            ("questionKey", _) => "plan",
            ("id", "procurements") => $"{(peer ? PeerWorkspace : KyotoWorkspace)}",
            ("id", "inquiries") => $"{(peer ? PeerInquiry : KyotoInquiry)}",
            ("id", "requests") when peer => $"{PeerRequest}",
            ("id", "surveys") when peer => $"{Matrix.Survey}",
            _ => $"{MatrixRows.Missing}",
        };
    }

    /// <summary>The peer 団体's officer and the unassigned expert attack from inside osaka; the others from kyoto.</summary>
    public static bool InVictimsTenant(Caller attacker) => attacker is Caller.PeerOfficer or Caller.Expert;

    private static string Pick(Random random, params long[] ids) => $"{ids[random.Next(ids.Length)]}";
}

internal static class JsonItems
{
    /// <summary>The items of a list answer: the array itself, or the first array member of an object (a page of items).</summary>
    public static IEnumerable<JsonElement> EnumerateItems(this JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Array) return element.EnumerateArray();
        if (element.ValueKind == JsonValueKind.Object)
            foreach (var property in element.EnumerateObject())
                if (property.Value.ValueKind == JsonValueKind.Array) return property.Value.EnumerateArray();
        return [];
    }
}
