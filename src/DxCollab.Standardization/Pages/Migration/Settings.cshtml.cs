using DxCollab.Platform.Identity;
using DxCollab.Platform.Web;
using DxCollab.Standardization.Tracking;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.Standardization.Pages.Migration;

/// <summary>The tenant's 標準化 settings: the PrefectureAdmin changes them, the prefecture's staff read them.</summary>
[Authorize(Policy = Policies.PrefectureStaff)]
public sealed class SettingsModel(MigrationSettingsEditor editor) : TenantPageModel
{
    public sealed class SettingsInput
    {
        public int? StalledAfterWeeks { get; set; }
        public int? EscalationAfterBusinessDays { get; set; }
        public int? MonthlyRequestBusinessDay { get; set; }
    }

    [BindProperty] public SettingsInput Input { get; set; } = new();
    public bool CanEdit => User.IsPrefectureAdmin();
    public MigrationSettings Current { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Input = new SettingsInput
        {
            StalledAfterWeeks = Current.StalledAfterWeeks,
            EscalationAfterBusinessDays = Current.EscalationAfterBusinessDays,
            MonthlyRequestBusinessDay = Current.MonthlyRequestBusinessDay,
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanEdit) return Forbid();
        // A value that is not a whole number never reaches the editor: say so in Japanese instead of the framework's English.
        foreach (var (key, _, label) in Fields)
            if (ModelState.TryGetValue("Input." + key, out var entry) && entry.Errors.Count > 0)
            {
                entry.Errors.Clear();
                ModelState.AddModelError("Input." + key, $"{label}は半角の整数で入力してください。");
            }
        if (ModelState.IsValid)
        {
            var errors = await editor.SaveAsync(new MigrationSettingsInput(Input.StalledAfterWeeks, Input.EscalationAfterBusinessDays,
                Input.MonthlyRequestBusinessDay), User.ActorLabel(), ct);
            if (errors.Count == 0)
            {
                TempData["Notice"] = "標準化の設定を保存しました。";
                return RedirectToPage(new { tenant = Tenant.Identifier });
            }
            foreach (var (key, field, _) in Fields)
                if (errors.TryGetValue(field, out var messages))
                    foreach (var message in messages) ModelState.AddModelError("Input." + key, message);
        }
        await LoadAsync(ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private static readonly (string Key, string Field, string Label)[] Fields =
    [
        (nameof(SettingsInput.StalledAfterWeeks), "stalledAfterWeeks", "停滞とみなす期間"),
        (nameof(SettingsInput.EscalationAfterBusinessDays), "escalationAfterBusinessDays", "都道府県へ知らせるまでの日数"),
        (nameof(SettingsInput.MonthlyRequestBusinessDay), "monthlyRequestBusinessDay", "毎月の更新依頼日"),
    ];

    private async Task LoadAsync(CancellationToken ct)
    {
        Current = await editor.CurrentAsync(ct);
        SetBreadcrumbs(new Breadcrumb("標準化の進捗", TenantUrl("migration")), new Breadcrumb("標準化の設定"));
    }
}
