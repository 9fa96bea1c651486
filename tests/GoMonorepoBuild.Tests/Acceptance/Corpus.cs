using GoMonorepoBuild.Processes;
using GoMonorepoBuild.Tests.Support;

namespace GoMonorepoBuild.Tests.Acceptance;

/// <summary>
/// The real monorepos of <c>../shared/corpus</c> (or <c>$GMB_CORPUS</c>), unpacked into a temp folder as git
/// repositories. A clone without them skips these tests: the project's own tests never need them.
/// </summary>
public static class Corpus
{
    public static string? Folder =>
        new[] { Environment.GetEnvironmentVariable("GMB_CORPUS"), Path.Combine(RealBuild.RepositoryRoot, "..", "shared", "corpus") }
            .FirstOrDefault(f => !string.IsNullOrEmpty(f) && File.Exists(Path.Combine(f, "unpack")));

    /// <summary>Unpacks <paramref name="name"/> into <paramref name="destination"/>; skips the test when the corpus is absent.</summary>
    public static async Task<string> UnpackAsync(string name, string destination)
    {
        var folder = Folder;
        if (folder is null || !File.Exists(Path.Combine(folder, name + ".tar.xz")))
            Assert.Skip($"the corpus snapshot {name} is not here (../shared/corpus or $GMB_CORPUS): acceptance runs only where it exists");
        var result = await Tool.Named("bash").RunAsync([Path.Combine(folder, "unpack"), name, destination], TestContext.Current.CancellationToken);
        return result.StandardOutput.Trim();
    }
}
