using DxCollab.Platform.Results;
using DxCollab.Platform.Text;
using DxCollab.Platform.Web;
using DxCollab.Procurement.Vendors;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.Procurement.Pages.Procurement;

/// <summary>Vendor Q&amp;A of a workspace: the lead records, answers and publishes; every reader sees published answers and
/// may leave a note; the export for vendors (質問1…, no vendor names).</summary>
public sealed class QuestionsModel(VendorQuestionService questions) : TenantPageModel
{
    [BindProperty] public VendorStage? Stage { get; set; }
    [BindProperty] public string? VendorName { get; set; }
    [BindProperty] public string? QuestionText { get; set; }
    [BindProperty] public DateOnly? ReceivedOn { get; set; }
    [BindProperty] public string? Answer { get; set; }
    [BindProperty] public string? NoteText { get; set; }

    public long Id { get; private set; }
    public VendorQuestionList List { get; private set; } = new(0, "", false, false, []);
    /// <summary>The question a refused form belongs to (null: the form recording a new question).</summary>
    public long? ErrorQuestionId { get; private set; }
    public string? ErrorField { get; private set; }
    public string? Error { get; private set; }

    public string? Invalid(string field, long? questionId = null) => ErrorField == field && ErrorQuestionId == questionId ? "true" : null;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostRecordAsync(long id, CancellationToken ct) =>
        await AfterAsync(id, null, await questions.RecordAsync(id, new VendorQuestionInput(Stage, VendorName, QuestionText, ReceivedOn, Answer), User, ct),
            q => $"質問（{q.VendorName}）を記録しました。", ct);

    public async Task<IActionResult> OnPostAnswerAsync(long id, long questionId, CancellationToken ct) =>
        await AfterAsync(id, questionId, await questions.AnswerAsync(id, questionId, new VendorAnswerInput(Answer), User, ct),
            q => q.Published ? "回答を直しました（公開中の回答が変わりました）。" : "回答を保存しました。まだ公開していません。", ct);

    public async Task<IActionResult> OnPostPublishAsync(long id, long questionId, CancellationToken ct) =>
        await AfterAsync(id, questionId, await questions.PublishAsync(id, questionId, User, ct), _ => "回答を参加団体に公開しました。", ct);

    public async Task<IActionResult> OnPostNoteAsync(long id, long questionId, CancellationToken ct) =>
        await AfterAsync(id, questionId, await questions.NoteAsync(id, questionId, new VendorNoteInput(NoteText), User, ct), _ => "コメントを送りました。", ct);

    private async Task<IActionResult> AfterAsync<T>(long id, long? questionId, Outcome<T> outcome, Func<T, string> notice, CancellationToken ct)
    {
        if (outcome.Succeeded)
        {
            TempData["Notice"] = notice(outcome.Value!);
            return Redirect(TenantUrl($"procurement/{id}/questions") + (questionId is { } q ? $"#question-{q}" : ""));
        }
        if (outcome.Kind is OutcomeKind.Forbidden or OutcomeKind.NotFound) return Refused(outcome.Kind);
        (ErrorQuestionId, ErrorField, Error) = (questionId, outcome.Field, outcome.Message);
        return await LoadAsync(id, ct) ?? RefusedPage(outcome.Kind);
    }

    private async Task<IActionResult?> LoadAsync(long id, CancellationToken ct)
    {
        Id = id;
        var outcome = await questions.ListAsync(id, User, ct);
        if (!outcome.Succeeded) return ForbidOrNotFound(outcome.Kind);
        List = outcome.Value!;
        ReceivedOn ??= JapaneseCalendar.TodayInTokyo(DateTimeOffset.UtcNow);
        SetBreadcrumbs(new Breadcrumb("共同調達", TenantUrl("procurement")), new Breadcrumb(List.WorkspaceTitle, TenantUrl($"procurement/{id}")),
            new Breadcrumb("事業者からの質問"));
        return null;
    }
}
