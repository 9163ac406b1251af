using DxCollab.Platform.Results;
using DxCollab.Platform.Web;
using DxCollab.Procurement.Costs;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.Procurement.Pages.Procurement.Costs;

/// <summary>The cost-sharing calculator and the saved splits of a workspace. Works without JavaScript: 試算 posts the form
/// and shows the split; 保存 (the lead) keeps it.</summary>
public sealed class IndexModel(CostShareService costs) : TenantPageModel
{
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public long? InitialCost { get; set; }
    [BindProperty] public long? AnnualCost { get; set; }
    [BindProperty] public int? EqualPercent { get; set; } = 50;
    [BindProperty] public string? RemainderOrganizationCode { get; set; }
    [BindProperty] public long? DecisionId { get; set; }
    [BindProperty] public List<string> Codes { get; set; } = [];
    [BindProperty] public List<long?> Populations { get; set; } = [];

    public long Id { get; private set; }
    public CostShareList List { get; private set; } = new(0, "", false, []);
    public IReadOnlyList<CostPayer> Payers { get; private set; } = [];
    public CostShareView? Preview { get; private set; }
    public string? ErrorField { get; private set; }
    public string? Error { get; private set; }

    public string? Invalid(string field) => ErrorField == field ? "true" : null;

    public long? PopulationOf(string code) => Codes.IndexOf(code) is var i and >= 0 && i < Populations.Count ? Populations[i] : null;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostPreviewAsync(long id, CancellationToken ct)
    {
        var outcome = await costs.PreviewAsync(id, Input(), User, ct);
        if (outcome.Kind is OutcomeKind.Forbidden or OutcomeKind.NotFound) return Refused(outcome.Kind);
        if (outcome.Succeeded) Preview = outcome.Value;
        else (ErrorField, Error) = (outcome.Field, outcome.Message);
        return await LoadAsync(id, ct) ?? (outcome.Succeeded ? Page() : RefusedPage(outcome.Kind));
    }

    public async Task<IActionResult> OnPostSaveAsync(long id, CancellationToken ct)
    {
        var outcome = await costs.SaveAsync(id, Input(), User, ct);
        if (outcome.Kind is OutcomeKind.Forbidden or OutcomeKind.NotFound) return Refused(outcome.Kind);
        if (outcome.Succeeded)
        {
            TempData["Notice"] = $"費用按分「{outcome.Value!.Title}」を保存しました。";
            return Redirect(TenantUrl($"procurement/{id}/costs/{outcome.Value.Id}"));
        }
        (ErrorField, Error) = (outcome.Field, outcome.Message);
        return await LoadAsync(id, ct) ?? RefusedPage(outcome.Kind);
    }

    /// <summary>Fills the populations from a 団体コード,人口 file, keeping the rest of the form as typed.</summary>
    public async Task<IActionResult> OnPostImportAsync(long id, IFormFile? populationFile, CancellationToken ct)
    {
        Outcome<IReadOnlyList<CostMemberInput>> outcome;
        if (populationFile is null || populationFile.Length == 0) outcome = Outcome<IReadOnlyList<CostMemberInput>>.Invalid("file", "取り込むファイルを選んでください。");
        else if (populationFile.Length > PopulationFile.MaxBytes) outcome = Outcome<IReadOnlyList<CostMemberInput>>.TooLarge("file", "取り込めるファイルは 1 MB までです。");
        else
        {
            await using var stream = populationFile.OpenReadStream();
            outcome = await costs.ReadPopulationsAsync(id, stream, User, ct);
        }
        if (outcome.Kind is OutcomeKind.Forbidden or OutcomeKind.NotFound) return Refused(outcome.Kind);
        if (!outcome.Succeeded) (ErrorField, Error) = (outcome.Field, outcome.Message);
        var loaded = await LoadAsync(id, ct);
        if (loaded is not null) return loaded;
        if (!outcome.Succeeded) return RefusedPage(outcome.Kind);
        var read = outcome.Value!.ToDictionary(m => m.OrganizationCode!, m => m.Population);
        List<long?> populations = [.. Payers.Select(p => read.TryGetValue(p.OrganizationCode, out var n) ? n : PopulationOf(p.OrganizationCode))];
        (Codes, Populations) = ([.. Payers.Select(p => p.OrganizationCode)], populations);
        Imported = read.Count;
        ModelState.Clear();
        return Page();
    }

    /// <summary>How many populations the last import filled in (shown as a notice).</summary>
    public int? Imported { get; private set; }

    private CostShareInput Input() => new(Title, InitialCost, AnnualCost, EqualPercent, null, RemainderOrganizationCode, DecisionId,
        [.. Codes.Select((code, i) => new CostMemberInput(code, i < Populations.Count ? Populations[i] ?? 0 : 0))]);

    private async Task<IActionResult?> LoadAsync(long id, CancellationToken ct)
    {
        Id = id;
        var list = await costs.ListAsync(id, User, ct);
        if (!list.Succeeded) return ForbidOrNotFound(list.Kind);
        List = list.Value!;
        Payers = (await costs.PayersAsync(id, User, ct)).Value ?? [];
        RemainderOrganizationCode ??= Payers.FirstOrDefault(p => p.IsLead)?.OrganizationCode;
        SetBreadcrumbs(new Breadcrumb("共同調達", TenantUrl("procurement")), new Breadcrumb(List.WorkspaceTitle, TenantUrl($"procurement/{id}")),
            new Breadcrumb("費用按分"));
        return null;
    }
}
