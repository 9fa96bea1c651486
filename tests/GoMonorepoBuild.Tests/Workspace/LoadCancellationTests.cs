using GoMonorepoBuild.Tests.Support;
using GoMonorepoBuild.Workspace;

namespace GoMonorepoBuild.Tests.Workspace;

/// <summary>
/// Issue 18 item 3: a cancelled load stops between files with an OperationCanceledException instead of reading the rest
/// of the tree (the build's Ctrl-C then ends the target, not a grace period). Counted, never timed.
/// </summary>
public sealed class LoadCancellationTests(LoadCancellationTests.GeneratedTree generated) : IClassFixture<LoadCancellationTests.GeneratedTree>
{
    /// <summary>About 2,200 .go files in 50 modules, written once for the class.</summary>
    public sealed class GeneratedTree : IDisposable
    {
        readonly TempTree tree = new();

        public GeneratedTree() =>
            Info = SyntheticMonorepo.Write(tree.Root, new SyntheticMonorepoOptions(Services: 20, Libs: 30, PackagesPerModule: 4, FilesPerPackage: 10));

        public SyntheticMonorepoInfo Info { get; }

        public void Dispose() => tree.Dispose();
    }

    [Fact]
    public void A_load_cancelled_midway_reads_no_further_file()
    {
        using var cancellation = new CancelAfter(100);
        // One scanning thread, so "no further file" is exact: the loop checks the token before each file.
        var options = WorkspaceOptions.Default with { Parallelism = 1, Scanned = _ => cancellation.Step() };

        Assert.ThrowsAny<OperationCanceledException>(() => GoWorkspace.Load(generated.Info.Root, options, cancellation.Token));
        Assert.Equal(100, cancellation.Counted);
        Assert.True(generated.Info.GoFiles > 2000, $"the tree has {generated.Info.GoFiles} .go files");
    }

    [Fact]
    public void A_load_cancelled_midway_with_every_core_scanning_stops_well_before_the_end()
    {
        using var cancellation = new CancelAfter(100);
        var options = WorkspaceOptions.Default with { Scanned = _ => cancellation.Step() };

        Assert.ThrowsAny<OperationCanceledException>(() => GoWorkspace.Load(generated.Info.Root, options, cancellation.Token));
        // The threads finish the files they hold (Parallel.For may hand out more before every thread sees the
        // cancellation: 234 seen at a load average of 13 on two cores; the one-thread test above is the exact one): far
        // from the 2,200 of the whole tree.
        Assert.InRange(cancellation.Counted, 100, 550);
    }

    [Fact]
    public void A_load_with_a_cancelled_token_scans_no_file()
    {
        var scanned = 0;
        var options = WorkspaceOptions.Default with { Scanned = _ => Interlocked.Increment(ref scanned) };

        Assert.ThrowsAny<OperationCanceledException>(() => GoWorkspace.Load(generated.Info.Root, options, new CancellationToken(canceled: true)));
        Assert.Equal(0, scanned);
    }

    [Fact]
    public void The_same_load_not_cancelled_scans_every_file()
    {
        var scanned = 0;
        var options = WorkspaceOptions.Default with { Scanned = _ => Interlocked.Increment(ref scanned) };

        var model = GoWorkspace.Load(generated.Info.Root, options, TestContext.Current.CancellationToken);

        Assert.Equal(generated.Info.GoFiles, scanned);
        Assert.Equal(20, model.Services.Count);
    }
}
