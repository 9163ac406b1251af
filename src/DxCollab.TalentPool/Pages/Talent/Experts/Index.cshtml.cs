using DxCollab.Platform.Web;
using DxCollab.TalentPool.Access;
using DxCollab.TalentPool.Domain;
using DxCollab.TalentPool.Pool;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.TalentPool.Pages.Talent.Experts;

/// <summary>The pool's experts with filters (the prefecture's staff). Works as a plain GET form.</summary>
public sealed class IndexModel(ExpertService experts, SkillAreaService skills) : TenantPageModel
{
    [BindProperty(SupportsGet = true)] public long? Skill { get; set; }
    [BindProperty(SupportsGet = true)] public EngagementForm? Form { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; } = "active";
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public IReadOnlyList<ExpertView> Items { get; private set; } = [];
    public IReadOnlyList<SkillAreaView> Areas { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!User.MayManagePool()) return Forbid();
        bool? active = Status switch { "retired" => false, "all" => null, _ => true };
        Items = (await experts.ListAsync(new ExpertFilter(Skill, Form, active, Q), User, ct)).Value ?? [];
        Areas = await skills.ListAsync(includeRetired: true, ct);
        SetBreadcrumbs(new Breadcrumb("人材プール", TenantUrl("talent")), new Breadcrumb("専門人材"));
        return Page();
    }
}
