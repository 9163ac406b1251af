using DxCollab.Platform.Web;
using DxCollab.TalentPool.Access;
using DxCollab.TalentPool.Pool;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.TalentPool.Pages.Talent.Experts;

/// <summary>Registering an expert (the prefecture's staff).</summary>
public sealed class NewModel(ExpertService experts, SkillAreaService skills) : ExpertFormPage(skills)
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!User.MayManagePool()) return Forbid();
        Form.MonthlyCapacityHours = 20;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await experts.CreateAsync(Form.ToInput(), User, ct);
        if (!outcome.Succeeded)
        {
            SetTrail();
            return await ShowRefusalAsync(outcome, ct);
        }
        TempData["Notice"] = $"{outcome.Value!.Name} さんを登録しました。";
        return Redirect(TenantUrl($"talent/experts/{outcome.Value.Id}"));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        SetTrail();
        await LoadAreasAsync(ct);
    }

    private void SetTrail() => SetBreadcrumbs(new Breadcrumb("人材プール", TenantUrl("talent")), new Breadcrumb("専門人材", TenantUrl("talent/experts")),
        new Breadcrumb("新しく登録"));
}
