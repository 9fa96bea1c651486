using GoMonorepoBuild.Affected;
using GoMonorepoBuild.Changes;
using GoMonorepoBuild.Tests.Affected;
using GoMonorepoBuild.Workspace;

namespace GoMonorepoBuild.Tests.Changes;

/// <summary>
/// Clones made as CI checkouts make them (<c>git clone --filter=blob:none</c>, <c>tree:0</c>, with <c>--depth</c>) from
/// a repository served over file:// with filters allowed.
/// </summary>
public class PartialCloneTests : IDisposable
{
    readonly TestRepository origin = SampleMonorepo.WriteTo(new TestRepository());
    readonly string clone = Path.Combine(Path.GetTempPath(), "gmb-partial-" + Guid.NewGuid().ToString("N")[..12]);
    readonly string baseSha;

    public PartialCloneTests()
    {
        baseSha = origin.Commit("base");
        origin.Write("notes.txt", "n\n").Commit("notes");
        // A deleted Go file: only the base can say which services had it as an input, so the base model is needed.
        origin.Delete("libs/auth/token.go").Commit("token");
    }

    public void Dispose()
    {
        try { Directory.Delete(clone, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        origin.Dispose();
    }

    Task<AffectedResult> AnalyseAsync(IObjectFetcher objects, string? head = null, Func<AffectedRequest, AffectedRequest>? configure = null)
    {
        var request = new AffectedRequest(clone, ["services/*"]).WithBase(baseSha).WithHead(head);
        if (configure is not null) request = configure(request);
        return new AffectedAnalysis(new GitFetcher(), objects)
            .RunAsync(request, () => GoWorkspace.Load(clone, ["services/*"]), TestContext.Current.CancellationToken);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("HEAD")]
    public async Task A_blobless_clone_is_analysed_fetching_exactly_the_missing_contents_it_needs(string? head)
    {
        await GitCli.AllowFilters(origin.Root);
        await GitCli.PartialCloneAsync(origin.Root, clone, "blob:none");
        var missingBefore = await GitCli.MissingObjectsAsync(clone);
        Assert.NotEmpty(missingBefore);

        var objects = new RecordingObjectFetcher();
        var result = await AnalyseAsync(objects, head);

        Assert.Equal(["orders"], result.Names());
        Assert.Contains("libs/auth/token.go", result.ReasonOf("orders").ChainText);
        // The base model of the module that lost a Go file needs that file's content, which the clone left out; the rest is there.
        var fetched = Assert.Single(objects.Fetched);
        Assert.Contains(fetched, missingBefore);
        Assert.Equal(await GitCli.OutputAsync(origin.Root, "rev-parse", baseSha + ":libs/auth/token.go"), fetched);
    }

    [Fact]
    public async Task A_treeless_shallow_clone_is_deepened_and_gets_the_base_trees_and_contents_from_its_remote()
    {
        await GitCli.AllowFilters(origin.Root);
        await GitCli.PartialCloneAsync(origin.Root, clone, "tree:0", depth: 1);

        var objects = new RecordingObjectFetcher();
        var result = await AnalyseAsync(objects, head: "HEAD", configure: r => r.WithDeepen(new DeepenPolicy(10, FirstStep: 1)));

        Assert.Equal(["orders"], result.Names());
        Assert.Equal(baseSha, result.Base);
        Assert.NotEmpty(objects.Fetched);
    }

    [Fact]
    public async Task A_blobless_clone_whose_remote_is_gone_names_the_file_it_needed_and_what_to_do()
    {
        await GitCli.AllowFilters(origin.Root);
        await GitCli.PartialCloneAsync(origin.Root, clone, "blob:none");
        await GitCli.RunAsync(clone, "remote", "set-url", "origin", "file://" + origin.Root + "-gone");

        var e = await Assert.ThrowsAsync<MissingObjectsException>(() => AnalyseAsync(new RecordingObjectFetcher()));
        Assert.Contains("libs/auth/token.go at " + baseSha[..12], e.Message);
        Assert.Contains("partial clone", e.Message);
        Assert.Contains("Make the remote reachable", e.Message);
        Assert.DoesNotContain("cannot read header", e.Message);
        Assert.DoesNotContain("No valid git object", e.Message);
    }

    [Fact]
    public async Task A_rename_in_a_blobless_clone_without_its_remote_is_answered_as_a_deletion_and_an_addition()
    {
        var beforeRename = origin.HeadSha;
        origin.Move("services/web/static/index.html", "services/web/static/home.html").Commit("rename");
        await GitCli.AllowFilters(origin.Root);
        await GitCli.PartialCloneAsync(origin.Root, clone, "blob:none");
        await GitCli.RunAsync(clone, "remote", "set-url", "origin", "file://" + origin.Root + "-gone");

        // Only web's embedded file moved (no Go file), so the base model is not needed: the answer comes without the remote.
        var result = await AnalyseAsync(new RecordingObjectFetcher(), configure: r => r.WithBase(beforeRename));
        Assert.Contains("web", result.Names());
        Assert.Contains("services/web/static/home.html", result.ChangedFiles);
    }

    sealed class RecordingObjectFetcher : IObjectFetcher
    {
        readonly GitObjectFetcher git = new();
        public List<string> Fetched { get; } = [];

        public Task FetchAsync(string workingDirectory, string remote, IReadOnlyCollection<string> objectIds, CancellationToken cancellationToken)
        {
            Fetched.AddRange(objectIds);
            return git.FetchAsync(workingDirectory, remote, objectIds, cancellationToken);
        }
    }
}
