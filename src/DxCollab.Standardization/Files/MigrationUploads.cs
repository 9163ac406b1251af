namespace DxCollab.Standardization.Files;

/// <summary>The module's upload purposes (limits in <c>Files:Purposes:{purpose}</c>; the 証跡 one also still reads
/// <c>Migration:Files:MaxFileBytes</c> and <c>:MaxAttachmentsPerMessage</c>).</summary>
public static class MigrationUploads
{
    /// <summary>証跡 and 課題・質問 attachments: 10 MB per file (a scanned 契約書 or a 移行計画書 fits; a system image does
    /// not), 5 files per message.</summary>
    public const string Files = "migration-files";

    /// <summary>The 総務省 workbook to import: xlsx or CSV up to 20 MB (a whole prefecture's sheet is far smaller).</summary>
    public const string Workbook = "migration-workbook";

    public const string LegacySection = "Migration:Files";
}
