using GoMonorepoBuild.Tests.Support;

namespace GoMonorepoBuild.Tests.Reports;

/// <summary>
/// Where the browser tests keep their screenshots: .nuke/temp/test-results/screenshots, in the test results folder the
/// build's Test target writes (and CI keeps) beside the .trx files and summary.txt.
/// </summary>
static class Screenshots
{
    public static string Path(string name)
    {
        var folder = System.IO.Path.Combine(RealBuild.RepositoryRoot, ".nuke", "temp", "test-results", "screenshots");
        Directory.CreateDirectory(folder);
        return System.IO.Path.Combine(folder, name);
    }
}
