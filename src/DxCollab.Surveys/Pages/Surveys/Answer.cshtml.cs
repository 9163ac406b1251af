using DxCollab.Platform.Files;
using DxCollab.Platform.Results;
using DxCollab.Platform.Text;
using DxCollab.Platform.Web;
using DxCollab.Surveys.Answering;
using DxCollab.Surveys.Forms;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.Surveys.Pages.Surveys;

/// <summary>The answer form, section by section, working without JavaScript. 一時保存 saves even with errors (shown,
/// values kept as typed); 提出 saves the draft first and then checks it, so a refused submission loses nothing; a save
/// refused because someone else saved meanwhile shows the typed text and the saved text side by side.</summary>
[RequestSizeLimit(UploadPolicy.RequestCeiling)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadPolicy.RequestCeiling)]
public sealed class AnswerModel(ResponseService responses, ResponseFiles files, FileStore store) : TenantPageModel
{
    [FromRoute(Name = "id")] public long SurveyId { get; set; }
    [FromRoute(Name = "code")] public string Code { get; set; } = "";

    public ResponseView View { get; private set; } = null!;
    /// <summary>The answers drawn in the inputs: the stored draft, or what was posted when the post was refused.</summary>
    public IReadOnlyDictionary<string, Answer> Shown { get; private set; } = new Dictionary<string, Answer>();
    /// <summary>The stored answers beside the typed ones after a stale save.</summary>
    public IReadOnlyDictionary<string, Answer>? Saved { get; private set; }
    public IReadOnlyList<AnswerError> Errors { get; private set; } = [];
    public string? Problem { get; private set; }
    public string Accept => store.Policy(SurveyUploads.Answers).Accept;
    public string FileDownloadBase => $"/api/v1/{Tenant.Identifier}/surveys/{SurveyId}/responses/{Code}/files";
    public string PagePath => TenantUrl($"surveys/{SurveyId}/answer/{Code}");

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var outcome = await responses.GetAsync(SurveyId, Code, User, ct);
        if (!outcome.Succeeded) return NotFound();
        if (!outcome.Value!.MayEdit) return Redirect(PagePath + "/view");
        Show(outcome.Value, null, draftErrors: true);
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(CancellationToken ct) => PostAsync(submit: false, confirm: null, ct);

    public Task<IActionResult> OnPostSubmitAsync(CancellationToken ct) => PostAsync(submit: true, confirm: null, ct);

    /// <summary>「確認」 (one answer, or "all"): what was typed is saved first, then the prefilled values are confirmed.</summary>
    public Task<IActionResult> OnPostConfirmAsync(string? confirm, CancellationToken ct) => PostAsync(submit: false, confirm ?? "all", ct);

    private async Task<IActionResult> PostAsync(bool submit, string? confirm, CancellationToken ct)
    {
        var current = await responses.GetAsync(SurveyId, Code, User, ct);
        if (!current.Succeeded) return NotFound();
        var form = current.Value!.Form;
        var posted = AnswerForm.Read(form, Request.Form);
        _ = int.TryParse(Request.Form["version"], out var version);

        // The draft (and any chosen file) is saved first, whatever follows: a refused submission loses nothing.
        var outcome = await responses.SaveDraftAsync(SurveyId, Code, new DraftInput(version, posted), User, ct);
        if (outcome.Succeeded) outcome = await UploadAsync(form, outcome, ct);
        if (outcome.Succeeded && confirm is not null)
            outcome = await responses.ConfirmAsync(SurveyId, Code, outcome.Value!.Version, confirm == "all" ? null : [confirm], User, ct);
        if (outcome.Succeeded && submit)
            outcome = await responses.SubmitAsync(SurveyId, Code, new DraftInput(outcome.Value!.Version, new Dictionary<string, Answer>()), User, ct);
        if (outcome.Succeeded)
        {
            TempData["Notice"] = submit ? "回答を提出しました。" : confirm is not null ? "値を確認しました。"
                : $"一時保存しました（{JapaneseCalendar.FormatTokyo(outcome.Value!.LastSavedAt ?? DateTime.UtcNow)}）。";
            return Redirect(submit ? PagePath + "/view" : PagePath + (confirm is null or "all" ? "" : $"#question-{confirm}"));
        }
        return await RefusedAsync(outcome, posted, submit, ct);
    }

