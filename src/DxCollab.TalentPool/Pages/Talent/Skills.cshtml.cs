using DxCollab.Platform.Results;
using DxCollab.Platform.Web;
using DxCollab.TalentPool.Access;
using DxCollab.TalentPool.Pool;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.TalentPool.Pages.Talent;

/// <summary>The tenant's skill taxonomy (the prefecture's staff): add, rename, reorder, stop offering or bring back.</summary>
public sealed class SkillsModel(SkillAreaService skills) : TenantPageModel
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public int? SortOrder { get; set; }
    [BindProperty] public long AreaId { get; set; }
    [BindProperty] public bool Retired { get; set; }

    public IReadOnlyList<SkillAreaView> Items { get; private set; } = [];
    public string? Error { get; private set; }
    public long? ErrorArea { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct) =>
        await AfterAsync(await skills.CreateAsync(new SkillAreaInput(Name, SortOrder), User, ct), null, $"スキル分野「{Name?.Trim()}」を追加しました。", ct);

    public async Task<IActionResult> OnPostRenameAsync(CancellationToken ct) =>
        await AfterAsync(await skills.UpdateAsync(AreaId, new SkillAreaChange(Name, SortOrder), User, ct), AreaId, "スキル分野を変更しました。", ct);

    public async Task<IActionResult> OnPostRetireAsync(CancellationToken ct) =>
        await AfterAsync(await skills.UpdateAsync(AreaId, new SkillAreaChange(Retired: Retired), User, ct), AreaId,
            Retired ? "スキル分野を使わないようにしました（登録済みのプロフィールには残ります）。" : "スキル分野を使うように戻しました。", ct);

    private async Task<IActionResult> AfterAsync(Outcome<SkillAreaView> outcome, long? area, string notice, CancellationToken ct)
    {
        if (outcome.Kind is OutcomeKind.Forbidden or OutcomeKind.NotFound) return Refused(outcome.Kind);
        if (outcome.Succeeded)
        {
            TempData["Notice"] = notice;
            return Redirect(TenantUrl("talent/skills"));
        }
        (Error, ErrorArea) = (outcome.Message, area);
        return await LoadAsync(ct) ?? RefusedPage(outcome.Kind);
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (!User.MayManagePool()) return Forbid();
        Items = await skills.ListAsync(includeRetired: true, ct);
        SetBreadcrumbs(new Breadcrumb("人材プール", TenantUrl("talent")), new Breadcrumb("スキル分野"));
        return null;
    }
}
