using DxCollab.Platform.Files;
using DxCollab.Platform.Results;
using DxCollab.Platform.Threads;
using DxCollab.Platform.Web;
using DxCollab.Surveys.Access;
using DxCollab.Surveys.Authoring;
using DxCollab.Surveys.Domain;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.Surveys.Pages.Surveys;

/// <summary>Questions about one survey: the staff see every respondent's, an officer its own 団体's and asks new ones
/// (the form is on this page; files may be attached).</summary>
[RequestSizeLimit(UploadPolicy.RequestCeiling)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadPolicy.RequestCeiling)]
public sealed class ThreadsModel(SurveyQuestions questions, SurveyAuthoring surveys, FileStore files) : TenantPageModel
{
    [FromRoute] public long Id { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Body { get; set; }
    [BindProperty] public List<IFormFile> Attachments { get; set; } = [];

    public SurveyDetail Survey { get; private set; } = null!;
    public IReadOnlyList<ThreadSummary> Items { get; private set; } = [];
    public bool CanAsk => Survey.OwnRespondentCode is not null && Survey.State != SurveyState.Draft;
    public AuthoringError? Error { get; private set; }
    public UploadPolicy FileOptions => files.Policy(SurveyThreadSubject.UploadPurposeName);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refusal) return refusal;
        var outcome = await questions.OpenAsync(Id, Title, Body, Attachments, User, ct);
        if (outcome.Succeeded)
        {
            TempData["Notice"] = "質問を送りました。都道府県の担当者に通知しました。";
            return Redirect(TenantUrl($"surveys/{Id}/threads/{outcome.Value!.Thread.Id}"));
        }
        if (outcome.Kind == OutcomeKind.Forbidden) return Forbid();
        Error = new AuthoringError(outcome.Field, outcome.Message);
        return RefusedPage(outcome.Kind);
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var survey = await surveys.GetAsync(Id, User, ct);
        if (!survey.Succeeded) return NotFound();
        Survey = survey.Value!;
        var list = await questions.ListAsync(Id, User, ct);
        if (!list.Succeeded) return ForbidOrNotFound(list.Kind);
        Items = list.Value!;
        SetBreadcrumbs(new Breadcrumb("照会", TenantUrl("surveys")), new Breadcrumb(Survey.Title, TenantUrl($"surveys/{Id}")), new Breadcrumb("照会への質問"));
        return null;
    }
}
