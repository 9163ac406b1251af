using DxCollab.MultiTenancy;

namespace DxCollab.Platform.Tenancy;

/// <summary>A tenant is a prefecture (都道府県). Id = Identifier = lower-case romaji (osaka);
/// <see cref="Code"/> is its 6-digit 団体コード (270008).</summary>
public sealed record PrefectureTenant : TenantInfo
{
    public required string Code { get; init; }
    /// <summary>JIS X 0401 prefecture code, "01" … "47".</summary>
    public string PrefectureCode => Code[..2];
    public bool IsHost { get; init; }
}
