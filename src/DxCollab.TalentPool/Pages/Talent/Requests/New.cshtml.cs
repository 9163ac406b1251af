using DxCollab.Platform.Files;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Results;
using DxCollab.Platform.Text;
using DxCollab.Platform.Web;
using DxCollab.TalentPool.Access;
using DxCollab.TalentPool.Requests;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DxCollab.TalentPool.Pages.Talent.Requests;

/// <summary>ガイド付きの依頼 (municipal officers): pick a theme card or 「相談したい」, answer the theme's questions and say
/// urgency, period, on site or online and attach documents, then confirm. Plain form posts, no script needed; every
/// step carries what was typed, so a mistake never costs the officer their text.</summary>
[RequestSizeLimit(UploadPolicy.RequestCeiling)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadPolicy.RequestCeiling)]
public sealed class NewModel(RequestService requests) : TenantPageModel
{
    public enum IntakeStep { Cards, Questions, Confirm }

    [BindProperty] public IntakeForm Form { get; set; } = new();
    [BindProperty] public List<IFormFile> Uploads { get; set; } = [];

    public IntakeStep Step { get; private set; }
    public SupportTheme? Theme { get; private set; }
    public IReadOnlyList<IntakeError> Errors { get; private set; } = [];
    public DateOnly Today => requests.TodayInTokyo;
    public UploadPolicy Policy => requests.UploadPolicy;

    public string? ErrorOf(string field) => Errors.FirstOrDefault(e => e.Field == field)?.Message;

    public IActionResult OnGet(string? theme)
    {
        if (!MayRequest()) return Forbid();
        Form.Theme = theme;
        return Show(string.IsNullOrEmpty(theme) ? IntakeStep.Cards : IntakeStep.Questions);
    }

    /// <summary>Questions answered: check them, store new documents, and show the confirmation (or the questions again).</summary>
    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        if (!MayRequest()) return Forbid();
        ModelState.Clear();
        var (input, errors) = Form.ToInput();
        errors.AddRange(IntakeRules.Check(input, Today).Where(e => errors.All(d => d.Field != e.Field)));
        foreach (var upload in Uploads.Where(u => u.Length > 0))
        {
            if (Form.FileIds.Count >= Policy.MaxFilesPerRequest)
            {
                errors.Add(new("uploads", $"添付できる資料は {Policy.MaxFilesPerRequest} 件までです。"));
                break;
            }
            var stored = await requests.UploadAsync(upload, User, ct);
            if (!stored.Succeeded)
            {
                errors.Add(new("uploads", stored.Message ?? "ファイルを受け付けられませんでした。"));
                continue;
            }
            Form.FileIds.Add(stored.Value!.Id);
            Form.FileNames.Add(stored.Value.FileName);
        }
        Errors = errors;
        return errors.Count > 0 ? Show(IntakeStep.Questions, StatusCodes.Status400BadRequest) : Show(IntakeStep.Confirm);
    }

    /// <summary>「戻って直す」: the questions again, filled in.</summary>
    public IActionResult OnPostEdit()
    {
        if (!MayRequest()) return Forbid();
        ModelState.Clear();
        return Show(IntakeStep.Questions);
    }

    public async Task<IActionResult> OnPostSubmitAsync(CancellationToken ct)
    {
        if (!MayRequest()) return Forbid();
        ModelState.Clear();
        var (input, dateErrors) = Form.ToInput();
        if (dateErrors.Count > 0)
        {
            Errors = dateErrors;
            return Show(IntakeStep.Questions, StatusCodes.Status400BadRequest);
        }
        var outcome = await requests.CreateAsync(input, User, ct);
        if (outcome.Succeeded)
        {
            TempData["Notice"] = Form.IsConsult ? "相談を受け付けました。都道府県からの返事をこのページでお待ちください。" : "依頼を受け付けました。都道府県が調整を始めるとお知らせします。";
            return Redirect(TenantUrl($"talent/requests/{outcome.Value!.Id}"));
        }
        if (outcome.Kind == OutcomeKind.Forbidden) return Forbid();
        Errors = [new(outcome.Field ?? "", outcome.Message ?? "")];
        return Show(IntakeStep.Questions, outcome.Kind.StatusCode());
    }

    private bool MayRequest() => User.OwnOrganizationCode() is { } code && User.MayRequestFor(code);

    private PageResult Show(IntakeStep step, int status = StatusCodes.Status200OK)
    {
        Theme = ThemeCatalog.Find(Form.Theme);
        if (step != IntakeStep.Cards && Theme is null && !Form.IsConsult)
        {
            // An unknown card (an old link): back to the cards.
            step = IntakeStep.Cards;
            Errors = [new("theme", "そのテーマはありません。もう一度テーマを選んでください。")];
        }
        Step = step;
        SetBreadcrumbs(new Breadcrumb("人材プール", TenantUrl("talent")), new Breadcrumb("支援依頼", TenantUrl("talent/requests")),
            new Breadcrumb("支援を依頼する"));
        var page = Page();
        page.StatusCode = status;
        return page;
    }

    public static string DateText(string? text)
    {
        var date = IntakeForm.ReadDate(text, "", "", []);
        return date is { } d ? JapaneseCalendar.FormatWithWestern(d) : "指定なし";
    }
}
