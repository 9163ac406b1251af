namespace DxCollab.Platform.Prefill;

/// <summary>The kind of value a prefill source gives, so a survey question of a matching type can offer it.</summary>
public enum PrefillValueType { Integer = 1, Decimal = 2, Text = 3 }

/// <summary>A figure the product already holds about a 団体 that a survey question may be prefilled with (e.g. its 標準化
/// 完了率). A module implements it over its own data and registers it with <c>module.AddPrefillSource&lt;T&gt;()</c>;
/// the 照会 module reads it through this contract only, never the owning module's tables.</summary>
public interface IPrefillSource
{
    /// <summary>Stable key stored on a question ("standardization.completion-rate"): never renamed once used.</summary>
    string Key { get; }

    /// <summary>What the respondent sees as the origin of the value (Japanese), e.g. 「標準化の完了率（標準化の進捗から）」.</summary>
    string Label { get; }

    PrefillValueType ValueType { get; }

    /// <summary>Unit shown beside the value (%, 業務), or null.</summary>
    string? Unit { get; }

    /// <summary>The value for the 団体 with this 団体コード in the current tenant, as text in invariant culture
    /// ("59.2"); null when the product holds none for it (an unknown code, a prefecture department).</summary>
    Task<string?> ValueForAsync(string organizationCode, CancellationToken ct = default);
}
