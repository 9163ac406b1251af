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

    /// <summary>One load of the answer for the whole post (survey, response, prefill); each step saves on it, and a view
    /// is built only when the page is drawn again (a refusal): a successful post redirects.</summary>
    private async Task<IActionResult> PostAsync(bool submit, string? confirm, CancellationToken ct)
    {
        var found = await responses.LoadAsync(SurveyId, Code, User, tracked: true, ct);
        if (!found.Succeeded) return NotFound();
        var loaded = found.Value!;
        var posted = AnswerForm.Read(loaded.Form, Request.Form);
        _ = int.TryParse(Request.Form["version"], out var version);

        // The draft (and any chosen file) is saved first, whatever follows: a refused submission loses nothing.
        var notSaved = await responses.SaveDraftAsync(loaded, new DraftInput(version, posted), ct);
        if (notSaved is { Kind: OutcomeKind.Invalid, Value: { } typedView })
        {
            // Text the rules refuse (NUL, bidi, invisible only): nothing was saved; the typed answers stay in the inputs.
            Response.StatusCode = OutcomeKind.Invalid.StatusCode();
            Problem = notSaved.Message;
            Show(typedView, MergeFiles(posted, typedView), draftErrors: false);
            return Page();
        }
        var refused = notSaved
            ?? await UploadAsync(loaded, ct)
            ?? (confirm is null ? null : await responses.ConfirmAsync(loaded, loaded.Version, confirm == "all" ? null : [confirm], ct))
            ?? (submit ? await responses.SubmitAsync(loaded, new DraftInput(loaded.Version, new Dictionary<string, Answer>()), ct) : null);
        if (refused is null)
        {
            TempData["Notice"] = submit ? "回答を提出しました。" : confirm is not null ? "値を確認しました。"
                : $"一時保存しました（{JapaneseCalendar.FormatTokyo(loaded.LastSavedAt ?? DateTime.UtcNow)}）。";
            return Redirect(submit ? PagePath + "/view" : PagePath + (confirm is null or "all" ? "" : $"#question-{confirm}"));
        }
        return await RefusedAsync(refused, loaded, posted, submit, ct);
    }

    /// <summary>Files chosen in the form's file inputs, attached after the draft was saved (each is its own save).</summary>
    private async Task<Outcome<ResponseView>?> UploadAsync(LoadedResponse loaded, CancellationToken ct)
    {
        foreach (var q in loaded.Form.Questions.Where(q => q.Type == QuestionType.File))
        {
            var upload = Request.Form.Files.GetFile(AnswerForm.Upload(q.Key));
            if (upload is null || upload.Length == 0) continue;
            if (await files.AttachAsync(loaded, q.Key, loaded.Version, upload, ct) is not { } refused) continue;
            // The typed text is saved; only the file was refused: say so beside the question.
            AnswerError[] error = [new AnswerError(q.Key, AnswerRule.Files, refused.Message ?? "")];
            var view = refused.Value is { } current ? current with { Errors = error } : await responses.ViewAsync(loaded, ct, error);
            return new(refused.Kind, view, q.Key, refused.Message);
        }
        return null;
    }

    private async Task<IActionResult> RefusedAsync(Outcome<ResponseView> outcome, LoadedResponse loaded, Dictionary<string, Answer> posted, bool submit,
        CancellationToken ct)
    {
        if (outcome.Kind == OutcomeKind.NotFound) return NotFound();
        if (outcome.Kind == OutcomeKind.Forbidden) return Forbid();
        Response.StatusCode = outcome.Kind.StatusCode();
        Problem = outcome.Message;
        if (outcome.Value is not { } view)
        {
            // Locked (closed, past the deadline, submitted): show what was typed, read-only, with the reason.
            Show(await responses.ViewAsync(loaded, ct), posted, draftErrors: false);
            return Page();
        }
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
