using DxCollab.Platform.Identity;
using DxCollab.Platform.Web;
using DxCollab.Standardization.Imports;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.Standardization.Pages.Migration;

/// <summary>The progress and then the report of one import run. Without JavaScript the page refreshes itself every
/// few seconds while the run is going; with JavaScript it polls the API and updates in place.</summary>
public sealed class ImportRunModel(ImportRuns runs) : TenantPageModel
{
    public const int RefreshSeconds = 3;

    [FromRoute(Name = "id")] public Guid Id { get; set; }
    public ImportRunView Run { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await runs.FindAsync(Id, User, ct) is not { } run) return NotFound();
        Run = run;
        var isStaff = User.IsPrefectureStaff();
        SetBreadcrumbs(isStaff
            ? [new Breadcrumb("標準化の進捗", TenantUrl("migration")), new Breadcrumb("総務省様式の取り込み", TenantUrl("migration/import")), new Breadcrumb(run.FileName)]
            : [new Breadcrumb("総務省様式の取り込み", TenantUrl("migration/import")), new Breadcrumb(run.FileName)]);
        return Page();
    }

    /// <summary>The same sentence the script writes, so both ways read alike.</summary>
    public static string ProgressText(ImportRunView run) => run.Status switch
    {
        "Queued" => "順番を待っています。",
        "Running" when run.RowsTotal is null => $"ファイルを読み取っています（{run.RowsRead} 行）。",
        "Running" when run.RowsApplied > 0 => $"反映しています: {run.RowsApplied} / {run.RowsTotal} 行。",
        "Running" => $"検証しています: {run.RowsValidated} / {run.RowsTotal} 行（読み取り {run.RowsRead} 行）。",
        "Completed" => $"完了: 読み取り {run.RowsRead} 行、検証 {run.RowsValidated} 行、反映 {run.RowsApplied} 行。",
        _ => "失敗しました。",
    };

    /// <summary>Validation and application each fill half of the bar.</summary>
    public static (int Value, int Max)? Bar(ImportRunView run) =>
        run.Finished ? (1, 1) : run.RowsTotal is { } total and > 0 ? (run.RowsValidated + run.RowsApplied, 2 * total) : null;
}
