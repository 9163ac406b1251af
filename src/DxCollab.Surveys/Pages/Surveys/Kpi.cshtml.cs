using DxCollab.Platform.Results;
using DxCollab.Platform.Text;
using DxCollab.Platform.Web;
using DxCollab.Surveys.SpecialForms;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.Surveys.Pages.Surveys;

/// <summary>The KPI progress table: 区分 per KPI per 団体 (staff see every 団体, an officer its own).</summary>
public sealed class KpiModel(KpiTableService table) : TenantPageModel
{
    public KpiTableView Table { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var outcome = await table.GetAsync(id, User, ct);
        if (outcome.Kind == OutcomeKind.NotFound) return NotFound();
        Table = outcome.Value!;
        SetBreadcrumbs(new Breadcrumb("照会", TenantUrl("surveys")), new Breadcrumb(Table.Survey.Title));
        return Page();
    }

    public static string Figure(decimal? value, string? unit) => value is { } v ? $"{v:#,0.##}{unit}" : "—";

    public static string Date(DateOnly? date) => date is { } d ? JapaneseCalendar.Format(d) : "—";
}
