using DxCollab.Platform.Identity;
using DxCollab.Platform.Results;
using DxCollab.Platform.Tenancy;
using DxCollab.Platform.Web;
using DxCollab.TalentPool.Advisers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DxCollab.TalentPool.Pages.TalentOps;

/// <summary>SystemAdmin: the national adviser catalogue (host level, read by every prefecture) as a list with an add form
/// and, with ?edit={id}, the same form filled in for one adviser. The same checks as PUT/POST /api/v1/talent/advisers.</summary>
[HostLevel]
[Authorize(Policy = Policies.SystemAdmin)]
public sealed class AdvisersModel(AdviserCatalog catalog) : PageModel
{
    public const string Path = "/ops/talent/advisers";

    [BindProperty(SupportsGet = true)] public long? Edit { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Scheme { get; set; }
    [BindProperty] public string? Affiliation { get; set; }
    [BindProperty] public string? Skills { get; set; }
    [BindProperty] public bool Active { get; set; } = true;

    public IReadOnlyList<AdviserView> Advisers { get; private set; } = [];
    public AdviserView? Editing { get; private set; }
    public string? ErrorField { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Edit is null) return Page();
        if (Editing is null) return NotFound();
        (Name, Scheme, Affiliation, Skills, Active) = (Editing.Name, Editing.Scheme, Editing.Affiliation, Editing.Skills, Editing.Active);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var input = new AdviserInput(Name, Scheme, Affiliation, Skills, Active);
        var outcome = Edit is { } id ? await catalog.UpdateAsync(id, input, User, ct) : await catalog.CreateAsync(input, User, ct);
        if (outcome.Succeeded)
        {
            TempData["Notice"] = Edit is null ? $"{outcome.Value!.Name} さんを名簿に追加しました。" : $"{outcome.Value!.Name} さんの登録を変更しました。";
            return Redirect(Path);
        }
        if (outcome.Kind == OutcomeKind.NotFound) return NotFound();
        (ErrorField, Error) = (outcome.Field, outcome.Message);
        Response.StatusCode = outcome.Kind.StatusCode();
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Advisers = await catalog.ListAsync(includeInactive: true, ct);
        Editing = Edit is { } id ? Advisers.FirstOrDefault(a => a.Id == id) : null;
        ViewData["Breadcrumbs"] = new List<Breadcrumb> { new("国・運用ホーム", "/ops"), new("国のアドバイザー名簿") };
    }
}
