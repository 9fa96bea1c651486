using GoMonorepoBuild.Dockerfiles;
using GoMonorepoBuild.Tests.Targets;
using GoMonorepoBuild.Workspace;

namespace GoMonorepoBuild.Tests.Dockerfiles;

/// <summary>The run's LoadLocation scan reads each file once, however many services ask about it.</summary>
public sealed class LoadLocationScanTests
{
    [Fact]
    public void A_file_is_read_once_per_run_and_answers_the_same_after()
    {
        using var folder = new TempFolder();
        var path = folder.Write("libs/clock/clock.go", "package clock\nimport \"time\"\nfunc Zone() { _, _ = time.LoadLocation(\"UTC\") }\n");
        var scan = new LoadLocationScan(new MonorepoFiles(folder.Path));

        Assert.True(scan.Mentions("libs/clock/clock.go"));
        // Had the scan read it again, the second service asking would see this text and answer false.
        File.WriteAllText(path, "package clock\n");

        Assert.True(scan.Mentions("libs/clock/clock.go"));
        Assert.False(new LoadLocationScan(new MonorepoFiles(folder.Path)).Mentions("libs/clock/clock.go"));
    }

    [Fact]
    public void A_file_without_LoadLocation_does_not_mention_it()
    {
        using var folder = new TempFolder();
        folder.Write("main.go", "package main\nimport \"time\"\nvar d = time.Second\n");

        Assert.False(new LoadLocationScan(new MonorepoFiles(folder.Path)).Mentions("main.go"));
    }
}
