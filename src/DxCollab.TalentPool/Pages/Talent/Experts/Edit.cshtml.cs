using DxCollab.Platform.Web;
using DxCollab.TalentPool.Access;
using DxCollab.TalentPool.Pool;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.TalentPool.Pages.Talent.Experts;

/// <summary>Changing an expert's profile (the whole profile is saved, as the API's PUT).</summary>
public sealed class EditModel(ExpertService experts, SkillAreaService skills) : ExpertFormPage(skills)
{
    [BindProperty(SupportsGet = true)] public long Id { get; set; }
    public string ExpertName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!User.MayManagePool()) return Forbid();
        var found = await experts.GetAsync(Id, User, ct);
        if (!found.Succeeded) return ForbidOrNotFound(found.Kind);
        Form = ExpertForm.From(found.Value!);
        SetTrail(found.Value!.Name);
        await LoadAreasAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await experts.UpdateAsync(Id, Form.ToInput(), User, ct);
        if (!outcome.Succeeded)
        {
            SetTrail(Form.Name ?? "");
            return await ShowRefusalAsync(outcome, ct);
        }
        TempData["Notice"] = "プロフィールを保存しました。";
        return Redirect(TenantUrl($"talent/experts/{Id}"));
    }

    private void SetTrail(string name)
    {
        ExpertName = name;
        SetBreadcrumbs(new Breadcrumb("人材プール", TenantUrl("talent")), new Breadcrumb("専門人材", TenantUrl("talent/experts")),
            new Breadcrumb(name, TenantUrl($"talent/experts/{Id}")), new Breadcrumb("変更"));
    }
}
