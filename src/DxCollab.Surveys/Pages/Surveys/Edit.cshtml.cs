using DxCollab.Platform.Web;
using DxCollab.Surveys.Access;
using DxCollab.Surveys.Authoring;
using DxCollab.Surveys.Domain;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.Surveys.Pages.Surveys;

/// <summary>The basics, the deadline and the roster (all municipalities, by 団体区分, or picked by hand, plus the
/// prefecture's departments). After publishing: extend the deadline, add respondents.</summary>
public sealed class EditModel(SurveyAuthoring surveys) : TenantPageModel
{
    public sealed class RosterForm
    {
        public RosterMode Mode { get; set; }
        public List<string> Categories { get; set; } = [];
        public List<string> Codes { get; set; } = [];
        public List<long> Departments { get; set; } = [];

        public static RosterForm From(RosterRule? saved)
        {
            var rule = saved ?? new RosterRule();
            return new RosterForm { Mode = rule.Mode, Categories = rule.CategoryList, Codes = rule.CodeList, Departments = rule.DepartmentList };
        }

        public RosterRule ToRule() => new(Mode, Mode == RosterMode.Categories ? Categories : null, Mode == RosterMode.Picked ? Codes : null,
            Departments.Count > 0 ? Departments : null);
    }

    [FromRoute] public long Id { get; set; }
    [BindProperty] public SurveyBasicsForm Basics { get; set; } = new();
    [BindProperty] public RosterForm Roster { get; set; } = new();

    public SurveyDetail Survey { get; private set; } = null!;
    public IReadOnlyList<RosterEntry> Municipalities { get; private set; } = [];
    public IReadOnlyList<DepartmentView> Departments { get; private set; } = [];
    public IReadOnlySet<string> Asked { get; private set; } = new HashSet<string>();
    public AuthoringError? BasicsError { get; private set; }
    public AuthoringError? RosterError { get; private set; }
    public bool Published => Survey.State == SurveyState.Published;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refusal) return refusal;
        Basics = SurveyBasicsForm.From(Survey);
        Roster = RosterForm.From(Survey.Roster);
        return Page();
    }

    public async Task<IActionResult> OnPostBasicsAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refusal) return refusal;
        var outcome = await surveys.UpdateAsync(Id, Basics.ToInput(), User, ct);
        if (outcome.Succeeded) return Saved("基本情報を保存しました。" + (outcome.Value!.DeadlineWarning is { } w ? " " + w.Message : ""));
        BasicsError = new AuthoringError(outcome.Field, outcome.Message);
        Roster = RosterForm.From(Survey.Roster);
        return Refused(outcome.Kind);
    }

    public async Task<IActionResult> OnPostRosterAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refusal) return refusal;
        var outcome = await surveys.SetRosterAsync(Id, Roster.ToRule(), User, ct);
        if (outcome.Succeeded) return Saved($"回答先を保存しました（{outcome.Value!.Entries.Count} 団体・部局）。" + (Published ? "追加した団体に通知しました。" : ""));
        RosterError = new AuthoringError(outcome.Field, outcome.Message);
        Basics = SurveyBasicsForm.From(Survey);
        return Refused(outcome.Kind);
    }

    private IActionResult Saved(string notice)
    {
        TempData["Notice"] = notice;
        return Redirect(TenantUrl($"surveys/{Id}"));
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (!User.MayAuthor()) return Forbid();
        var outcome = await surveys.GetAsync(Id, User, ct);
        if (!outcome.Succeeded) return NotFound();
        Survey = outcome.Value!;
        Municipalities = await surveys.MunicipalitiesAsync(ct);
        Departments = (await surveys.DepartmentsAsync(User, ct)).Value ?? [];
        if (Survey.State != SurveyState.Draft)
            Asked = (await surveys.GetRosterAsync(Id, User, ct)).Value?.Entries.Select(e => e.Code).ToHashSet() ?? [];
        SetBreadcrumbs(new Breadcrumb("照会", TenantUrl("surveys")), new Breadcrumb(Survey.Title, TenantUrl($"surveys/{Id}")), new Breadcrumb("編集"));
        return null;
    }
}
