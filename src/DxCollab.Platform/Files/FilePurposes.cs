namespace DxCollab.Platform.Files;

/// <summary>Upload purposes the platform itself declares (modules declare theirs beside their own code).</summary>
public static class FilePurposes
{
    /// <summary>The 総務省 団体 list a SystemAdmin imports (CSV).</summary>
    public const string OrganizationList = "organization-list";
}
