using System.Runtime.CompilerServices;

namespace GoMonorepoBuild.Tests.Support;

/// <summary>
/// Golden files next to the test sources (found through the caller's file path, so they need no copying to the
/// output). Set <c>GMB_UPDATE_GOLDEN=1</c> to rewrite them from the actual output, then review the diff.
/// </summary>
public static class DockerfilesGolden
{
    public static void Matches(string goldenRelativePath, string actual, [CallerFilePath] string callerFile = "")
    {
        var path = Path.Combine(Path.GetDirectoryName(callerFile)!, goldenRelativePath);
        if (Environment.GetEnvironmentVariable("GMB_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"golden file '{path}' is missing; run with GMB_UPDATE_GOLDEN=1 to create it");
        Assert.Equal(File.ReadAllText(path), actual);
    }

    /// <summary>A file next to the calling test source, e.g. a captured sample.</summary>
    public static string PathOf(string relativePath, [CallerFilePath] string callerFile = "") =>
        Path.Combine(Path.GetDirectoryName(callerFile)!, relativePath);
}
