using DxCollab.Platform.Results;
using DxCollab.Platform.Web;
using DxCollab.Surveys.Access;
using DxCollab.Surveys.Authoring;
using DxCollab.Surveys.Domain;
using DxCollab.Surveys.Forms;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.Surveys.Pages.Surveys;

/// <summary>The question builder, without JavaScript: one form per question (save, move up/down, remove), one form to
/// add a question of any type, sections. Every change goes through <see cref="SurveyAuthoring.UpdateFormAsync"/>, so
/// the page refuses exactly what the API refuses (after publishing: additions only).</summary>
public sealed class QuestionsModel(SurveyAuthoring surveys) : TenantPageModel
{
    [FromRoute] public long Id { get; set; }
    [BindProperty] public BuilderQuestionForm Input { get; set; } = new();
    [BindProperty] public string? SectionKey { get; set; }
    [BindProperty] public string? SectionTitle { get; set; }
    [BindProperty] public string? Direction { get; set; }

    public SurveyDetail Survey { get; private set; } = null!;
    public IReadOnlyList<RepeatWarning> Repeats { get; private set; } = [];
    public AuthoringError? Error { get; private set; }
    /// <summary>The question (key) or "new" whose form shows the posted values and the error.</summary>
    public string? ErrorAt { get; private set; }
    public bool Published => Survey.State == SurveyState.Published;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public Task<IActionResult> OnPostAddSectionAsync(CancellationToken ct) => ChangeAsync(form =>
    {
        form.Sections.Add(new FormSection { Key = "", Title = SectionTitle?.Trim() ?? "" });
        return null;
    }, "セクションを追加しました。", "new-section", ct);

    public Task<IActionResult> OnPostRenameSectionAsync(CancellationToken ct) => ChangeAsync(form =>
    {
        if (form.Sections.FirstOrDefault(s => s.Key == SectionKey) is not { } section) return "セクションが見つかりません。";
        section.Title = SectionTitle?.Trim() ?? "";
        return null;
    }, "セクションの見出しを保存しました。", SectionKey, ct);

    public Task<IActionResult> OnPostRemoveSectionAsync(CancellationToken ct) => ChangeAsync(form =>
        form.Sections.RemoveAll(s => s.Key == SectionKey) == 0 ? "セクションが見つかりません。" : null, "セクションを削除しました。", SectionKey, ct);

    public Task<IActionResult> OnPostMoveSectionAsync(CancellationToken ct) => ChangeAsync(form =>
        Move(form.Sections, form.Sections.FindIndex(s => s.Key == SectionKey)), "セクションを移動しました。", SectionKey, ct);

    public Task<IActionResult> OnPostAddQuestionAsync(CancellationToken ct) => ChangeAsync(form =>
    {
        // No section chosen: the prefecture's last own one (a first question gets a section of its own). A relayed
        // survey's national sections hold only the national questions, so an added question never lands in one.
        var section = string.IsNullOrEmpty(Input.SectionKey)
            ? form.Sections.LastOrDefault(s => s.Origin == SectionOrigin.Prefecture)
            : form.Sections.FirstOrDefault(s => s.Key == Input.SectionKey);
        if (section?.Origin == SectionOrigin.National) return "国の調査項目のセクションには質問を追加できません。都道府県独自のセクションを選んでください。";
        if (section is null)
        {
            if (!string.IsNullOrEmpty(Input.SectionKey)) return "質問を入れるセクションが見つかりません。";
            form.Sections.Add(section = new FormSection { Key = "", Title = form.Sections.Count > 0 ? "都道府県独自の質問" : "質問" });
        }
        section.Questions.Add(Input.ToQuestion(null));
        return null;
    }, "質問を追加しました。", "new", ct);

    public Task<IActionResult> OnPostSaveQuestionAsync(CancellationToken ct) => ChangeAsync(form =>
    {
        var section = form.SectionOf(Input.Key ?? "");
        if (section is null) return "質問が見つかりません。";
        var index = section.Questions.FindIndex(q => q.Key == Input.Key);
        section.Questions[index] = Input.ToQuestion(section.Questions[index]);
        return null;
    }, "質問を保存しました。", Input.Key, ct);

    public Task<IActionResult> OnPostRemoveQuestionAsync(CancellationToken ct) => ChangeAsync(form =>
        form.SectionOf(Input.Key ?? "") is { } section && section.Questions.RemoveAll(q => q.Key == Input.Key) > 0 ? null : "質問が見つかりません。",
        "質問を削除しました。", Input.Key, ct);

    public Task<IActionResult> OnPostMoveQuestionAsync(CancellationToken ct) => ChangeAsync(form =>
        form.SectionOf(Input.Key ?? "") is { } section ? Move(section.Questions, section.Questions.FindIndex(q => q.Key == Input.Key)) : "質問が見つかりません。",
        "質問を移動しました。", Input.Key, ct);

    /// <summary>Up or down by one inside its list; the first can't go up, the last can't go down (nothing happens).</summary>
    private string? Move<T>(List<T> items, int index)
    {
        if (index < 0) return "見つかりません。";
        var target = Direction == "up" ? index - 1 : index + 1;
        if (target < 0 || target >= items.Count) return null;
        (items[index], items[target]) = (items[target], items[index]);
        return null;
    }

    private async Task<IActionResult> ChangeAsync(Func<SurveyForm, string?> change, string notice, string? at, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refusal) return refusal;
        var form = SurveyForm.FromJson(Survey.Form.ToJson());
        if (change(form) is { } problem) return Refused(OutcomeKind.Invalid, null, problem, at);
        var outcome = await surveys.UpdateFormAsync(Id, form, User, ct);
        if (!outcome.Succeeded) return Refused(outcome.Kind, outcome.Field, outcome.Message, at);
        TempData["Notice"] = notice + (Published ? "回答先に変更を通知しました。" : "");
        var anchor = at == "new" ? outcome.Value!.Form.Questions.LastOrDefault()?.Key : at;
        return Redirect(TenantUrl($"surveys/{Id}/questions") + (anchor is null ? "" : "#" + anchor));
    }

    private IActionResult Refused(OutcomeKind kind, string? field, string? message, string? at)
    {
        (Error, ErrorAt) = (new AuthoringError(field, message), at);
        return Refused(kind);
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (!User.MayAuthor()) return Forbid();
        var outcome = await surveys.GetAsync(Id, User, ct);
        if (!outcome.Succeeded) return NotFound();
        Survey = outcome.Value!;
        Repeats = (await surveys.RepeatsAsync(Id, User, ct)).Value ?? [];
        SetBreadcrumbs(new Breadcrumb("照会", TenantUrl("surveys")), new Breadcrumb(Survey.Title, TenantUrl($"surveys/{Id}")), new Breadcrumb("質問"));
        return null;
    }

    /// <summary>The questions before <paramref name="key"/> that a condition may use (choice and yes/no).</summary>
    public IReadOnlyList<Question> ConditionSources(string? key) =>
        Survey.Form.Questions.TakeWhile(q => q.Key != key)
            .Where(q => q.Type is QuestionType.SingleChoice or QuestionType.MultipleChoice or QuestionType.YesNo).ToList();
}
