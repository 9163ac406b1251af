namespace DxCollab.DeploymentTests;

/// <summary>Every module's pages and endpoints speak the platform's access vocabulary (CurrentUser, named policies) and
/// read data through module services (decisions/0006), so a new module cannot quietly grow its own idea of "staff" or
/// "own 団体".</summary>
public sealed class AccessConventionsTests
{
    private static IEnumerable<string> SourceFiles(string folder, params string[] patterns) =>
        Directory.EnumerateDirectories(RepoFiles.PathOf("src"))
            .Select(project => Path.Combine(project, folder))
            .Where(Directory.Exists)
            .SelectMany(dir => patterns.SelectMany(p => Directory.EnumerateFiles(dir, p, SearchOption.AllDirectories)))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Select(RepoFiles.Relative);

    [Fact]
    public void Pages_and_endpoints_check_access_with_the_vocabulary_not_inline_roles()
    {
        var files = SourceFiles("Pages", "*.cs", "*.cshtml").Concat(SourceFiles("Api", "*.cs")).ToList();
        files.Count.ShouldBeGreaterThan(20);
        var offenders = files
            .Where(f => RepoFiles.Read(f).Contains("IsInRole(", StringComparison.Ordinal)).ToList();
        offenders.ShouldBeEmpty("use CurrentUser (IsPrefectureStaff, IsOfficerOf …) or a named policy instead of IsInRole");
    }

    [Fact]
    public void Page_models_read_through_services_not_the_DbContext()
    {
        var pageModels = SourceFiles("Pages", "*.cshtml.cs").ToList();
        pageModels.Count.ShouldBeGreaterThan(10);
        var offenders = pageModels.Where(f => RepoFiles.Read(f).Contains("DxCollabDbContext", StringComparison.Ordinal)).ToList();
        offenders.ShouldBeEmpty("a page model asks its module's services (decisions/0006)");
    }
}
