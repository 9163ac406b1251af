using DxCollab.MultiTenancy.EntityFrameworkCore;
using DxCollab.Platform.Text;

namespace DxCollab.Platform.Organizations;

/// <summary>団体: the prefecture itself or one of its 市区町村, keyed by 全国地方公共団体コード within the tenant.
/// A body that disappears from a later 総務省 list is kept (abolished, perhaps merged) so its history stays.</summary>
public sealed class Organization : ITenantOwned, Audit.IHasAuditKey
{
    public int Id { get; private set; }
    public string TenantId { get; set; } = "";
    public required string Code { get; init; }
    public required string Name { get; set; }
    public required string Kana { get; set; }
    public OrganizationType Type { get; set; }
    /// <summary>Normalised name + kana for width- and kana-insensitive search (see <see cref="JapaneseText"/>).</summary>
    public string SearchKey { get; private set; } = "";
    public DateOnly? AbolishedOn { get; set; }
    /// <summary>団体コード of the body this one was merged into (合併).</summary>
    public string? SuccessorCode { get; set; }

    public OrganizationCategory Category => Type.ToCategory();
    public bool IsPrefecture => Type == OrganizationType.Prefecture;
    public bool IsActive => AbolishedOn is null;

    string Audit.IHasAuditKey.AuditKey => Code;

    public void RefreshSearchKey() => SearchKey = JapaneseText.SearchKey(Name) + "|" + JapaneseText.SearchKey(Kana);
}

public enum OrganizationChangeKind { Created = 1, Renamed = 2, TypeChanged = 3, Abolished = 4, Restored = 5 }

/// <summary>One change of a 団体 brought by a 団体 list import (新設, 名称変更, 種別変更, 廃止・合併).</summary>
public sealed class OrganizationChange : ITenantOwned, Audit.IHasAuditKey
{
    public long Id { get; private set; }
    public string TenantId { get; set; } = "";
    public required string OrganizationCode { get; init; }
    public OrganizationChangeKind Kind { get; init; }
    public string? Before { get; init; }
    public string? After { get; init; }
    public DateOnly EffectiveOn { get; init; }
    /// <summary>Which list brought the change, e.g. "総務省 令和6年1月1日更新".</summary>
    public required string Source { get; init; }

    string Audit.IHasAuditKey.AuditKey => OrganizationCode;
}
