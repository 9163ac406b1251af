using DxCollab.Platform.Identity;
using DxCollab.Platform.Web;
using DxCollab.Surveys.SpecialForms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.Surveys.Pages.Surveys;

/// <summary>KPI 進捗表: the prefecture names the KPIs; every municipality gives, per KPI, its target, baseline, figure
/// and policy, and the table computes the 区分.</summary>
[Authorize(Policy = Policies.PrefectureStaff)]
public sealed class NewKpiModel(SpecialFormBuilder builder) : TenantPageModel
{
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Purpose { get; set; }
    [BindProperty] public DateOnly? Deadline { get; set; }
    [BindProperty] public string? Kpis { get; set; }
    [BindProperty] public bool Publish { get; set; } = true;
    public string? ErrorField { get; private set; }
    public string? Error { get; private set; }

    public void OnGet() => Breadcrumbs();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var kpis = (Kpis ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Select(Parse).ToList();
        var outcome = await builder.BuildKpiAsync(new KpiSurveyInput(Title, Purpose, Deadline, null, null, null, kpis, Publish), User.ActorLabel(), ct);
        if (outcome.Succeeded)
        {
            TempData["Notice"] = $"KPI 進捗表「{outcome.Value!.Title}」を作りました（管内の全市区町村）。";
            return Redirect(TenantUrl($"surveys/{outcome.Value.Id}/kpi"));
        }
        (ErrorField, Error) = (outcome.Field, outcome.Message);
        Breadcrumbs();
        return RefusedPage(outcome.Kind);
    }

    /// <summary>「名前 | 単位」 or just the name.</summary>
    private static KpiInput Parse(string line) => line.Split('|', 2) is [var name, var unit] ? new(name.Trim(), unit.Trim()) : new(line, null);

    private void Breadcrumbs() => SetBreadcrumbs(new Breadcrumb("照会", TenantUrl("surveys")), new Breadcrumb("KPI 進捗表を作る"));
}
