using GoMonorepoBuild.Inputs;
using GoMonorepoBuild.Tests.Support;
using GoMonorepoBuild.Tests.Workspace;

namespace GoMonorepoBuild.Tests.Inputs;

/// <summary>
/// Issue 18 item 3: hashing a service's inputs stops between files once the run is cancelled (each digest may read a
/// file), and reading git's index does not start with a cancelled token. Counted, never timed.
/// </summary>
public sealed class HashCancellationTests : IDisposable
{
    readonly TempTree tree = new();
    readonly SyntheticMonorepoInfo info;

    public HashCancellationTests() =>
        info = SyntheticMonorepo.Write(tree.Root, new SyntheticMonorepoOptions(Services: 2, Libs: 10, PackagesPerModule: 4, FilesPerPackage: 20, FanIn: 10));

    [Fact]
    public void Hashing_cancelled_midway_digests_no_further_file()
    {
        using var cancellation = new CancelAfter(50);
        var files = Directory.EnumerateFiles(tree.Root, "*.go", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(tree.Root, f)).ToList();
        var digests = new CountingDigests(new ContentDigests(tree.Root), _ => cancellation.Step());

        Assert.ThrowsAny<OperationCanceledException>(() =>
            ServiceInputHash.Compute(files, digests, "FROM scratch", [], ["linux/amd64"], "builder", cancellation.Token));
        Assert.Equal(50, digests.Read);
        Assert.True(files.Count > 500, $"{files.Count} files");
    }

    [Fact]
    public void The_same_hash_not_cancelled_digests_every_file()
    {
        var files = Directory.EnumerateFiles(tree.Root, "*.go", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(tree.Root, f)).ToList();
        var digests = new CountingDigests(new ContentDigests(tree.Root), _ => { });

        ServiceInputHash.Compute(files, digests, "FROM scratch", [], ["linux/amd64"], "builder", TestContext.Current.CancellationToken);

        Assert.Equal(files.Count, digests.Read);
        Assert.Equal(info.GoFiles, files.Count);
    }

    [Fact]
    public void Reading_the_index_with_a_cancelled_token_throws()
    {
        Assert.ThrowsAny<OperationCanceledException>(() => GitIndexDigests.For(tree.Root, new CancellationToken(canceled: true)));
    }

    sealed class CountingDigests(IFileDigests inner, Action<int> onRead) : IFileDigests
    {
        int read;

        public int Read => read;

        public string Of(string relativePath)
        {
            var digest = inner.Of(relativePath);
            onRead(Interlocked.Increment(ref read));
            return digest;
        }
    }

    public void Dispose() => tree.Dispose();
}
