using System.Globalization;
using DxCollab.Platform.Threads;

namespace DxCollab.Standardization.Inquiries;

/// <summary>The subject of a 課題・質問 thread: a 団体 × 業務 × step, where the 業務 (the 団体 in general) and the step (the
/// 業務 as a whole) may be left out. Its key reads "272035", "272035/3" or "272035/3/12".</summary>
public sealed record InquirySubject(string OrganizationCode, int? Business, int? Step)
{
    public const string Type = "migration";

    public string Key => Business is not { } business ? OrganizationCode
        : Step is not { } step ? $"{OrganizationCode}/{business}" : $"{OrganizationCode}/{business}/{step}";

    public static InquirySubject Parse(string key)
    {
        var parts = key.Split('/');
        static int? Number(string[] parts, int i) =>
            parts.Length > i && int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        return new(parts[0], Number(parts, 1), Number(parts, 2));
    }

    /// <summary>LIKE patterns of the keys about <paramref name="business"/> (any 団体, with or without a step): the
    /// 団体コード is always six characters.</summary>
    public static (string Business, string AnyStep) BusinessPatterns(int business) =>
        ($"______/{business}", $"______/{business}/%");
}

/// <summary>What the platform's threads need to know about 標準化's 課題・質問: their name, page, upload purpose and how
/// a subject reads in a notice. Anyone who may see the 団体's threads takes part (the platform's default).</summary>
public sealed class MigrationInquirySubject : IThreadSubject
{
    public string SubjectType => InquirySubject.Type;
    public string Noun => "課題・質問";
    public string NotificationCategory => InquiryService.NotificationCategory;
    public string UploadPurpose => Files.MigrationUploads.Files;

    public string Link(string tenant, ConversationThread thread) => $"/{tenant}/migration/inquiries/{thread.Id}";

    public string SourceKey(ConversationThread thread) => $"MigrationInquiry:{thread.Id}";

    public string Describe(ConversationThread thread)
    {
        var subject = InquirySubject.Parse(thread.SubjectKey);
        return "対象: " + (subject.Business is null ? "団体全般"
            : InquiryService.BusinessName(subject.Business) + (subject.Step is null ? "" : $" ステップ {InquiryService.StepId(subject.Step)}"));
    }
}
