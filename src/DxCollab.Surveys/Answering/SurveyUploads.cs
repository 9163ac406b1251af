namespace DxCollab.Surveys.Answering;

/// <summary>The module's upload purposes (limits in <c>Files:Purposes:{purpose}</c>).</summary>
public static class SurveyUploads
{
    /// <summary>Files attached to answers: 10 MB each, office documents, PDF and images (a scanned 計画書, an 体制図).</summary>
    public const string Answers = "surveys";

    public static readonly string[] Extensions =
        [".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".ods", ".odp", ".png", ".jpg", ".jpeg", ".gif", ".csv", ".txt"];
}
