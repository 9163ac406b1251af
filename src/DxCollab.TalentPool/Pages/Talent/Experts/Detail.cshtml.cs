using DxCollab.Platform.Results;
using DxCollab.Platform.Web;
using DxCollab.TalentPool.Access;
using DxCollab.TalentPool.Pool;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.TalentPool.Pages.Talent.Experts;

/// <summary>An expert's profile: the staff retire or reactivate and invite the expert's account; the expert sees their own.</summary>
public sealed class DetailModel(ExpertService experts, ExpertAccounts accounts) : TenantPageModel
{
    [BindProperty(SupportsGet = true)] public long Id { get; set; }
    public ExpertView Expert { get; private set; } = null!;
    public bool MayManage { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostActiveAsync(bool active, CancellationToken ct) =>
        await AfterAsync(await experts.SetActiveAsync(Id, active, User, ct), active ? "再任にしました。候補に戻ります。" : "退任にしました。候補には出ません。", ct);

    public async Task<IActionResult> OnPostAccountAsync(CancellationToken ct) =>
        await AfterAsync(await accounts.InviteAsync(Id, User,
            (userId, token) => $"{Request.Scheme}://{Request.Host}{TenantUrl("invitation")}?userId={Uri.EscapeDataString(userId)}&token={Uri.EscapeDataString(token)}", ct),
            "アカウントを用意しました（新しいアカウントには招待メールを送りました）。", ct);

    private async Task<IActionResult> AfterAsync(Outcome<ExpertView> outcome, string notice, CancellationToken ct)
    {
        if (outcome.Kind is OutcomeKind.Forbidden or OutcomeKind.NotFound) return Refused(outcome.Kind);
        if (outcome.Succeeded)
        {
            TempData["Notice"] = notice;
            return Redirect(TenantUrl($"talent/experts/{Id}"));
        }
        Error = outcome.Message;
        return await LoadAsync(ct) ?? RefusedPage(outcome.Kind);
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var found = await experts.GetAsync(Id, User, ct);
        if (!found.Succeeded) return ForbidOrNotFound(found.Kind);
        Expert = found.Value!;
        MayManage = User.MayManagePool();
        SetBreadcrumbs(MayManage
            ? [new Breadcrumb("人材プール", TenantUrl("talent")), new Breadcrumb("専門人材", TenantUrl("talent/experts")), new Breadcrumb(Expert.Name)]
            : [new Breadcrumb("人材プール", TenantUrl("talent")), new Breadcrumb(Expert.Name)]);
        return null;
    }
}
