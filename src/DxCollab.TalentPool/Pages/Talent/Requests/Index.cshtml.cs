using DxCollab.Platform.Identity;
using DxCollab.Platform.Organizations;
using DxCollab.Platform.Results;
using DxCollab.Platform.Web;
using DxCollab.TalentPool.Access;
using DxCollab.TalentPool.Requests;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.TalentPool.Pages.Talent.Requests;

/// <summary>The requests: the staff see all (filters by state, theme and 団体; waiting ones first, the oldest first), an
/// officer its 団体's, an expert those of their assignments.</summary>
public sealed class IndexModel(RequestService requests, OrganizationDirectory organizations) : TenantPageModel
{
    [FromQuery(Name = "state")] public string? State { get; set; }
    [FromQuery(Name = "theme")] public string? Theme { get; set; }
    [FromQuery(Name = "organization")] public string? Organization { get; set; }

    public IReadOnlyList<RequestSummary> Items { get; private set; } = [];
    public IReadOnlyList<OrganizationView> Municipalities { get; private set; } = [];
    public bool IsStaff { get; private set; }
    public bool MayRequest { get; private set; }
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        IsStaff = User.MayManagePool();
        MayRequest = User.OwnOrganizationCode() is { } code && User.MayRequestFor(code);
        SetBreadcrumbs(new Breadcrumb("人材プール", TenantUrl("talent")), new Breadcrumb("支援依頼"));
        if (IsStaff) Municipalities = await organizations.ActiveMunicipalitiesAsync(ct);
        var outcome = await requests.ListAsync(new RequestFilter(State, Theme, Organization), User, ct);
        if (outcome.Kind == OutcomeKind.Forbidden) return Forbid();
        if (!outcome.Succeeded)
        {
            Problem = outcome.Message;
            return RefusedPage(outcome.Kind);
        }
        Items = outcome.Value!;
        return Page();
    }
}
