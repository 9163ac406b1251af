using System.Security.Claims;
using DxCollab.Platform.Identity;
using DxCollab.Surveys.Access;
using DxCollab.Platform.Tenancy;
using DxCollab.Platform.Web;
using DxCollab.Surveys.Forms;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using System.Text.Json;

namespace DxCollab.Surveys.Relay;

public sealed record NationalSurveyItem(Guid Id, string Title, string Purpose, DateOnly ReferenceDate, DateOnly Deadline, DateTime IssuedAt,
    int Prefectures, int Respondents);

public sealed record ReceivedNationalItem(Guid NationalSurveyId, string Title, DateOnly ReferenceDate, DateOnly Deadline, DateTime ReceivedAt,
    long? SurveyId, DateTime? RelayedAt, int Roster, int Submitted, string Stage, DateTime? FinalizedAt);

public sealed record RelayedItem(long SurveyId, Guid NationalSurveyId, string Title, DateOnly Deadline, int Sections);

public sealed record NationalQuestionItem(string Key, string Section, string Text, string Type, string? Unit);

public sealed record NationalResultItem(Guid Id, string Title, DateOnly ReferenceDate, DateOnly Deadline, IReadOnlyList<NationalQuestionItem> Questions,
    IReadOnlyList<PrefectureFigures> Prefectures, PrefectureFigures Total);

public sealed record NationalChangeItem(string PrefectureId, string Prefecture, string RespondentCode, string RespondentName, string QuestionKey,
    string? Question, string? Before, string? After, DateTime ChangedAt, int Revision);

/// <summary>/api/v1/{tenant}/surveys/national (the prefecture's received national surveys, relay, 確報) and
/// /api/v1/national/surveys (NationalViewer: issue, result with national questions only, changes after the 速報).</summary>
public static class RelayApi
{
    public static void MapTenant(IEndpointRouteBuilder tenantApi)
    {
        var group = tenantApi.MapGroup("/surveys/national").WithTags("照会（全国照会の中継）").RequireAuthorization(Policies.OrganizationStaff);
        group.MapGet("", List).WithSummary("届いた全国照会（都道府県の職員）").ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("/{nationalId:guid}/relay", Relay).DisableAntiforgery().WithSummary("全国照会を管内の市区町村へ中継する")
            .WithDescription("国の設問（大問）をそのまま写した照会を作り、管内の全市区町村を回答先として公開します。ownSections で都道府県独自の大問を後ろに加えられます（国へは送られません）。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{nationalId:guid}/final", MarkFinal).DisableAntiforgery().WithSummary("報告済みの数値を確報にする")
            .WithDescription("確報の後に差戻し・再提出で修正すると、その団体の数値は国の側で速報に戻り、変わった数値が記録されます。" +
                             "締め切った照会は再開（POST /surveys/{id}/reopen）して修正し、もう一度締め切ると確報になります（再開中の stage は「修正中」、この操作は 409）。")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    public static void MapHost(IEndpointRouteBuilder v1)
    {
        var group = v1.MapGroup("/national/surveys").WithTags("照会（全国）")
            .WithMetadata(new HostLevelAttribute()).RequireAuthorization(Policies.NationalViewer);
        group.MapGet("", ListNational).WithSummary("全国照会の一覧");
        group.MapPost("", Issue).DisableAntiforgery().WithSummary("全国照会を 47 都道府県へ発出する")
            .WithDescription("sections の大問はすべて国の設問（Origin National）になります。各都道府県にメッセージで届き、都道府県が管内の市区町村へ中継します。")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapGet("/{id:guid}", Result).WithSummary("全国照会の結果（国の設問だけ、都道府県ごとの集計）").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:guid}/changes", Changes).WithSummary("速報の後に修正された数値").ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static async Task<Results<Ok<ReceivedNationalItem[]>, ProblemHttpResult>> List(NationalRelayService relay, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!user.MayAuthor()) return Problems.Forbidden("全国照会を扱えるのは都道府県の職員だけです。");
        return TypedResults.Ok((await relay.ListAsync(ct)).Select(ToItem).ToArray());
    }

    public static async Task<Results<Created<RelayedItem>, ProblemHttpResult>> Relay(Guid nationalId, [FromBody] JsonElement body, NationalRelayService relay,
        ClaimsPrincipal user, string tenant, CancellationToken ct)
    {
        if (!user.MayAuthor()) return Problems.Forbidden("全国照会を中継できるのは都道府県の職員だけです。");
        if (Read<RelayInput>(body, "ownSections") is not { } input) return Unreadable("ownSections");
        var outcome = await relay.RelayAsync(nationalId, input, user.ActorLabel(), ct);
        if (!outcome.Succeeded) return Problems.Refusal(outcome);
        var survey = outcome.Value!;
        return TypedResults.Created($"/api/v1/{tenant}/surveys/{survey.Id}",
            new RelayedItem(survey.Id, nationalId, survey.Title, survey.Deadline, survey.Form.Sections.Count));
    }

