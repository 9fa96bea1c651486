using System.Collections;
using GoMonorepoBuild.Changes;
using GoMonorepoBuild.Tests.Support;

namespace GoMonorepoBuild.Tests.Changes;

/// <summary>
/// Issue 18 item 3: the git stages stop between folders and files once the run is cancelled, with an
/// OperationCanceledException, and leave nothing behind. Counted through the stages' own callbacks, never timed.
/// </summary>
public sealed class ChangesCancellationTests(ChangesCancellationTests.GeneratedRepository generated)
    : IClassFixture<ChangesCancellationTests.GeneratedRepository>
{
    /// <summary>About 2,200 .go files in 50 modules, committed once for the class; a second commit edits every service.</summary>
    public sealed class GeneratedRepository : IDisposable
    {
        public GeneratedRepository()
        {
            Info = SyntheticMonorepo.Write(Repository.Root, new SyntheticMonorepoOptions(Services: 20, Libs: 30, PackagesPerModule: 4, FilesPerPackage: 10));
            Base = Repository.Commit("generated");
            foreach (var name in Info.ServiceNames) Repository.Write($"services/{name}/cmd/{name}/extra.go", $"package main\n\n// {name}\n");
            Head = Repository.Commit("every service");
        }

        public TestRepository Repository { get; } = new();

        public SyntheticMonorepoInfo Info { get; }

        public string Base { get; }

        public string Head { get; }

        public void Dispose() => Repository.Dispose();
    }

    [Fact]
    public void Writing_a_revision_cancelled_midway_walks_no_further_folder()
    {
        using var cancellation = new CancelAfter(10);
        bool Include(string folder)
        {
            cancellation.Step();
            return true;
        }

        Assert.ThrowsAny<OperationCanceledException>(() =>
            TreeSnapshot.Write(generated.Repository.Root, generated.Head, ".", Include, cancellationToken: cancellation.Token));
        Assert.Equal(10, cancellation.Counted);
    }

    [Fact]
    public void The_same_revision_not_cancelled_walks_every_folder()
    {
        var folders = 0;
        using var snapshot = TreeSnapshot.Write(generated.Repository.Root, generated.Head, ".", _ => ++folders > 0,
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(folders > 200, $"{folders} folders");
        Assert.True(File.Exists(Path.Combine(snapshot.Folder!, "services/svc0/cmd/svc0/extra.go")));
    }

    [Fact]
    public void Writing_a_revision_with_a_cancelled_token_writes_nothing()
    {
        var folders = 0;
        Assert.ThrowsAny<OperationCanceledException>(() =>
            TreeSnapshot.Write(generated.Repository.Root, generated.Head, ".", _ => ++folders > 0, cancellationToken: new CancellationToken(canceled: true)));
        Assert.Equal(0, folders);
    }

    [Fact]
    public void Listing_changes_cancelled_once_the_working_tree_paths_are_known_does_not_judge_them()
    {
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var local = new CancelWhenRead(generated.Info.ServiceNames.Select(n => $"services/{n}/go.mod").ToList(), cancellation);
        var resolved = new ResolvedBase(BaseSource.Explicit, generated.Base, "test");

        Assert.ThrowsAny<OperationCanceledException>(() =>
            GitChanges.Compute(generated.Repository.Root, resolved, head: null, localPaths: local, cancellationToken: cancellation.Token));
        Assert.True(local.Read);
    }

    [Fact]
    public void The_same_changes_not_cancelled_are_listed()
    {
        var resolved = new ResolvedBase(BaseSource.Explicit, generated.Base, "test");

        var changes = GitChanges.Compute(generated.Repository.Root, resolved, head: null, localPaths: ["services/svc0/go.mod"],
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(generated.Info.ServiceNames.Count + 1, changes.Files.Count);
    }

    [Fact]
    public void Listing_changes_with_a_cancelled_token_throws_before_opening_the_repository()
    {
        var resolved = new ResolvedBase(BaseSource.Explicit, generated.Base, "test");
        Assert.ThrowsAny<OperationCanceledException>(() =>
            GitChanges.Compute(Path.Combine(generated.Repository.Root, "no-such-folder"), resolved, generated.Head, cancellationToken: new CancellationToken(canceled: true)));
    }

    /// <summary>The working tree's changed paths, as git would list them; reading them all cancels the run.</summary>
    sealed class CancelWhenRead(IReadOnlyCollection<string> paths, CancellationTokenSource cancellation) : IReadOnlyCollection<string>
    {
        public bool Read { get; private set; }

        public int Count => paths.Count;

        public IEnumerator<string> GetEnumerator()
        {
            foreach (var path in paths) yield return path;
            Read = true;
            cancellation.Cancel();
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
