using DxCollab.Platform.Identity;
using DxCollab.Platform.Organizations;
using DxCollab.Platform.ReferenceData;
using DxCollab.Platform.Visibility;
using DxCollab.Platform.Web;
using DxCollab.Standardization.Tracking;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.Standardization.Pages.Migration;

/// <summary>One 業務 system of one 団体: its facts (特定移行支援システム, 経過措置, vendor, target go-live), switching
/// the 業務 off when the 団体 does not run it (and back on), and its 40 steps with status and dates. A peer (another
/// 団体's officer, an expert) reads it without the reason, 経過措置, notes or who updated it (docs/visibility.md).</summary>
public sealed class SystemModel(OrganizationDirectory directory, SystemFacts facts, StepTracker tracker, ActorNames actors) : TenantPageModel
{
    public sealed class FactsInput
    {
        public bool SpecificMigrationSupport { get; set; }
        public string? SpecificSupportReason { get; set; }
        public DateOnly? SpecificSupportPlannedCompletion { get; set; }
        public string? TransitionalMeasures { get; set; }
        public string? VendorName { get; set; }
        public DateOnly? TargetGoLive { get; set; }
    }

    public sealed record StepRow(MigrationStepDefinition Step, StepStatus Status, DateOnly? PlannedDate, DateOnly? ActualDate, string? Note);

    [FromRoute(Name = "orgCode")] public string OrgCode { get; set; } = "";
    [FromRoute(Name = "business")] public string BusinessText { get; set; } = "";
    [BindProperty] public FactsInput Input { get; set; } = new();
    /// <summary>The switch-off form's 「確認しました」 box: without JavaScript the confirmation is this tick.</summary>
    [BindProperty] public bool ConfirmSwitchOff { get; set; }

    public OrganizationView Organization { get; private set; } = null!;
    public SystemView System { get; private set; } = null!;
    public bool CanEdit { get; private set; }
    public IReadOnlyList<StepRow> Steps { get; private set; } = [];
    public ProgressRates Rates { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        Input = new FactsInput
        {
            SpecificMigrationSupport = System.SpecificMigrationSupport, SpecificSupportReason = System.SpecificSupportReason,
            SpecificSupportPlannedCompletion = System.SpecificSupportPlannedCompletion, TransitionalMeasures = System.TransitionalMeasures,
            VendorName = System.VendorName, TargetGoLive = System.TargetGoLive,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostFactsAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (!CanEdit) return Forbid();
        var input = new SystemFactsInput(Input.SpecificMigrationSupport, Input.SpecificSupportReason, Input.SpecificSupportPlannedCompletion,
            Input.TransitionalMeasures, Input.VendorName, Input.TargetGoLive);
        foreach (var (field, messages) in SystemFacts.Validate(input))
            foreach (var message in messages)
                ModelState.AddModelError("Input." + char.ToUpperInvariant(field[0]) + field[1..], message);
        if (!ModelState.IsValid) return Page();
        await facts.SaveFactsAsync(OrgCode, System.Business.Number, input, Actor, ct);
        TempData["Notice"] = $"{System.Business.OfficialName}のシステム情報を保存しました。";
        return RedirectToPage(new { tenant = Tenant.Identifier, orgCode = OrgCode, business = System.Business.Number });
    }

    public async Task<IActionResult> OnPostSwitchAsync(bool enable, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (!CanEdit) return Forbid();
        if (!enable && !ConfirmSwitchOff)
        {
            ModelState.AddModelError(nameof(ConfirmSwitchOff), "対象外にするには「この団体はこの業務を行っていない」にチェックを入れてください。");
            Input = ToInput(System);
            return Page();
        }
        await facts.SetEnabledAsync(OrgCode, System.Business.Number, enable, Actor, ct);
        TempData["Notice"] = enable
            ? $"{System.Business.OfficialName}を対象に戻しました。記録済みのステップの状況もそのまま戻ります。"
            : $"{System.Business.OfficialName}をこの団体の対象外にしました。率には含めません（ステップの記録は残ります）。";
        return RedirectToPage(new { tenant = Tenant.Identifier, orgCode = OrgCode, business = System.Business.Number });
    }

    private string Actor => User.ActorLabel();

    private static FactsInput ToInput(SystemView s) => new()
    {
        SpecificMigrationSupport = s.SpecificMigrationSupport, SpecificSupportReason = s.SpecificSupportReason,
        SpecificSupportPlannedCompletion = s.SpecificSupportPlannedCompletion, TransitionalMeasures = s.TransitionalMeasures,
        VendorName = s.VendorName, TargetGoLive = s.TargetGoLive,
    };

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var org = await directory.FindAsync(OrgCode, ct);
        if (org is null || org.AbolishedOn is not null || MigrationCatalog.FindBusiness(BusinessText) is not { } business) return false;
        if (await facts.FindAsync(OrgCode, business.Number, ct) is not { } system) return false;
        Organization = org;
        var actor = await actors.ForAsync(User, OrgCode, [system.UpdatedBy], ct);
        System = system with
        {
            SpecificSupportReason = User.DetailOrWithheld(OrgCode, system.SpecificSupportReason),
            TransitionalMeasures = User.DetailOrWithheld(OrgCode, system.TransitionalMeasures),
            UpdatedBy = actor(system.UpdatedBy),
        };
        CanEdit = MigrationAccess.CanEdit(User, OrgCode);
        var cells = (await tracker.GridAsync(OrgCode, ct)).Where(p => p.BusinessNumber == business.Number).ToDictionary(p => p.StepNumber);
        Steps = MigrationStepDefinition.All.Select(s => cells.TryGetValue(s.Number, out var c)
            ? new StepRow(s, c.Status, c.PlannedDate, c.ActualDate, User.DetailOrWithheld(OrgCode, c.Note))
            : new StepRow(s, StepStatus.NotStarted, null, null, null)).ToList();
        Rates = ProgressMath.ForRow(Steps.Select(s => s.Status).ToList());

        var isStaff = User.IsPrefectureStaff();
        var orgCrumb = new Breadcrumb($"標準化の進捗（{org.Name}）", TenantUrl("migration/" + OrgCode));
        SetBreadcrumbs(isStaff
            ? [new Breadcrumb("標準化の進捗", TenantUrl("migration")), new Breadcrumb(org.Name, TenantUrl("migration/" + OrgCode)), new Breadcrumb(business.OfficialName)]
            : [orgCrumb, new Breadcrumb(business.OfficialName)]);
        return true;
    }

    public static string Date(DateOnly? date) => date is { } d ? Platform.Text.JapaneseCalendar.FormatWithWestern(d) : "—";
}
