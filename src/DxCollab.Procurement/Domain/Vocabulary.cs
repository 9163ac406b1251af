using System.Text.Json.Serialization;

namespace DxCollab.Procurement.Domain;

/// <summary>Where a joint procurement stands (検討 → 意向調査 → 仕様書作成 → RFI → RFP・入札 → 契約 → 導入 → 運用).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ProcurementPhase>))]
public enum ProcurementPhase { Study, IntentPoll, Specification, Rfi, Rfp, Contract, Rollout, Operation }

/// <summary>A member organisation's role in a workspace: the lead body (代表団体) manages; a member edits documents,
/// comments and votes; an observer reads and comments only.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MemberRole>))]
public enum MemberRole { Lead, Member, Observer }

/// <summary>Invited → Active (joined) or Declined; Active → Left (by itself) or Removed (by the lead). Rows are never
/// deleted, so the history of who took part stays.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MemberState>))]
public enum MemberState { Invited, Active, Declined, Left, Removed }

public static class ProcurementVocabulary
{
    public static string ToJapanese(this ProcurementPhase phase) => phase switch
    {
        ProcurementPhase.Study => "検討",
        ProcurementPhase.IntentPoll => "意向調査",
        ProcurementPhase.Specification => "仕様書作成",
        ProcurementPhase.Rfi => "RFI",
        ProcurementPhase.Rfp => "RFP・入札",
        ProcurementPhase.Contract => "契約",
        ProcurementPhase.Rollout => "導入",
        ProcurementPhase.Operation => "運用",
        _ => phase.ToString(),
    };

    public static string ToJapanese(this MemberRole role) => role switch
    {
        MemberRole.Lead => "代表団体",
        MemberRole.Member => "参加団体",
        MemberRole.Observer => "オブザーバー",
        _ => role.ToString(),
    };

    public static string ToJapanese(this MemberState state) => state switch
    {
        MemberState.Invited => "招待中",
        MemberState.Active => "参加中",
        MemberState.Declined => "辞退",
        MemberState.Left => "離脱",
        MemberState.Removed => "除外",
        _ => state.ToString(),
    };

    public static string ToJapanese(this AgreementKind kind) => kind switch
    {
        AgreementKind.Agreement => "協定",
        AgreementKind.Delegation => "事務委託",
        _ => kind.ToString(),
    };

    /// <summary>Subjects offered on the form (free text is accepted too).</summary>
    public static readonly IReadOnlyList<string> TypicalSubjects =
        ["標準準拠システム 住民記録", "ビジネスチャット", "RPA", "AI（生成AI・AI-OCR）", "電子申請", "GIGA端末", "Web会議", "ファイル共有・グループウェア"];
}
