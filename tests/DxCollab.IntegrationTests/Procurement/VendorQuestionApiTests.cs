using System.Net;
using System.Net.Http.Json;
using System.Text;
using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.Procurement.Domain;
using static DxCollab.IntegrationTests.Procurement.ProcurementTestData;
using static DxCollab.IntegrationTests.Procurement.VendorTestData;

namespace DxCollab.IntegrationTests.Procurement;

/// <summary>Vendor Q&amp;A: the lead records, answers and publishes; members and observers see published answers only and
/// may leave notes; the export for vendors numbers the questions and leaves out who asked; kyoto learns nothing.</summary>
public abstract class VendorQuestionApiTests(AppFixture fixture) : AppTest(fixture)
{
    [Fact]
    public async Task Members_and_observers_see_an_answer_only_once_the_lead_publishes_it_and_the_lead_sees_drafts()
    {
        using var toyonaka = await App.SignInAsync("osaka", ToyonakaEmail);
        var id = await CreateWorkspaceAsync(toyonaka);
        await App.ArrangeActiveMemberAsync(id, Chihayaakasaka, "千早赤阪村", MemberRole.Observer);
        var question = await (await toyonaka.PostAsJsonAsync(Questions(id), VendorQuestion())).ReadJsonAsync(HttpStatusCode.Created);
        var qid = question.GetProperty("id").GetInt64();
        question.GetProperty("published").GetBoolean().ShouldBeFalse();
        question.GetProperty("stageName").GetString().ShouldBe("RFI（情報提供依頼）");

        using var chihaya = await App.SignInAsync("osaka", ChihayaEmail);
        (await (await chihaya.GetAsync(Questions(id))).ReadJsonAsync()).GetProperty("questions").GetArrayLength().ShouldBe(0);
        await (await chihaya.PostAsJsonAsync($"{Questions(id)}/{qid}/notes", new { text = "見えないはず" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        await (await toyonaka.PostAsync($"{Questions(id)}/{qid}/publish", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict); // no answer yet
        await (await toyonaka.PutAsJsonAsync($"{Questions(id)}/{qid}/answer", new { answer = "SAML 2.0 で連携できます。" })).ReadJsonAsync();
        (await (await toyonaka.GetAsync(Questions(id))).ReadJsonAsync()).GetProperty("questions")[0].GetProperty("published").GetBoolean().ShouldBeFalse();
        (await (await chihaya.GetAsync(Questions(id))).ReadJsonAsync()).GetProperty("questions").GetArrayLength().ShouldBe(0);

        (await (await toyonaka.PostAsync($"{Questions(id)}/{qid}/publish", null)).ReadJsonAsync()).GetProperty("published").GetBoolean().ShouldBeTrue();
        var seen = (await (await chihaya.GetAsync(Questions(id))).ReadJsonAsync()).GetProperty("questions").EnumerateArray().Single();
        seen.GetProperty("answer").GetString().ShouldBe("SAML 2.0 で連携できます。");
        seen.GetProperty("vendorName").GetString().ShouldBe("株式会社チャットワークス");

        // An observer comments (a note to the lead) but does not answer or publish.
        (await (await chihaya.PostAsJsonAsync($"{Questions(id)}/{qid}/notes", new { text = "多要素認証の対応も確認したい" })).ReadJsonAsync(HttpStatusCode.Created))
            .GetProperty("organizationCode").GetString().ShouldBe(Chihayaakasaka);
        await (await chihaya.PutAsJsonAsync($"{Questions(id)}/{qid}/answer", new { answer = "書き換え" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await chihaya.PostAsJsonAsync(Questions(id), VendorQuestion())).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await (await toyonaka.GetAsync(Questions(id))).ReadJsonAsync()).GetProperty("questions")[0].GetProperty("notes")[0]
            .GetProperty("text").GetString().ShouldBe("多要素認証の対応も確認したい");
    }

    [Fact]
    public async Task A_member_may_note_but_not_record_and_another_municipality_and_kyoto_learn_nothing()
    {
        using var toyonaka = await App.SignInAsync("osaka", ToyonakaEmail);
        var id = await CreateWorkspaceAsync(toyonaka);
        await App.CreateUserAsync("osaka", "suita.vendor@osaka.example", "Demo-2026!", "272051", "MunicipalOfficer");
        await App.ArrangeActiveMemberAsync(id, "272051", "吹田市");
        var qid = (await (await toyonaka.PostAsJsonAsync(Questions(id), new { stage = "Rfp", vendorName = "A社", question = "保守の範囲は？", answer = "仕様書4章のとおりです。" }))
            .ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        await (await toyonaka.PostAsync($"{Questions(id)}/{qid}/publish", null)).ReadJsonAsync();

        using var suita = await App.SignInAsync("osaka", "suita.vendor@osaka.example");
        await (await suita.PostAsJsonAsync(Questions(id), VendorQuestion())).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await suita.PostAsJsonAsync($"{Questions(id)}/{qid}/notes", new { text = "4章の該当箇所も添えてはどうか" })).ReadJsonAsync(HttpStatusCode.Created);

        using var chihaya = await App.SignInAsync("osaka", ChihayaEmail); // not a member
        await (await chihaya.GetAsync(Questions(id))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await chihaya.PostAsJsonAsync($"{Questions(id)}/{qid}/notes", new { text = "x" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        using var kyoto = await App.SignInAsync("kyoto", "pref.admin@kyoto.example");
        await (await kyoto.GetAsync(Questions(id))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await kyoto.GetAsync($"/api/v1/kyoto/procurements/{id}/questions")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await kyoto.PostAsync($"/api/v1/kyoto/procurements/{id}/questions/{qid}/publish", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await kyoto.GetAsync($"/api/v1/kyoto/procurements/{id}/questions/export")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_vendor_export_numbers_published_questions_and_leaves_out_who_asked_saying_so()
    {
        using var toyonaka = await App.SignInAsync("osaka", ToyonakaEmail);
        var id = await CreateWorkspaceAsync(toyonaka);
        foreach (var (vendor, text, publish) in new[] { ("株式会社アルファ", "ログの保存期間は？", true), ("ベータ株式会社", "LGWAN接続は可能か", true), ("ガンマ社", "未公開の質問", false) })
        {
            var qid = (await (await toyonaka.PostAsJsonAsync(Questions(id), new { stage = "Rfp", vendorName = vendor, question = text, answer = $"{text}への回答" }))
                .ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();
            if (publish) await (await toyonaka.PostAsync($"{Questions(id)}/{qid}/publish", null)).ReadJsonAsync();
        }

        var response = await toyonaka.GetAsync($"{Questions(id)}/export?format=csv");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var csv = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
        csv.ShouldContain("質問した事業者名は記載していません");
        csv.ShouldContain("\"質問1\"");
        csv.ShouldContain("\"質問2\"");
        csv.ShouldNotContain("質問3");
        csv.ShouldContain("LGWAN接続は可能か");
        csv.ShouldNotContain("未公開の質問");
        foreach (var vendor in new[] { "アルファ", "ベータ", "ガンマ" }) csv.ShouldNotContain(vendor);

        var xlsx = await toyonaka.GetAsync($"{Questions(id)}/export");
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        xlsx.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        await (await toyonaka.GetAsync($"{Questions(id)}/export?format=pdf")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("stage")]
    [InlineData("vendorName")]
    [InlineData("question")]
    [InlineData("receivedOn")]
    public async Task A_question_without_its_stage_vendor_or_text_or_received_in_the_future_is_refused_naming_the_field_and_not_stored(string field)
    {
        using var toyonaka = await App.SignInAsync("osaka", ToyonakaEmail);
        var id = await CreateWorkspaceAsync(toyonaka);
        object input = field switch
        {
            "stage" => new { vendorName = "A社", question = "q" },
            "vendorName" => new { stage = "Rfi", vendorName = "\u200B", question = "q" },
            "question" => new { stage = "Rfi", vendorName = "A社", question = " " },
            _ => new { stage = "Rfi", vendorName = "A社", question = "q", receivedOn = "2099-01-01" },
        };
        (await (await toyonaka.PostAsJsonAsync(Questions(id), input)).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldError(field).ShouldNotBeNullOrWhiteSpace();
        (await (await toyonaka.GetAsync(Questions(id))).ReadJsonAsync()).GetProperty("questions").GetArrayLength().ShouldBe(0);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_VendorQuestionApi(SqliteAppFixture fixture) : VendorQuestionApiTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSql_VendorQuestionApi(PostgresAppFixture fixture) : VendorQuestionApiTests(fixture);
