using System.Text.Json;
using System.Text.Json.Serialization;
using DxCollab.Platform.Organizations;
using DxCollab.Surveys.Forms;

namespace DxCollab.Surveys.Authoring;

/// <summary>How the municipalities of a roster are chosen.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RosterMode>))]
public enum RosterMode
{
    /// <summary>No municipality (only departments, or nothing yet).</summary>
    None = 0,
    /// <summary>Every active municipality of the prefecture.</summary>
    All = 1,
    /// <summary>Every active municipality of the chosen 団体区分.</summary>
    Categories = 2,
    /// <summary>The 団体 picked by hand.</summary>
    Picked = 3,
}

/// <summary>The roster as the author chose it (kept in <see cref="Domain.Survey.RosterRuleJson"/> so the editor shows
/// it again): municipalities by a rule, plus the prefecture's departments by id.</summary>
public sealed record RosterRule(RosterMode Mode = RosterMode.None, List<string>? Categories = null, List<string>? Codes = null,
    List<long>? Departments = null)
{
    // JSON may carry nulls inside the lists: they name nothing, so they are left out.
    public List<string> CategoryList => Categories?.Where(c => !string.IsNullOrWhiteSpace(c)).ToList() ?? [];
    public List<string> CodeList => Codes?.Where(c => !string.IsNullOrWhiteSpace(c)).ToList() ?? [];
    public List<long> DepartmentList => Departments ?? [];

    public string ToJson() => JsonSerializer.Serialize(this, FormJson.Options);

    public static RosterRule FromJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json) || json.Trim() == "{}") return new();
        try { return JsonSerializer.Deserialize<RosterRule>(json, FormJson.Options) ?? new(); }
        catch (JsonException) { return new(); }
    }

    /// <summary>A 団体区分 by its name (CoreCity) or Japanese name (中核市); only the municipal ones.</summary>
    public static OrganizationCategory? ParseCategory(string? text)
    {
        var value = text?.Trim() ?? "";
        foreach (var category in MunicipalCategories)
            if (value == category.ToJapanese() || string.Equals(value, category.ToString(), StringComparison.OrdinalIgnoreCase)) return category;
        return null;
    }

    /// <summary>The categories a municipality can be in (the prefecture itself answers through its departments).</summary>
    public static IReadOnlyList<OrganizationCategory> MunicipalCategories { get; } =
    [
        OrganizationCategory.DesignatedCity, OrganizationCategory.CoreCity, OrganizationCategory.SpecialWard,
        OrganizationCategory.OtherCity, OrganizationCategory.TownOrVillage,
    ];
}
