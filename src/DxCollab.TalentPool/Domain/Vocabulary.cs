using System.Text.Json.Serialization;

namespace DxCollab.TalentPool.Domain;

/// <summary>任用形態: how an expert serves the pool (collaboration.md, 人材プール).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EngagementForm>))]
public enum EngagementForm
{
    FullTimeStaff,          // 常勤職員
    FixedTermStaff,         // 任期付職員
    SpecialPartTimeStaff,   // 特別職非常勤職員（CIO補佐官等）
    Contractor,             // 業務委託
    SideJob,                // 非常勤（副業人材）
    RegionalRevitalization, // 地域活性化起業人
    NationalAdviser,        // 国の派遣アドバイザー（地域情報化アドバイザー等）
}

/// <summary>財源: how the expert's cost is funded.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FundingTag>))]
public enum FundingTag
{
    OrdinaryAllocationTax, // 普通交付税
    SpecialAllocationTax,  // 特別交付税（0.7）
    OwnFunds,              // 自主財源
}

/// <summary>How support is given: on site (訪問) or online; a request may accept either.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SupportMode>))]
public enum SupportMode
{
    Either,
    OnSite,
    Online,
}

[JsonConverter(typeof(JsonStringEnumConverter<Urgency>))]
public enum Urgency
{
    Low,    // 急がない
    Normal, // 通常
    High,   // 至急
}

/// <summary>受付 → 調整中 → 割当済 → 支援中 → 完了 / 取下げ.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RequestState>))]
public enum RequestState
{
    Received,
    Coordinating,
    Assigned,
    InSupport,
    Completed,
    Withdrawn,
}

[JsonConverter(typeof(JsonStringEnumConverter<AssignmentState>))]
public enum AssignmentState
{
    Planned,   // 支援開始前
    Active,    // 支援中
    Completed, // 終了
    Cancelled, // 取消
}

[JsonConverter(typeof(JsonStringEnumConverter<ReportKind>))]
public enum ReportKind
{
    AfterVisit, // 訪問後の報告（訪問から5開庁日以内）
    Final,      // 終了時の報告
}

public static class TalentVocabulary
{
    public static string ToJapanese(this EngagementForm form) => form switch
    {
        EngagementForm.FullTimeStaff => "常勤職員",
        EngagementForm.FixedTermStaff => "任期付職員",
        EngagementForm.SpecialPartTimeStaff => "特別職非常勤職員",
        EngagementForm.Contractor => "業務委託",
        EngagementForm.SideJob => "非常勤（副業人材）",
        EngagementForm.RegionalRevitalization => "地域活性化起業人",
        EngagementForm.NationalAdviser => "国の派遣アドバイザー",
        _ => form.ToString(),
    };

    public static string ToJapanese(this FundingTag tag) => tag switch
    {
        FundingTag.OrdinaryAllocationTax => "普通交付税",
        FundingTag.SpecialAllocationTax => "特別交付税（0.7）",
        FundingTag.OwnFunds => "自主財源",
        _ => tag.ToString(),
    };

    public static string ToJapanese(this SupportMode mode) => mode switch
    {
        SupportMode.OnSite => "訪問",
        SupportMode.Online => "オンライン",
        _ => "訪問・オンラインどちらでも",
    };

    public static string ToJapanese(this Urgency urgency) => urgency switch
    {
        Urgency.Low => "急がない",
        Urgency.High => "至急",
        _ => "通常",
    };

    public static string ToJapanese(this RequestState state) => state switch
    {
        RequestState.Received => "受付",
        RequestState.Coordinating => "調整中",
        RequestState.Assigned => "割当済",
        RequestState.InSupport => "支援中",
        RequestState.Completed => "完了",
        RequestState.Withdrawn => "取下げ",
        _ => state.ToString(),
    };

    public static string ToJapanese(this AssignmentState state) => state switch
    {
        AssignmentState.Planned => "開始前",
        AssignmentState.Active => "支援中",
        AssignmentState.Completed => "終了",
        AssignmentState.Cancelled => "取消",
        _ => state.ToString(),
    };

    public static string ToJapanese(this ReportKind kind) => kind == ReportKind.AfterVisit ? "訪問後の報告" : "終了時の報告";

    /// <summary>Skill levels of a profile (1–3).</summary>
    public static string SkillLevel(int level) => level switch { >= 3 => "指導できる", 2 => "実務経験あり", _ => "基礎" };
}
