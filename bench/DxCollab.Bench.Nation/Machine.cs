using System.Diagnostics;

namespace DxCollab.Bench.Nation;

/// <summary>What the figures were measured on, and the source they measure.</summary>
internal static class Machine
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Describe()
    {
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?";
        var memKb = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))?
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        var memory = long.TryParse(memKb, out var kb) ? $"{kb / 1024.0 / 1024:0.0} GiB" : "?";
        var os = File.Exists("/etc/os-release")
            ? File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?.Split('=', 2)[1].Trim('"') ?? "?"
            : Environment.OSVersion.ToString();
        return FormattableString.Invariant(
            $"{Run("nproc", "").Trim()} cores (nproc), {cpu}, {memory} memory, {os} (kernel {Environment.OSVersion.Version}), .NET {Environment.Version}");
    }

    public static string Commit()
    {
        var sha = Run("git", "rev-parse --short HEAD").Trim();
        var dirty = Run("git", "status --porcelain --untracked-files=no").Trim().Length > 0;
        return sha.Length == 0 ? "?" : dirty ? sha + " (with uncommitted changes)" : sha;
    }

    public static string Run(string file, string arguments, string? workingDirectory = null)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(file, arguments)
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
                WorkingDirectory = workingDirectory ?? RepositoryRoot,
            })!;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return output;
        }
        catch (System.ComponentModel.Win32Exception) { return ""; }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "DxCollab.sln"))) return dir.FullName;
        throw new InvalidOperationException("DxCollab.sln が見つかりません。リポジトリの中でビルドして実行してください。");
    }
}