    public static async Task<Results<Ok<ReceivedNationalItem>, ProblemHttpResult>> MarkFinal(Guid nationalId, NationalRelayService relay, ClaimsPrincipal user,
        CancellationToken ct)
    {
        if (!user.MayAuthor()) return Problems.Forbidden("確報にできるのは都道府県の職員だけです。");
        var outcome = await relay.FinalizeAsync(nationalId, user.ActorLabel(), ct);
        if (!outcome.Succeeded) return Problems.Refusal(outcome);
        var view = (await relay.ListAsync(ct)).Single(v => v.Received.NationalSurveyId == nationalId);
        return TypedResults.Ok(ToItem(view));
    }

    public static async Task<Ok<NationalSurveyItem[]>> ListNational(NationalSurveyService surveys, CancellationToken ct)
    {
        var all = await surveys.ListAsync(ct);
        return TypedResults.Ok(all.Select(s => new NationalSurveyItem(s.Id, s.Title, s.Purpose, s.ReferenceDate, s.Deadline, s.IssuedAt, s.Prefectures, s.Respondents)).ToArray());
    }

    public static async Task<Results<Created<NationalSurveyItem>, ProblemHttpResult>> Issue([FromBody] JsonElement body, NationalSurveyService surveys,
        ClaimsPrincipal user, CancellationToken ct)
    {
        if (Read<NationalSurveyInput>(body, "sections") is not { } input) return Unreadable("sections");
        var outcome = await surveys.IssueAsync(input, user.ActorLabel(), ct);
        if (!outcome.Succeeded) return Problems.Refusal(outcome);
        var s = outcome.Value!;
        return TypedResults.Created($"/api/v1/national/surveys/{s.Id}",
            new NationalSurveyItem(s.Id, s.Title, s.Purpose, s.ReferenceDate, s.Deadline, s.IssuedAt, 0, 0));
    }

    public static async Task<Results<Ok<NationalResultItem>, ProblemHttpResult>> Result(Guid id, NationalSurveyService surveys, CancellationToken ct)
    {
        if (await surveys.ResultAsync(id, ct) is not { } result) return Problems.NotFound("この全国照会はありません。");
        return TypedResults.Ok(new NationalResultItem(result.Survey.Id, result.Survey.Title, result.Survey.ReferenceDate, result.Survey.Deadline,
            result.Questions.Select(q => new NationalQuestionItem(q.Key, q.Section, q.Text, q.Type.ToString(), q.Unit)).ToList(), result.Prefectures, result.Total));
    }

    public static async Task<Results<Ok<NationalChangeItem[]>, ProblemHttpResult>> Changes(Guid id, NationalSurveyService surveys, CancellationToken ct)
    {
        if (await surveys.ChangesAsync(id, ct) is not { } changes) return Problems.NotFound("この全国照会はありません。");
        var questions = (await surveys.ResultAsync(id, ct))!.Questions.ToDictionary(q => q.Key, q => q.Text);
        return TypedResults.Ok(changes.Select(c => new NationalChangeItem(c.PrefectureId, NationalSurveyService.PrefectureName(c.PrefectureId), c.RespondentCode,
            c.RespondentName, c.QuestionKey, questions.GetValueOrDefault(c.QuestionKey), c.Before, c.After, c.ChangedAt, c.Revision)).ToArray());
    }

    /// <summary>Forms are read with the form's own JSON options (question types by name: "SingleChoice").</summary>
    private static T? Read<T>(JsonElement body, string field) where T : class
    {
        try { return body.ValueKind == JsonValueKind.Object ? body.Deserialize<T>(FormJson.Options) : null; }
        catch (JsonException) { return null; }
    }

    private static ProblemHttpResult Unreadable(string field) => Problems.Invalid(field,
        "送信された内容を読み取れませんでした。設問の種類（type）は SingleChoice・MultipleChoice・ShortText・LongText・Integer・Decimal・Date・YesNo・File・Table のいずれか、日付は 2026-04-01 の形で指定してください。");

    private static ReceivedNationalItem ToItem(ReceivedNationalView v) => new(v.Received.NationalSurveyId, v.Received.Title, v.Received.ReferenceDate,
        v.Received.Deadline, v.Received.ReceivedAt, v.Received.RelayedSurveyId, v.Received.RelayedAt, v.Roster, v.Submitted,
        v.Stage, v.Received.FinalizedAt);
}
