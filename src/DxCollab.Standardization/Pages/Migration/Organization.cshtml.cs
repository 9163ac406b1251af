using DxCollab.Platform.Identity;
using DxCollab.Platform.Organizations;
using DxCollab.Platform.ReferenceData;
using DxCollab.Standardization;
using DxCollab.Standardization.Tracking;
using DxCollab.Platform.Visibility;
using DxCollab.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.Standardization.Pages.Migration;

/// <summary>One 団体's 標準化 progress: the 業務 × 40 steps grid with 完了率 per 業務, a bulk form (業務 × a range of
/// steps → one status) for its own officers and the prefecture's staff, and the changes of the last 31 days (a peer
/// reads who as 「○○市の担当者」, docs/visibility.md).</summary>
public sealed class OrganizationModel(OrganizationDirectory directory, StepTracker tracker, SystemFacts facts, TimeProvider clock,
    ActorNames actors) : TenantPageModel
{
    public sealed class UpdateInput
    {
        public List<int> Businesses { get; set; } = [];
        public int FromStep { get; set; } = 1;
        public int ToStep { get; set; } = 1;
        public StepStatus Status { get; set; } = StepStatus.Completed;
        public DateOnly? PlannedDate { get; set; }
        public DateOnly? ActualDate { get; set; }
        public string? Note { get; set; }
    }

    public sealed record BusinessRow(StandardBusiness Business, bool Enabled, IReadOnlyList<StepStatus> Steps, ProgressRates Rates);
    public sealed record ItemGroup(string Item, string Heading, int Span);
    public sealed record ChangeView(DateTime ChangedAtTokyo, string Business, string Step, StepStatus? From, StepStatus To, string? By, string Source);

    [FromRoute(Name = "orgCode")] public string OrgCode { get; set; } = "";
    [BindProperty] public UpdateInput Input { get; set; } = new();

    public OrganizationView Organization { get; private set; } = null!;
    public bool CanEdit { get; private set; }
    public IReadOnlyList<BusinessRow> Rows { get; private set; } = [];
    public ProgressRates Total { get; private set; }
    public BarChart Chart { get; private set; } = null!;
    public IReadOnlyList<ChangeView> Changes { get; private set; } = [];
    /// <summary>業務 flagged 特定移行支援システム (a badge in the row header).</summary>
    public IReadOnlySet<int> SpecificSupport { get; private set; } = new HashSet<int>();
    public static IReadOnlyList<MigrationStepDefinition> Steps => MigrationStepDefinition.All;
    public static IReadOnlyList<ItemGroup> Items { get; } = MigrationStepDefinition.All.GroupBy(s => s.Item)
        .Select(g => new ItemGroup(g.Key, g.First().ItemHeading, g.Count())).ToList();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        return Page();
    }

    /// <summary>「すべての業務を選ぶ」 without JavaScript: the form comes back with every 業務 ticked and the rest kept.</summary>
    public Task<IActionResult> OnPostSelectAllAsync(CancellationToken ct) => ReselectAsync(all: true, ct);

    public Task<IActionResult> OnPostSelectNoneAsync(CancellationToken ct) => ReselectAsync(all: false, ct);

    public async Task<IActionResult> OnPostUpdateAsync(CancellationToken ct)
    {
        if (!MigrationAccess.CanEdit(User, OrgCode)) return Forbid();
        if (!Enum.IsDefined(Input.Status)) ModelState.AddModelError("Input.Status", "状況を選んでください。");
        if (Input.FromStep is < 1 or > MigrationCatalog.StepCount) ModelState.AddModelError("Input.FromStep", "開始ステップを選んでください。");
        if (Input.ToStep is < 1 or > MigrationCatalog.StepCount) ModelState.AddModelError("Input.ToStep", "終了ステップを選んでください。");
        if (ModelState.IsValid)
        {
            var (from, to) = Input.FromStep <= Input.ToStep ? (Input.FromStep, Input.ToStep) : (Input.ToStep, Input.FromStep);
            var steps = Enumerable.Range(from, to - from + 1).ToList();
            var note = string.IsNullOrWhiteSpace(Input.Note) ? null : Input.Note.Trim();
            var result = await tracker.UpdateAsync(OrgCode, Input.Businesses.Distinct().ToList(), steps,
                new StepUpdate(Input.Status, Input.PlannedDate, Input.ActualDate, note),
                User.ActorLabel(), "screen", ct);
            if (result.Succeeded)
            {
                TempData["Notice"] = result.Changed == 0
                    ? "変更はありませんでした（選んだステップはすでにその状況です）。"
                    : $"{result.Changed}件を更新しました" + (result.Unchanged > 0 ? $"（{result.Unchanged}件は変更なし）。" : "。");
                return RedirectToPage(new { tenant = Tenant.Identifier, orgCode = OrgCode });
            }
            foreach (var (field, messages) in result.Errors)
                foreach (var message in messages)
                    ModelState.AddModelError(FieldName(field), message);
        }
        if (!await LoadAsync(ct)) return NotFound();
        return Page();
    }

    private async Task<IActionResult> ReselectAsync(bool all, CancellationToken ct)
    {
        if (!MigrationAccess.CanEdit(User, OrgCode)) return Forbid();
        ModelState.Clear();
        if (!await LoadAsync(ct)) return NotFound();
        Input.Businesses = all ? [.. Rows.Where(r => r.Enabled).Select(r => r.Business.Number)] : [];
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var org = await directory.FindAsync(OrgCode, ct);
        if (org is null || org.AbolishedOn is not null) return false;
        Organization = org;
        CanEdit = MigrationAccess.CanEdit(User, OrgCode);

        var reported = MigrationCatalog.BusinessesOf(org.Type);
        var systems = await facts.ListAsync(OrgCode, ct) ?? [];
        var disabled = systems.Where(s => !s.Enabled).Select(s => s.Business.Number).ToHashSet();
        SpecificSupport = systems.Where(s => s.SpecificMigrationSupport).Select(s => s.Business.Number).ToHashSet();
        var cells = (await tracker.GridAsync(OrgCode, ct)).ToDictionary(p => (p.BusinessNumber, p.StepNumber), p => p.Status);
        Rows = reported.Select(number =>
        {
            var statuses = Steps.Select(s => cells.GetValueOrDefault((number, s.Number), StepStatus.NotStarted)).ToList();
            return new BusinessRow(StandardBusiness.All.First(b => b.Number == number), !disabled.Contains(number), statuses,
                ProgressMath.ForRow(statuses));
        }).ToList();
        var counted = Rows.Where(r => r.Enabled).ToList();
        Total = ProgressMath.ForGroup(counted.Select(r => (IReadOnlyCollection<StepStatus>)r.Steps));
        Chart = new BarChart("business-rates", $"{org.Name} の業務ごとの完了率",
            counted.Select(r => (r.Business.OfficialName, (double)r.Rates.CompletionPercent)).ToList(), "%", 100);

        var since = clock.GetUtcNow().UtcDateTime.AddDays(-31);
        var tokyo = DxCollab.Platform.Text.JapaneseCalendar.Tokyo;
        var changes = await tracker.ChangesSinceAsync(OrgCode, since, take: 100, ct);
        var actor = await actors.ForAsync(User, OrgCode, changes.Select(c => c.ChangedBy), ct);
        Changes = changes.Select(c => new ChangeView(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(c.ChangedAt, DateTimeKind.Utc), tokyo),
            StandardBusiness.All.FirstOrDefault(b => b.Number == c.BusinessNumber)?.OfficialName ?? c.BusinessNumber.ToString(),
            Steps.FirstOrDefault(s => s.Number == c.StepNumber)?.StepId ?? c.StepNumber.ToString(), c.FromStatus, c.ToStatus, actor(c.ChangedBy), c.Source)).ToList();

        SetBreadcrumbs(User.IsOfficerOf(OrgCode) && !User.IsPrefectureStaff()
            ? [new Breadcrumb($"標準化の進捗（{org.Name}）")]
            : [new Breadcrumb("標準化の進捗", TenantUrl("migration")), new Breadcrumb(org.Name)]);
        return true;
    }

    /// <summary>The one-letter cue shown in a cell next to its colour.</summary>
    public static string Symbol(StepStatus status) => status switch
    {
        StepStatus.Completed => "完",
        StepStatus.InProgress => "作",
        StepStatus.NotApplicable => "外",
        _ => "未",
    };

    public static string CssClass(StepStatus status) => status switch
    {
        StepStatus.Completed => "st-done",
        StepStatus.InProgress => "st-doing",
        StepStatus.NotApplicable => "st-na",
        _ => "st-todo",
    };

    public static string Percent(decimal value) => value.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);

    private static string FieldName(string field) => field switch
    {
        "businesses" => "Input.Businesses",
        "steps" => "Input.FromStep",
        "note" => "Input.Note",
        _ => string.Empty,
    };
}
