using System.Security.Claims;
using DxCollab.Platform.Files;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Threads;
using DxCollab.Platform.Web;
using DxCollab.TalentPool.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace DxCollab.TalentPool.Requests;

/// <summary>/api/v1/{tenant}/talent/requests: support requests (a 団体's officers make and follow theirs; the prefecture's
/// staff see all; an assigned expert reads the ones they work on), and /talent/themes (the cards and their questions).</summary>
public static class RequestApi
{
    public static IEndpointRouteBuilder MapRequestApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/talent/themes", Themes).WithTags("人材プール（支援依頼）").RequireAuthorization(Policies.TenantMember)
            .WithSummary("テーマカードと質問（ガイド付きの依頼）");
        var group = app.MapGroup("/talent/requests").WithTags("人材プール（支援依頼）").RequireAuthorization(Policies.TenantMember);
        group.MapGet("", List).WithSummary("依頼の一覧（職員はすべて、市区町村は自団体、専門人材は割り当てられたもの）")
            .WithDescription("state（Received… または 受付…）、theme（テーマのキー、consult =「相談したい」）、organization（団体コード）で絞り込み。待っている依頼（受付・調整中）が古い順に先頭。")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapPost("", Create).WithSummary("支援の依頼（市区町村の担当者）")
            .WithDescription("themeKey はテーマカード（空なら「相談したい」: title と description が必須で、都道府県との相談スレッドが開きます）、" +
                             "intake はテーマの質問への回答（キー → 答え。選択肢のある質問は選択肢のどれか）。preferredFrom / preferredTo は東京の日付（今日から2年以内）。" +
                             "fileIds は POST talent/requests/files で添付した資料。誤りはすべて errors に質問ごとに返します。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("/files", Upload).DisableAntiforgery().AcceptsUploads().WithSummary("依頼に添付する資料のアップロード（file、依頼の前に）")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        group.MapGet("/{id:long}", Get).WithSummary("依頼の内容・回答・添付・割当と状態").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:long}/files/{fileId:long}", Download).WithSummary("添付資料のダウンロード").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:long}/coordinating", Coordinating).WithSummary("調整中にする（都道府県の職員、version 必須）")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:long}/withdraw", Withdraw).WithSummary("取り下げる（依頼した団体、reason と version 必須。支援中・完了の依頼は不可）")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:long}/theme", Classify).WithSummary("テーマを決める（都道府県の職員、「相談したい」の分類。themeKey と version）")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{id:long}/conversation", Conversation).WithSummary("依頼についてのやりとり（都道府県の職員と依頼した団体の担当者）")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:long}/conversation", OpenConversation)
            .WithSummary("依頼について質問・補足する（やりとりを始める。都道府県の職員または依頼した団体の担当者、body 必須）")
            .WithDescription("職員が始めると団体の担当者に、団体が始めると職員にお知らせします。やりとりは 1 件の依頼に 1 つ（すでにあれば 409）。取り下げた依頼は 409。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    public static async Task<Results<Ok<ThreadView>, ProblemHttpResult>> Conversation(long id, RequestConversation conversation, ClaimsPrincipal user,
        CancellationToken ct) =>
        TalentResults.Answer(await conversation.GetAsync(id, user, ct));

    public static async Task<Results<Created<ThreadView>, ProblemHttpResult>> OpenConversation(string tenant, long id, ConversationInput input,
        RequestConversation conversation, ClaimsPrincipal user, CancellationToken ct) =>
        TalentResults.Created(await conversation.OpenAsync(id, input.Body, user, ct), _ => $"/api/v1/{tenant}/talent/requests/{id}/conversation");

    public static Ok<IReadOnlyList<SupportTheme>> Themes() => TypedResults.Ok(ThemeCatalog.Themes);

    public static async Task<Results<Ok<IReadOnlyList<RequestSummary>>, ProblemHttpResult>> List(string? state, string? theme, string? organization,
        RequestService requests, ClaimsPrincipal user, CancellationToken ct) =>
        TalentResults.Answer(await requests.ListAsync(new RequestFilter(state, theme, organization), user, ct));

    public static async Task<Results<Created<RequestView>, ProblemHttpResult>> Create(string tenant, RequestInput input, RequestService requests,
        ClaimsPrincipal user, CancellationToken ct)
    {
        // Every mistake at once, each under its question, for a client that shows them beside the fields.
        if (user.OwnOrganizationCode() is { } code && user.MayRequestFor(code) && IntakeRules.Check(input, requests.TodayInTokyo) is { Count: > 0 } errors)
            return Problems.Invalid(errors.GroupBy(e => e.Field).Select(g => KeyValuePair.Create(g.Key, g.Select(e => e.Message).ToArray())));
        return TalentResults.Created(await requests.CreateAsync(input, user, ct), r => $"/api/v1/{tenant}/talent/requests/{r.Id}");
    }

    public static async Task<Results<Ok<UploadedFile>, ProblemHttpResult>> Upload(IFormFile? file, RequestService requests, ClaimsPrincipal user,
        CancellationToken ct) =>
        TalentResults.Answer(await requests.UploadAsync(file, user, ct));

    public static async Task<Results<Ok<RequestView>, ProblemHttpResult>> Get(long id, RequestService requests, ClaimsPrincipal user, CancellationToken ct) =>
        TalentResults.Answer(await requests.GetAsync(id, user, ct));

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Download(long id, long fileId, RequestService requests, ClaimsPrincipal user,
        CancellationToken ct)
    {
        var outcome = await requests.DownloadAsync(id, fileId, user, ct);
        return outcome.Succeeded ? UploadEndpoints.Attachment(outcome.Value!.FileName, outcome.Value.ContentType, outcome.Value.Content)
            : Problems.Refusal(outcome);
    }

    public static async Task<Results<Ok<RequestView>, ProblemHttpResult>> Coordinating(long id, RequestChange change, RequestMoves moves,
        ClaimsPrincipal user, CancellationToken ct) =>
        TalentResults.Answer(await moves.MarkCoordinatingAsync(id, change, user, ct));

    public static async Task<Results<Ok<RequestView>, ProblemHttpResult>> Withdraw(long id, RequestChange change, RequestMoves moves,
        ClaimsPrincipal user, CancellationToken ct) =>
        TalentResults.Answer(await moves.WithdrawAsync(id, change, user, ct));

    public static async Task<Results<Ok<RequestView>, ProblemHttpResult>> Classify(long id, RequestChange change, RequestMoves moves,
        ClaimsPrincipal user, CancellationToken ct) =>
        TalentResults.Answer(await moves.ClassifyAsync(id, change, user, ct));
}
