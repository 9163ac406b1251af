using DxCollab.Platform.Results;
using DxCollab.Platform.Web;
using DxCollab.TalentPool.Domain;
using DxCollab.TalentPool.Pool;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.TalentPool.Pages.Talent.Experts;

/// <summary>What the new and edit pages share: the skill areas offered, and a refusal shown beside the field it names.</summary>
public abstract class ExpertFormPage(SkillAreaService skills) : TenantPageModel
{
    [BindProperty] public ExpertForm Form { get; set; } = new();

    public IReadOnlyList<SkillAreaView> Areas { get; private set; } = [];
    public string? ErrorField { get; private set; }
    public string? ErrorMessage { get; private set; }

    /// <summary>"true" for the input the refusal names (aria-invalid), else null (no attribute).</summary>
    public string? Invalid(string field) => ErrorField == field ? "true" : null;

    /// <summary>Active areas, plus retired ones still on this profile.</summary>
    protected async Task LoadAreasAsync(CancellationToken ct)
    {
        var all = await skills.ListAsync(includeRetired: true, ct);
        Areas = [.. all.Where(a => !a.Retired || Form.Levels.GetValueOrDefault(a.Id) > 0)];
        Form.PadAvailability();
    }

    protected async Task<IActionResult> ShowRefusalAsync(Outcome<ExpertView> outcome, CancellationToken ct)
    {
        if (outcome.Kind is OutcomeKind.Forbidden or OutcomeKind.NotFound) return Refused(outcome.Kind);
        (ErrorField, ErrorMessage) = (outcome.Field, outcome.Message);
        await LoadAreasAsync(ct);
        return RefusedPage(outcome.Kind);
    }
}
