using PublicApiGenerator;
using GoMonorepoBuild.Tests.Support;

namespace GoMonorepoBuild.Tests.Api;

/// <summary>
/// The framework's public API as a committed listing: a change to what users may call or override shows up in review
/// as a diff of PublicApi.txt. GMB_UPDATE_API=1 rewrites the listing after an intended change.
/// </summary>
public class PublicApiTests
{
    static string Snapshot => Path.Combine(RealBuild.RepositoryRoot, "tests", "GoMonorepoBuild.Tests", "Api", "PublicApi.txt");

    [Fact]
    public void The_public_api_matches_the_committed_listing()
    {
        var actual = typeof(MonorepoBuild).Assembly.GeneratePublicApi(new ApiGeneratorOptions
        {
            // Attributes the compiler adds (nullable metadata, target framework) are noise in a review diff.
            ExcludeAttributes = ["System.Runtime.Versioning.TargetFrameworkAttribute", "System.Reflection.AssemblyMetadataAttribute"],
        }).ReplaceLineEndings("\n");

        if (Environment.GetEnvironmentVariable("GMB_UPDATE_API") == "1")
        {
            File.WriteAllText(Snapshot, actual);
            return;
        }
        Assert.True(File.Exists(Snapshot), $"{Snapshot} is missing: run the tests once with GMB_UPDATE_API=1 and commit it.");
        var expected = File.ReadAllText(Snapshot).ReplaceLineEndings("\n");
        Assert.True(expected == actual,
            "The public API changed. If intended, run the tests with GMB_UPDATE_API=1 and commit tests/GoMonorepoBuild.Tests/Api/PublicApi.txt.\n" +
            FirstDifference(expected, actual));
    }

    static string FirstDifference(string expected, string actual)
    {
        var was = expected.Split('\n');
        var now = actual.Split('\n');
        for (var i = 0; i < Math.Max(was.Length, now.Length); i++)
        {
            var before = i < was.Length ? was[i] : "<end>";
            var after = i < now.Length ? now[i] : "<end>";
            if (before != after) return $"First difference at line {i + 1}:\n  committed: {before}\n  now:       {after}";
        }
        return "";
    }
}
