using GoMonorepoBuild.Processes;

namespace GoMonorepoBuild.Tests.Support;

/// <summary>
/// The snapshots of real Go monorepos in <c>../shared/corpus</c> (beside the repository, or beside a folder above it),
/// for acceptance runs. A user's fresh clone has none: tests using it skip, saying so.
/// </summary>
internal static class SharedCorpus
{
    /// <summary>The corpus folder (holding the <c>unpack</c> script), or null.</summary>
    public static string? Folder { get; } = Find();

    static string? Find()
    {
        if (Environment.GetEnvironmentVariable("GMB_CORPUS") is { Length: > 0 } configured)
            return File.Exists(Path.Combine(configured, "unpack")) ? Path.GetFullPath(configured) : null;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "corpus");
            if (File.Exists(Path.Combine(candidate, "unpack"))) return candidate;
        }
        return null;
    }

    /// <summary>Skips the test when the corpus or the snapshot is not there.</summary>
    public static string Require(string name)
    {
        if (Folder is null) Assert.Skip("no ../shared/corpus here (set GMB_CORPUS to its folder to run this acceptance test)");
        if (!File.Exists(Path.Combine(Folder, name + ".tar.xz"))) Assert.Skip($"the corpus at {Folder} has no snapshot named {name}");
        return Folder;
    }

    /// <summary>Unpacks snapshot <paramref name="name"/> into <paramref name="destination"/> as a git repository with one commit; returns its folder.</summary>
    public static async Task<string> UnpackAsync(string name, string destination, CancellationToken cancellationToken)
    {
        var folder = Require(name);
        var result = await Tool.Named(Path.Combine(folder, "unpack")).RunAsync([name, destination], cancellationToken);
        return result.StandardOutput.Trim();
    }
}
