using DxCollab.Platform.Identity;
using DxCollab.Platform.Web;
using DxCollab.Surveys.Access;
using DxCollab.Surveys.Authoring;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.Surveys.Pages.Surveys;

/// <summary>The list of surveys: prefecture staff see every survey of the tenant (state, deadline 和暦, 提出 x/y); an
/// officer those its 団体 is asked, with its own status and the 開庁日 left, open ones first.</summary>
public sealed class IndexModel(SurveyAuthoring surveys) : TenantPageModel
{
    public bool IsStaff { get; private set; }
    public IReadOnlyList<SurveySummary> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        IsStaff = User.MayAuthor();
        var outcome = await surveys.ListAsync(User, ct);
        if (!outcome.Succeeded) return Forbid();
        Items = outcome.Value!;
        SetBreadcrumbs(new Breadcrumb("照会"));
        return Page();
    }
}
