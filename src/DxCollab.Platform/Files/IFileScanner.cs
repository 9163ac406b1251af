namespace DxCollab.Platform.Files;

public enum ScanVerdict { Clean, Infected, Unavailable }

public sealed record FileScanResult(ScanVerdict Verdict, string? Threat = null)
{
    public static readonly FileScanResult Clean = new(ScanVerdict.Clean);
}

/// <summary>A hook every upload passes through after its kind was checked and before it is stored: a virus scanner
/// (<see cref="ClamdFileScanner"/> when <c>Files:ClamAv:Host</c> is set) or nothing (<see cref="NoFileScanner"/>, the
/// default). An infected file is refused (400), an unreachable scanner refuses the upload too (503): nothing unscanned
/// is kept when scanning is on.</summary>
public interface IFileScanner
{
    /// <summary>Scans the bytes <paramref name="content"/> gives (read to its end once, never held whole).</summary>
    Task<FileScanResult> ScanAsync(string fileName, Stream content, CancellationToken ct = default);
}

public sealed class NoFileScanner : IFileScanner
{
    public Task<FileScanResult> ScanAsync(string fileName, Stream content, CancellationToken ct = default) =>
        Task.FromResult(FileScanResult.Clean);
}
