using DxCollab.Platform.Results;
using DxCollab.Platform.Web;
using DxCollab.Surveys.Access;
using DxCollab.Surveys.Authoring;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.Surveys.Pages.Surveys;

/// <summary>The prefecture's departments (部局・課) that can be on a roster; one no longer used is switched off, not
/// deleted (past responses still name it).</summary>
public sealed class DepartmentsModel(SurveyAuthoring surveys) : TenantPageModel
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public long DepartmentId { get; set; }
    [BindProperty] public bool Active { get; set; }

    public IReadOnlyList<DepartmentView> Items { get; private set; } = [];
    public AuthoringError? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        var outcome = await surveys.AddDepartmentAsync(new DepartmentInput(Name), User, ct);
        return await AfterAsync(outcome, $"部局「{Name?.Trim()}」を登録しました。", ct);
    }

    public async Task<IActionResult> OnPostSetActiveAsync(CancellationToken ct)
    {
        var outcome = await surveys.SetDepartmentActiveAsync(DepartmentId, Active, User, ct);
        return await AfterAsync(outcome, Active ? "部局を使うようにしました。" : "部局を使わないようにしました。", ct);
    }

    private async Task<IActionResult> AfterAsync(Outcome<DepartmentView> outcome, string notice, CancellationToken ct)
    {
        if (outcome.Kind == OutcomeKind.Forbidden) return Forbid();
        if (outcome.Succeeded)
        {
            TempData["Notice"] = notice;
            return Redirect(TenantUrl("surveys/departments"));
        }
        Error = new AuthoringError(outcome.Field, outcome.Message);
        return await LoadAsync(ct) ?? RefusedPage(outcome.Kind);
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (!User.MayAuthor()) return Forbid();
        Items = (await surveys.DepartmentsAsync(User, ct)).Value ?? [];
        SetBreadcrumbs(new Breadcrumb("照会", TenantUrl("surveys")), new Breadcrumb("回答先にできる部局"));
        return null;
    }
}