    /// <summary>Files chosen in the form's file inputs, uploaded after the draft was saved (each is its own save).</summary>
    private async Task<Outcome<ResponseView>> UploadAsync(SurveyForm form, Outcome<ResponseView> saved, CancellationToken ct)
    {
        foreach (var q in form.Questions.Where(q => q.Type == QuestionType.File))
        {
            var upload = Request.Form.Files.GetFile(AnswerForm.Upload(q.Key));
            if (upload is null || upload.Length == 0) continue;
            var outcome = await files.UploadAsync(SurveyId, Code, q.Key, saved.Value!.Version, upload, User, ct);
            if (!outcome.Succeeded)
            {
                // The typed text is saved; only the file was refused: say so beside the question.
                var view = (await responses.GetAsync(SurveyId, Code, User, ct)).Value!;
                return new(outcome.Kind, view with { Errors = [new AnswerError(q.Key, AnswerRule.Files, outcome.Message ?? "")] }, q.Key, outcome.Message);
            }
            saved = outcome;
        }
        return saved;
    }

    private async Task<IActionResult> RefusedAsync(Outcome<ResponseView> outcome, Dictionary<string, Answer> posted, bool submit, CancellationToken ct)
    {
        if (outcome.Kind == OutcomeKind.NotFound) return NotFound();
        if (outcome.Kind == OutcomeKind.Forbidden) return Forbid();
        Response.StatusCode = outcome.Kind.StatusCode();
        var view = outcome.Value;
        if (view is null)
        {
            // Locked (closed, past the deadline, submitted): show what was typed, read-only, with the reason.
            var again = (await responses.GetAsync(SurveyId, Code, User, ct)).Value!;
            Problem = outcome.Message;
            Show(again, posted, draftErrors: false);
            return Page();
        }
        Problem = outcome.Message;
        if (outcome.Kind == OutcomeKind.Conflict)
        {
            // Someone else saved: keep the typed text in the inputs, show the saved text beside, and take the new version.
            Saved = view.Answers.Answers;
            Show(view, MergeFiles(posted, view), draftErrors: false);
            return Page();
        }
        // A refused submission or file: the draft is saved; show it with every error that applies.
        Show(view, null, draftErrors: !submit);
        return Page();
    }

    private static Dictionary<string, Answer> MergeFiles(Dictionary<string, Answer> posted, ResponseView view)
    {
        foreach (var (key, answer) in posted.Where(p => p.Value.FileIds is not null)) answer.FileIds = view.Answers[key]?.FileIds;
        return posted;
    }

    private void Show(ResponseView view, Dictionary<string, Answer>? typed, bool draftErrors)
    {
        View = view;
        Shown = typed ?? view.Answers.Answers;
        Errors = draftErrors
            ? [.. view.Errors.Where(e => e.Rule is not (AnswerRule.Required or AnswerRule.Confirmation))]
            : view.Errors;
        SetBreadcrumbs(new Breadcrumb("照会", TenantUrl("surveys")), new Breadcrumb(view.SurveyTitle, TenantUrl($"surveys/{SurveyId}")),
            new Breadcrumb($"回答（{view.RespondentName}）"));
    }

    public Shared.QuestionInput Input(Question q) => new(View.Form, q, Shown.GetValueOrDefault(q.Key),
        [.. Errors.Where(e => e.QuestionKey == q.Key)], View.Files, ReadOnly: !View.MayEdit, Saved: Saved?.GetValueOrDefault(q.Key),
        FileDownloadBase: FileDownloadBase, Accept: Accept);
}
