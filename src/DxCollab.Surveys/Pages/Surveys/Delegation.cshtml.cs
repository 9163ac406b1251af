using DxCollab.Platform.Results;
using DxCollab.Platform.Web;
using DxCollab.Surveys.Prefill;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.Surveys.Pages.Surveys;

/// <summary>分担: the officer gives sections of its 団体's answer to colleagues with an internal deadline and a note, and
/// sees who has what and what is done. The prefecture's staff see it read-only; another 団体 gets 404.</summary>
public sealed class DelegationModel(DelegationService delegation) : TenantPageModel
{
    public sealed class Row
    {
        public string SectionKey { get; set; } = "";
        public string? AssigneeUserId { get; set; }
        public DateOnly? InternalDeadline { get; set; }
        public string? Note { get; set; }
    }

    [FromRoute(Name = "id")] public long Id { get; set; }
    [FromRoute(Name = "code")] public string Code { get; set; } = "";
    [BindProperty] public List<Row> Input { get; set; } = [];

    public DelegationBoard Board { get; private set; } = null!;
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        Input = [.. Board.Sections.Select(s => new Row
        {
            SectionKey = s.SectionKey, AssigneeUserId = s.AssigneeUserId, InternalDeadline = s.InternalDeadline, Note = s.Note,
        })];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var outcome = await delegation.AssignAsync(User, Id, Code,
                [.. Input.Select(r => new AssignmentInput(r.SectionKey, r.AssigneeUserId, r.InternalDeadline, r.Note))], ct);
            if (outcome.Kind == OutcomeKind.NotFound) return NotFound();
            if (outcome.Succeeded)
            {
                TempData["Notice"] = "分担を保存しました。新しく依頼した担当者には通知しました。";
                return Redirect(TenantUrl($"surveys/{Id}/answer/{Uri.EscapeDataString(Code)}/delegation"));
            }
            Error = outcome.Message;
            if (outcome.Field is { } field) ModelState.AddModelError(PageField(field), outcome.Message ?? "");
            Response.StatusCode = outcome.Kind.StatusCode();
        }
        else
        {
            Error = "入力内容を確認してください。";
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    /// <summary>The error of one input (the service names it "assignments[i].assigneeUserId"), or null.</summary>
    public string? ErrorOf(int index, string property) =>
        ModelState.TryGetValue($"Input[{index}].{property}", out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    private static string PageField(string field)
    {
        // assignments[0].internalDeadline → Input[0].InternalDeadline
        var dot = field.IndexOf('.');
        if (!field.StartsWith("assignments[", StringComparison.Ordinal) || dot < 0) return string.Empty;
        var property = field[(dot + 1)..];
        return "Input" + field["assignments".Length..dot] + "." + char.ToUpperInvariant(property[0]) + property[1..];
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var outcome = await delegation.BoardAsync(User, Id, Code, ct);
        if (!outcome.Succeeded) return false;
        Board = outcome.Value!;
        SetBreadcrumbs(new Breadcrumb("照会", TenantUrl("surveys")), new Breadcrumb(Board.SurveyTitle, TenantUrl($"surveys/{Id}")),
            new Breadcrumb($"回答（{Board.RespondentName}）", AnswerUrl), new Breadcrumb("分担"));
        return true;
    }

    public string AnswerUrl => TenantUrl($"surveys/{Id}/answer/{Uri.EscapeDataString(Code)}");
}
