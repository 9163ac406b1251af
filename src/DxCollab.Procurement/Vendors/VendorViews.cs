namespace DxCollab.Procurement.Vendors;

public sealed record VendorQuestionInput(VendorStage? Stage, string? VendorName, string? Question, DateOnly? ReceivedOn, string? Answer);

public sealed record VendorAnswerInput(string? Answer);

public sealed record VendorNoteInput(string? Text);

public sealed record VendorNoteView(long Id, string? OrganizationCode, string Author, string Text, DateTime CreatedAt);

/// <summary>A question as the workspace sees it (the lead also sees drafts: unanswered or unpublished ones).</summary>
public sealed record VendorQuestionView(long Id, VendorStage Stage, string StageName, string VendorName, string Question, DateOnly ReceivedOn,
    string? Answer, DateTime? AnsweredAt, string? AnsweredBy, bool Published, DateTime? PublishedAt, IReadOnlyList<VendorNoteView> Notes);

/// <summary>The questions a reader may see and what the reader may do with them.</summary>
public sealed record VendorQuestionList(long WorkspaceId, string WorkspaceTitle, bool MayManage, bool MayComment, IReadOnlyList<VendorQuestionView> Questions);

public static class VendorVocabulary
{
    public static string ToJapanese(this VendorStage stage) => stage switch
    {
        VendorStage.Rfi => "RFI（情報提供依頼）",
        VendorStage.Rfp => "RFP・入札",
        _ => stage.ToString(),
    };
}
