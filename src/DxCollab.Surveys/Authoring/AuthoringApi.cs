using System.Security.Claims;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Results;
using DxCollab.Platform.Web;
using DxCollab.Surveys.Forms;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace DxCollab.Surveys.Authoring;

public sealed record ReopenRequest(string? Reason);

/// <summary>/api/v1/{tenant}/surveys: writing, publishing and closing surveys (the prefecture's staff; officers may
/// read the published surveys their 団体 is asked).</summary>
public static class AuthoringApi
{
    public static IEndpointRouteBuilder MapAuthoringApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/surveys").WithTags("照会（作成・公開）").RequireAuthorization(Policies.OrganizationStaff);
        group.MapGet("", List).WithSummary("照会の一覧")
            .WithDescription("都道府県の職員にはすべての照会（提出数つき）、団体の担当者には自団体が回答先の公開済みの照会（自団体の状況と残り開庁日数つき）を返します。");
        group.MapPost("", Create).WithSummary("照会の作成（作成中）")
            .WithDescription("deadline は東京の日付（yyyy-MM-dd）。年度は期限から決まります。閉庁日の期限は受け付け、deadlineWarning に次の開庁日を示します。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/{id:long}", Get).WithSummary("照会の内容").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{id:long}", Update).WithSummary("件名・趣旨・根拠・問い合わせ先・期限の変更")
            .WithDescription("公開後は期限の延長だけができ（回答先に通知）、非公開の設定は変えられません（409）。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/{id:long}", Delete).WithSummary("作成中の照会の削除")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut("/{id:long}/form", Form).WithSummary("様式（セクションと質問）の保存")
            .WithDescription("新しいセクション・質問は key を空にします（s1, q1 … が付き、再利用されません）。表示条件は前の質問だけを参照できます。" +
                             "公開後は追加（質問・選択肢・行・列）と文言の修正だけができ、削除や種類・選択肢の変更は 409 で質問を示します。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:long}/publish", Publish).WithSummary("公開（回答先ごとに回答を作り、通知します）")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:long}/close", Close).WithSummary("締め切る")
            .WithDescription("期限延長中（承認した期限が今日以降）の団体、回答していない延長の申出、差し戻して再提出を待っている回答（returned: true）があるときは 409 で openExtensions に一覧を返します。" +
                             "確認のうえ締め切るときは ?confirm=true。修正のため再開した全国照会の中継を締め切ると、修正後の数値が国へ確報として届きます。")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:long}/reopen", Reopen).WithSummary("修正のため再開する（理由は必須、都道府県の職員）")
            .WithDescription("締め切った照会を再び受け付けにして、提出済みの回答の差戻し・再提出をできるようにします。期限は変わりません（期限後に直せるのは差し戻した回答と延長中の団体だけ）。" +
                             "再開中は自動の督促をせず、還元と表決の結果は再び締め切るまで出しません。結果を知らせた書面会議は再開できません（409）。" +
                             "差し戻された団体と、期限内で未提出の団体に通知します。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{id:long}/roster", Roster).WithSummary("回答先（選び方と団体の一覧）")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{id:long}/roster", SetRoster).WithSummary("回答先の設定")
            .WithDescription("mode = all（全市区町村）| categories（団体区分: DesignatedCity, CoreCity, SpecialWard, OtherCity, TownOrVillage）| picked（codes）| none、" +
                             "departments に部局の番号。公開後は追加だけができ（追加した団体に通知）、外すと 409。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:long}/copy", Copy).WithSummary("複写して新しい回を作る（同じ質問・キー・回答先、新しい期限）")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:long}/repeats", Repeats).WithSummary("同じ年度のほかの照会と同じ質問（全角・半角を区別せず比較）")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/departments", Departments).WithSummary("回答先にできる都道府県の部局").ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("/departments", AddDepartment).WithSummary("部局の追加")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    public static async Task<Results<Ok<SurveySummary[]>, ProblemHttpResult>> List(SurveyAuthoring surveys, ClaimsPrincipal user, CancellationToken ct)
    {
        var outcome = await surveys.ListAsync(user, ct);
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value!.ToArray()) : Problems.Refusal(outcome);
    }

    public static async Task<Results<Created<SurveyDetail>, ProblemHttpResult>> Create(string tenant, SurveyInput input, SurveyAuthoring surveys,
        ClaimsPrincipal user, CancellationToken ct) =>
        Created(tenant, await surveys.CreateAsync(input, user, ct));

    public static async Task<Results<Ok<SurveyDetail>, ProblemHttpResult>> Get(long id, SurveyAuthoring surveys, ClaimsPrincipal user, CancellationToken ct) =>
        Answer(await surveys.GetAsync(id, user, ct));

    public static async Task<Results<Ok<SurveyDetail>, ProblemHttpResult>> Update(long id, SurveyInput input, SurveyAuthoring surveys, ClaimsPrincipal user,
        CancellationToken ct) =>
        Answer(await surveys.UpdateAsync(id, input, user, ct));

    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(long id, SurveyAuthoring surveys, ClaimsPrincipal user, CancellationToken ct)
    {
        var outcome = await surveys.DeleteAsync(id, user, ct);
        return outcome.Succeeded ? TypedResults.NoContent() : Problems.Refusal(outcome);
    }

    public static async Task<Results<Ok<SurveyDetail>, ProblemHttpResult>> Form(long id, SurveyForm form, SurveyAuthoring surveys, ClaimsPrincipal user,
        CancellationToken ct) =>
        // "sections": null (or a null section) is a client's mistake, not a form without sections.
        form.Sections is null || form.Sections.Any(s => s is null)
            ? Problems.Invalid("sections", "セクション（sections）を配列で指定してください（空の様式は []）。")
            : Answer(await surveys.UpdateFormAsync(id, form, user, ct));

    public static async Task<Results<Ok<SurveyDetail>, ProblemHttpResult>> Publish(long id, SurveyAuthoring surveys, ClaimsPrincipal user, CancellationToken ct) =>
        Answer(await surveys.PublishAsync(id, user, ct));

    public static async Task<Results<Ok<SurveyDetail>, ProblemHttpResult>> Close(long id, bool? confirm, SurveyAuthoring surveys, ClaimsPrincipal user,
        CancellationToken ct)
    {
        var outcome = await surveys.CloseAsync(id, confirm ?? false, user, ct);
        if (outcome.Succeeded || outcome is not { Kind: OutcomeKind.Conflict, Field: "confirm" }) return Answer(outcome);
        return Problems.Refusal(outcome).With("openExtensions", await surveys.OpenExtensionsAsync(id, user, ct));
    }

    public static async Task<Results<Ok<SurveyDetail>, ProblemHttpResult>> Reopen(long id, ReopenRequest body, SurveyAuthoring surveys, ClaimsPrincipal user,
        CancellationToken ct) =>
        Answer(await surveys.ReopenAsync(id, body.Reason, user, ct));

    public static async Task<Results<Ok<RosterView>, ProblemHttpResult>> Roster(long id, SurveyAuthoring surveys, ClaimsPrincipal user, CancellationToken ct) =>
        Answer(await surveys.GetRosterAsync(id, user, ct));

    public static async Task<Results<Ok<RosterView>, ProblemHttpResult>> SetRoster(long id, RosterRule rule, SurveyAuthoring surveys, ClaimsPrincipal user,
        CancellationToken ct) =>
        Answer(await surveys.SetRosterAsync(id, rule, user, ct));

    public static async Task<Results<Created<SurveyDetail>, ProblemHttpResult>> Copy(string tenant, long id, CopyRequest request, SurveyAuthoring surveys,
        ClaimsPrincipal user, CancellationToken ct) =>
        Created(tenant, await surveys.CopyAsync(id, request, user, ct));

    public static async Task<Results<Ok<RepeatWarning[]>, ProblemHttpResult>> Repeats(long id, SurveyAuthoring surveys, ClaimsPrincipal user, CancellationToken ct)
    {
        var outcome = await surveys.RepeatsAsync(id, user, ct);
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value!.ToArray()) : Problems.Refusal(outcome);
    }

    public static async Task<Results<Ok<DepartmentView[]>, ProblemHttpResult>> Departments(SurveyAuthoring surveys, ClaimsPrincipal user, CancellationToken ct)
    {
        var outcome = await surveys.DepartmentsAsync(user, ct);
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value!.ToArray()) : Problems.Refusal(outcome);
    }

    public static async Task<Results<Created<DepartmentView>, ProblemHttpResult>> AddDepartment(string tenant, DepartmentInput input, SurveyAuthoring surveys,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var outcome = await surveys.AddDepartmentAsync(input, user, ct);
        return outcome.Succeeded ? TypedResults.Created($"/api/v1/{tenant}/surveys/departments", outcome.Value!) : Problems.Refusal(outcome);
    }

    private static Results<Ok<T>, ProblemHttpResult> Answer<T>(Outcome<T> outcome) =>
        outcome.Succeeded ? TypedResults.Ok(outcome.Value!) : Problems.Refusal(outcome);

    private static Results<Created<SurveyDetail>, ProblemHttpResult> Created(string tenant, Outcome<SurveyDetail> outcome) =>
        outcome.Succeeded ? TypedResults.Created($"/api/v1/{tenant}/surveys/{outcome.Value!.Id}", outcome.Value) : Problems.Refusal(outcome);
}
